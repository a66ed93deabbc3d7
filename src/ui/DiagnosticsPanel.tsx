import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedCounts } from '../telemetry/FleetFeed';
import { DROP_REASONS } from '../telemetry/vda5050/decode';
import { GATE_TIME_ZONE } from './gateTime';

export type DiagnosticsCounts = Pick<FeedCounts, 'dropped' | 'recentDrops' | 'received'>;

/**
 * Why messages were dropped, behind a toggle: the count for every reason (zeros too, so an operator sees what is
 * checked) and the latest drops one per row. Takes only the feed's counts, so a replayed recording can show the
 * same panel. Topic and detail come from the wire and may be hostile: they are React text nodes (escaped, never
 * parsed as HTML) and clipped by CSS to two lines, with the full text in the cell's tooltip.
 */
export function DiagnosticsPanel({ counts }: { counts: DiagnosticsCounts }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const total = DROP_REASONS.reduce((sum, r) => sum + (counts.dropped[r] ?? 0), 0);
  // Kept oldest first by the gate; the newest is what an operator looks for.
  const rows = [...counts.recentDrops].reverse();
  // Milliseconds shown: a burst of drops often falls within one second.
  const time = useMemo(
    () =>
      new Intl.DateTimeFormat(i18n.language, {
        timeZone: GATE_TIME_ZONE,
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        fractionalSecondDigits: 3,
        hour12: false,
      }),
    [i18n.language],
  );
  return (
    <div className="diagnostics">
      <button type="button" aria-expanded={open} aria-pressed={open} onClick={() => setOpen(!open)} data-testid="diagnostics-toggle">
        {t('diag.toggle')}
        {total > 0 && <span className="badge">{total.toLocaleString(i18n.language)}</span>}
      </button>
      {open && (
        <section className="diagnostics-panel" data-testid="diagnostics-panel" aria-label={t('diag.title')}>
          <h2>{t('diag.title')}</h2>
          <p className="summary">
            {t('diag.summary', { dropped: total.toLocaleString(i18n.language), received: counts.received.toLocaleString(i18n.language) })}
          </p>
          <ul className="diag-counts">
            {DROP_REASONS.map((reason) => {
              const n = counts.dropped[reason] ?? 0;
              return (
                <li key={reason} className={n === 0 ? 'zero' : ''} data-testid={`diag-count-${reason}`}>
                  <span className="reason" title={t(`live.reason.${reason}`)}>
                    {t(`live.reason.${reason}`)}
                  </span>
                  <span className="n">{n.toLocaleString(i18n.language)}</span>
                </li>
              );
            })}
          </ul>
          {rows.length === 0 ? (
            <p className="hint">{t('diag.none')}</p>
          ) : (
            <>
              <p className="caption">{t('diag.recent', { n: rows.length })}</p>
              <div className="diag-table">
                <table>
                  <thead>
                    <tr>
                      <th>{t('diag.time')}</th>
                      <th>{t('diag.reason')}</th>
                      <th>{t('diag.topic')}</th>
                      <th>{t('diag.detail')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((d, k) => (
                      // No id on the wire we could trust to be unique: time and position in the ring do.
                      <tr key={`${d.atMs}-${rows.length - k}`} data-testid="diag-row">
                        <td className="time">{time.format(d.atMs)}</td>
                        <td className="reason" title={t(`live.reason.${d.reason}`)}>
                          {t(`live.reason.${d.reason}`)}
                        </td>
                        <td className="topic" title={d.topic}>
                          <div className="clip">{d.topic}</div>
                        </td>
                        <td className="detail" title={d.detail}>
                          <div className="clip">{d.detail}</div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      )}
    </div>
  );
}
