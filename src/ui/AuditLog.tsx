import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../telemetry/live/operatorCommands';
import { gateTime } from './gateTime';

/** Entries shown; the export holds them all. */
const SHOWN = 5;

/** The operators' commands on a live feed and what became of them, newest last, exportable as JSON. Text from the wire is text. */
export function AuditLog({ audit }: { audit: readonly AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  if (audit.length === 0) return null;
  const exportAudit = () => {
    const blob = new Blob([JSON.stringify(audit, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'twin-audit.json';
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <div className="audit" data-testid="audit-log">
      <span className="label">{t('live.audit')}</span>
      <button type="button" onClick={exportAudit}>
        {t('live.export')}
      </button>
      <ul>
        {audit.slice(-SHOWN).map((e) => (
          <li key={e.id}>
            {gateTime(e.atMs / 1000, i18n.language)} · {e.who} · {e.vehicle} · {e.what} · {e.result}
            {e.detail ? ` (${e.detail})` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
