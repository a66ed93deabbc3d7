import { useTranslation } from 'react-i18next';
import type { Scene } from '../domain/sceneSchema';
import { RECORDING_LIMIT } from '../telemetry/recording/recordingLimit';
import type { LiveSource } from '../telemetry/LiveSource';
import { AuditLog } from './AuditLog';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { FleetCounts } from './FleetCounts';
import { formatNumber } from './formatNumber';
import { TransportBar } from './TransportBar';
import { useSourceState } from './useSourceState';

/**
 * The live feed at a glance: connection status, vehicles known and stale, messages received and dropped by reason,
 * latency; the diagnostics panel with the dropped messages; the operators' commands (given in the operations
 * fleet list) and their results.
 */
export function LiveHud({ source, scene }: { source: LiveSource; scene: Scene | undefined }) {
  const { t, i18n } = useTranslation();
  const state = useSourceState(source);
  const s = state.snapshot;
  const dropped = s ? Object.entries(s.dropped).filter(([, n]) => n > 0) : [];
  return (
    <section className="panel sim-hud live-hud" data-testid="live-hud">
      <header>
        <span className="clock">{t('live.title')}</span>
        <span className={`status status-${state.status}`} data-testid="live-status">
          {t(`hud.status.${state.status}`)}
        </span>
      </header>
      <TransportBar source={source} state={state} recordPrefix={`twin-live${scene ? `-${scene.id}` : ''}`} recordLimit={RECORDING_LIMIT} />
      {state.problems.map((p) => (
        <p key={p.message} className="error" role="alert">
          {p.message}
        </p>
      ))}
      {s && (
        <div className="kpis">
          <FleetCounts counts={s} testIdPrefix="live" />
          <div className="kpi">
            <span className="label">{t('live.received')}</span>
            <span className="value">{formatNumber(s.received, i18n.language)}</span>
          </div>
          <div className="kpi">
            <span className="label">{t('live.latency')}</span>
            <span className="value">{Math.round(s.latencyMs)} ms</span>
          </div>
          <div className="kpi wide">
            <span className="label">{t('live.dropped')}</span>
            <span className="value" data-testid="live-dropped">
              {dropped.length === 0 ? '0' : dropped.map(([reason, n]) => `${t(`live.reason.${reason}`)}: ${n}`).join(' · ')}
            </span>
          </div>
          <DiagnosticsPanel counts={s} />
          <AuditLog audit={s.audit} />
        </div>
      )}
    </section>
  );
}
