import { useMemo } from 'react';
import type { Observable } from 'rxjs';
import view from '../../../data/operations-view.json' with { type: 'json' };
import type { FleetFrame } from '../../domain/fleetFrame';
import type { Scene } from '../../domain/sceneSchema';
import type { OpsStore } from '../../store/ops/opsStore';
import type { TrafficStore } from '../../store/traffic/trafficStore';
import type { SourceKind, SourceState } from '../../telemetry/TelemetrySource';
import type { AgvTint } from '../fleet/agvTint';
import { DataRules } from './DataRules';
import { useFleetRowsRef } from './fleetRowsRef';
import { FollowCamera } from './FollowCamera';
import { HeatMapLayer } from './HeatMapLayer';
import { PredictedRoutes } from './PredictedRoutes';
import { ProposalGhosts } from './ProposalGhosts';
import { SimPlannedPath, type PlannedPaths } from './SimPlannedPath';
import { TrafficMarkers } from './TrafficMarkers';

/** A running source as the operations layers see it: the simulation, a live feed or a replay. */
export interface OpsSource {
  readonly kind: SourceKind;
  readonly frame: FleetFrame;
  /** Its state; `value.clockS` is the source's time (s) for the heat map's window, standing times and countdowns. */
  readonly state$: Observable<SourceState> & { readonly value: SourceState };
  /** The whole fleet's planned paths (the simulation). */
  readonly paths?: PlannedPaths;
}

const FOLLOW = { catchUpPerS: view.follow.catchUpPerS.value, distanceM: view.follow.distanceM.value };

/**
 * The operations console's 3D layers, children of the twin's canvas: the camera following the selected AGV, the
 * predicted routes (the selected AGV's, or all), the shown proposal's ghost routes, the places prediction warns of, the congestion heat map and
 * the data rule colouring the fleet (into `tint`).
 */
export function OpsLayers({
  scene,
  source,
  ops,
  traffic,
  tint,
}: {
  scene: Scene;
  source: OpsSource;
  ops: OpsStore;
  traffic: TrafficStore;
  tint: AgvTint;
}) {
  const rows = useFleetRowsRef(source);
  const clock = useMemo(() => () => source.state$.value.clockS, [source]);
  return (
    <group name="operations">
      <FollowCamera frame={source.frame} rows={rows} ops={ops} options={FOLLOW} />
      <PredictedRoutes scene={scene} ops={ops} traffic={traffic} simulated={source.kind === 'sim'} />
      {source.kind === 'sim' && <SimPlannedPath frame={source.frame} rows={rows} ops={ops} traffic={traffic} paths={source} />}
      <ProposalGhosts scene={scene} traffic={traffic} simulated={source.kind === 'sim'} />
      <TrafficMarkers traffic={traffic} clock={clock} />
      <HeatMapLayer scene={scene} frame={source.frame} clock={clock} ops={ops} />
      <DataRules frame={source.frame} rows={rows} ops={ops} tint={tint} clock={clock} />
    </group>
  );
}
