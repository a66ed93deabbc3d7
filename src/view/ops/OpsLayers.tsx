import { useMemo } from 'react';
import type { Observable } from 'rxjs';
import view from '../../../data/operations-view.json';
import type { FleetFrame } from '../../domain/fleetFrame';
import type { Scene } from '../../domain/sceneSchema';
import type { OpsStore } from '../../store/ops/opsStore';
import type { SourceState } from '../../telemetry/TelemetrySource';
import type { AgvTint } from '../fleet/agvTint';
import { DataRules } from './DataRules';
import { useFleetRowsRef } from './fleetRowsRef';
import { FollowCamera } from './FollowCamera';
import { HeatMapLayer } from './HeatMapLayer';
import { SelectedRoute, type RouteSource } from './SelectedRoute';

/** A running source as the operations layers see it: the simulation, a live feed or a replay. */
export interface OpsSource extends RouteSource {
  readonly frame: FleetFrame;
  /** Its state; `value.clockS` is the source's time (s) for the heat map's window and standing times. */
  readonly state$: Observable<SourceState> & { readonly value: SourceState };
}

const FOLLOW = { catchUpPerS: view.follow.catchUpPerS.value, distanceM: view.follow.distanceM.value };

/**
 * The operations console's 3D layers, children of the twin's canvas: the camera following the selected AGV, its
 * route, the congestion heat map and the data rule colouring the fleet (into `tint`).
 */
export function OpsLayers({ scene, source, ops, tint }: { scene: Scene; source: OpsSource; ops: OpsStore; tint: AgvTint }) {
  const rows = useFleetRowsRef(source);
  const clock = useMemo(() => () => source.state$.value.clockS, [source]);
  return (
    <group name="operations">
      <FollowCamera frame={source.frame} rows={rows} ops={ops} options={FOLLOW} />
      <SelectedRoute scene={scene} frame={source.frame} rows={rows} ops={ops} source={source} />
      <HeatMapLayer scene={scene} frame={source.frame} clock={clock} ops={ops} />
      <DataRules frame={source.frame} rows={rows} ops={ops} tint={tint} clock={clock} />
    </group>
  );
}
