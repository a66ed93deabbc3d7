import { Line } from '@react-three/drei';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import view from '../../../data/operations-view.json' with { type: 'json' };
import type { FleetFrame } from '../../domain/fleetFrame';
import type { OpsStore } from '../../store/ops/opsStore';
import type { TrafficSnapshot, TrafficStore } from '../../store/traffic/trafficStore';
import { slotOf, type FleetRowsRef } from './fleetRowsRef';
import { chainNear } from './planChain';

/** How often the path is looked up again (a UI tick, not per frame), ms. */
const REFRESH_MS = 500;
/** Height of the line above the ground (m), as the predicted routes. */
const LIFT = 0.9;
/** A simulated AGV's planned path starts at the plan cell it stands on: within one lane cell of it (m). */
const CHAIN_START_M = view.laneCellM.value;

/** The simulation's planned paths of the whole fleet, as segments. */
export interface PlannedPaths {
  readonly segments: Float32Array;
  readonly version: number;
}

type Point = [number, number, number];

function hasRoute(snapshot: TrafficSnapshot | undefined, key: string): boolean {
  const i = snapshot ? snapshot.keys.indexOf(key) : -1;
  return i >= 0 && snapshot!.routeLen[i]! > 0;
}

/**
 * The selected simulated AGV's planned path, dashed, while the traffic prediction has no route for it: the
 * simulation's vehicles report no VDA 5050 nodes, so their route comes from the planner's paths until the
 * prediction resolves one. Looked up twice a second; React state only when the path changes.
 */
export function SimPlannedPath({
  frame,
  rows,
  ops,
  traffic,
  paths,
}: {
  frame: FleetFrame;
  rows: FleetRowsRef;
  ops: OpsStore;
  traffic: TrafficStore;
  paths: { readonly paths?: PlannedPaths };
}) {
  const key = useStore(ops, (s) => s.selectedKey);
  const [drawn, setDrawn] = useState<Point[]>([]);

  useEffect(() => {
    setDrawn([]);
    if (key === undefined) return;
    let shown = '';
    const load = () => {
      const segments = paths.paths?.segments;
      const slot = slotOf(rows, key);
      const pts: Point[] = [];
      if (segments && slot >= 0 && slot < frame.agvs.count && !hasRoute(traffic.getState().snapshot, key)) {
        const [a, b] = chainNear(segments, frame.agvs.x[slot]!, frame.agvs.y[slot]!, CHAIN_START_M);
        for (let k = a; k < b; k++) pts.push([segments[4 * k]!, LIFT, -segments[4 * k + 1]!], [segments[4 * k + 2]!, LIFT, -segments[4 * k + 3]!]);
      }
      const id = JSON.stringify(pts);
      if (id === shown) return;
      shown = id;
      setDrawn(pts);
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [key, paths, rows, frame, traffic]);

  if (drawn.length === 0) return null;
  return <Line name="sim-planned-path" points={drawn} segments color="#f8fafc" lineWidth={3} dashed dashSize={4} gapSize={3} />;
}
