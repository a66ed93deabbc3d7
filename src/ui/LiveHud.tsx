import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../domain/sceneSchema';
import { RECORDING_LIMIT } from '../telemetry/recording/recordingLimit';
import type { LiveSource } from '../telemetry/LiveSource';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { FleetCounts } from './FleetCounts';
import { formatNumber } from './formatNumber';
import { LiveFleetList } from './LiveFleetList';
import { RecordButton } from './RecordButton';
import { useSourceState } from './useSourceState';
import { VehiclePanel } from './VehiclePanel';

/**
 * The live feed at a glance: connection status, vehicles known and stale, messages received and dropped by reason,
 * latency; the diagnostics panel with the dropped messages; the fleet list with the operator's commands, which may
 * send an AGV to any lane node of `scene`.
 */
export function LiveHud({ source, scene }: { source: LiveSource; scene: Scene | undefined }) {
  const { t, i18n } = useTranslation();
  const state = useSourceState(source);
  const [selected, setSelected] = useState<string>();
  // Sorted once per scene so an operator finds a node by name; the list's options are built from this array.
  const nodeIds = useMemo(() => (scene ? scene.lanes.nodes.map((n) => n.id).sort((a, b) => a.localeCompare(b)) : []), [scene]);
  const s = state.snapshot;
  const dropped = s ? Object.entries(s.dropped).filter(([, n]) => n > 0) : [];
  return (
    <section className="panel sim-hud live-hud" data-testid="live-hud">
      <header>
        <span className="clock">{t('live.title')}</span>
        <span className={`status status-${state.status}`} data-testid="live-status">
          {t(`hud.status.${state.status}`)}
        </span>
        <RecordButton source={source} prefix={`twin-live${scene ? `-${scene.id}` : ''}`} limit={RECORDING_LIMIT} />
      </header>
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
          {selected && <VehiclePanel source={source} vehicleKey={selected} onClose={() => setSelected(undefined)} />}
          <LiveFleetList snapshot={s} nodeIds={nodeIds} onCommand={(key, c) => void source.command(key, c)} selected={selected} onSelect={setSelected} />
        </div>
      )}
    </section>
  );
}
