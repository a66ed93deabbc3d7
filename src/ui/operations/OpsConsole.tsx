import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Observable } from 'rxjs';
import { useStore } from 'zustand';
import type { OpsStore } from '../../store/ops/opsStore';
import { arrivals } from '../../store/traffic/arrivals';
import type { TrafficStore } from '../../store/traffic/trafficStore';
import type { VehicleDetail, VehicleRow } from '../../telemetry/vehicleRow';
import type { AuditEntry, OperatorCommand } from '../../telemetry/live/operatorCommands';
import type { SourceKind, SourceState } from '../../telemetry/TelemetrySource';
import { VehiclePanel } from '../VehiclePanel';
import { ForecastPanel, type ForecastControl } from './ForecastPanel';
import { OpsFleetList } from './OpsFleetList';
import { OpsMapLayers } from './OpsMapLayers';
import { ProposalsPanel, type ProposalCommands } from './ProposalsPanel';
import type { FleetCommands } from './VehicleCommands';
import './operations.css';

const NO_ROWS: readonly VehicleRow[] = [];

/** A running source as the operations panel sees it: its rows on `state$`, and each vehicle's detail. */
export interface OpsPanelSource {
  readonly kind: SourceKind;
  readonly state$: Observable<SourceState> & { readonly value: SourceState };
  vehicle?(key: string): Promise<VehicleDetail | undefined>;
  command?(key: string, c: OperatorCommand): Promise<AuditEntry>;
}

/**
 * The operations console's panel beside the map: the fleet list (sort, filter, select and follow), the selected
 * vehicle's panel (for the simulation, a word on how its route is drawn), the map layers (heat map, colour rule,
 * predicted routes), the planner's proposals for predicted conflicts and the next hour's forecast. Each part
 * folds away, and the whole panel hides to a single button, so the map stays in view.
 */
export function OpsConsole({
  ops,
  traffic,
  source,
  nodeIds,
  forecast,
}: {
  ops: OpsStore;
  traffic: TrafficStore;
  source: OpsPanelSource;
  nodeIds: readonly string[];
  /** Starts the next hour's forecast; absent while the app has none for this source. */
  forecast?: ForecastControl | undefined;
}) {
  const { t } = useTranslation();
  // Re-renders on what the source publishes (twice a second at most), never per frame.
  const [state, setState] = useState(() => source.state$.value);
  useEffect(() => {
    setState(source.state$.value);
    const sub = source.state$.subscribe(setState);
    return () => sub.unsubscribe();
  }, [source]);
  const rows = state.fleet?.vehicles ?? NO_ROWS;
  const selectedKey = useStore(ops, (s) => s.selectedKey);
  const snapshot = useStore(traffic, (s) => s.snapshot);
  const arrivalAt = useMemo(() => arrivals(snapshot), [snapshot]);
  const [open, setOpen] = useState(true);
  // One object per source, so the vehicle panel keeps its refresh timer across re-renders.
  const details = useMemo(() => (source.vehicle ? { vehicle: (key: string) => source.vehicle!(key) } : undefined), [source]);
  const allowed = state.canCommand === true;
  const commands = useMemo<FleetCommands | undefined>(
    () => (source.command ? { allowed, nodeIds, send: (key, c) => void source.command!(key, c) } : undefined),
    [source, allowed, nodeIds],
  );
  const proposalCommands = useMemo<ProposalCommands | undefined>(
    () => (source.command ? { allowed, send: (key, c) => void source.command!(key, c) } : undefined),
    [source, allowed],
  );

  if (!open) {
    return (
      <button type="button" className="panel ops-console-show" onClick={() => setOpen(true)} data-testid="ops-console-show">
        {t('operations.panel.title')} ▸
      </button>
    );
  }
  return (
    <section className="panel ops-console" aria-label={t('operations.panel.title')} data-testid="ops-console">
      <header>
        <h2>{t('operations.panel.title')}</h2>
        <button type="button" onClick={() => setOpen(false)} data-testid="ops-console-hide">
          {t('operations.panel.hide')}
        </button>
      </header>
      <details open className="ops-fleet-part">
        <summary>{t('operations.fleet.title')}</summary>
        <OpsFleetList rows={rows} ops={ops} commands={commands} arrivals={arrivalAt} simulated={source.kind === 'sim'} />
      </details>
      {selectedKey && (
        <>
          {source.kind === 'sim' && <p className="hint">{t('operations.route.fromPlan')}</p>}
          {details && <VehiclePanel source={details} vehicleKey={selectedKey} onClose={() => ops.getState().select(undefined)} />}
        </>
      )}
      <details open>
        <summary>{t('operations.layers.title')}</summary>
        <OpsMapLayers ops={ops} traffic={traffic} />
      </details>
      <details open className="ops-proposals-part">
        <summary>{t('operations.proposals.title')}</summary>
        <ProposalsPanel traffic={traffic} commands={proposalCommands} simulated={source.kind === 'sim'} />
      </details>
      {forecast && (
        <details open>
          <summary>{t('operations.forecast.title')}</summary>
          <ForecastPanel traffic={traffic} control={forecast} simulated={source.kind === 'sim'} replayed={source.kind === 'replay'} />
        </details>
      )}
    </section>
  );
}
