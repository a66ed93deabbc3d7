import { useTranslation } from 'react-i18next';
import type { LiveSource } from '../telemetry/LiveSource';
import { LiveFleetList } from './LiveFleetList';
import { useSourceState } from './useSourceState';

/** The live feed at a glance: connection status, vehicles known and stale, messages received and dropped by reason, latency. */
export function LiveHud({ source }: { source: LiveSource }) {
  const { t } = useTranslation();
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
      {state.problems.map((p) => (
        <p key={p.message} className="error" role="alert">
          {p.message}
        </p>
      ))}
      {s && (
        <div className="kpis">
          <div className="kpi">
            <span className="label">{t('live.agvs')}</span>
            <span className="big" data-testid="live-agvs">
              {s.agvs}
            </span>
          </div>
          <div className="kpi">
            <span className="label">{t('live.stale')}</span>
            <span className={`big ${s.stale > 0 ? 'warn' : ''}`} data-testid="live-stale">
              {s.stale}
            </span>
          </div>
          <div className="kpi">
            <span className="label">{t('live.received')}</span>
            <span className="value">{s.received.toLocaleString()}</span>
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
          <LiveFleetList snapshot={s} onCommand={(key, c) => void source.command(key, c)} />
        </div>
      )}
    </section>
  );
}
