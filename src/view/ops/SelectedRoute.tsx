import { Line } from '@react-three/drei';
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import view from '../../../data/operations-view.json';
import type { FleetFrame } from '../../domain/fleetFrame';
import type { Scene } from '../../domain/sceneSchema';
import type { OpsStore } from '../../store/ops/opsStore';
import type { VehicleDetail } from '../../telemetry/vehicleRow';
import { slotOf, type FleetRowsRef } from './fleetRowsRef';
import { chainNear, laneIndex, routeSegments } from './routeSegments';

/** How often the route is asked for again (a UI tick, not per frame), ms. */
const REFRESH_MS = 500;
/** Height of the route lines above the ground (m): over the lanes and the heat map. */
const LIFT = 0.9;
/** A simulated AGV's planned path starts at the plan cell it stands on: within one lane cell of it (m). */
const CHAIN_START_M = view.laneCellM.value;

export interface RouteSource {
  /** The vehicle's latest state (live, replay; the simulation once it lists vehicles). */
  vehicle?(key: string): Promise<VehicleDetail | undefined>;
  /** The whole fleet's planned paths as segments (the simulation). */
  readonly paths?: { readonly segments: Float32Array; readonly version: number };
}

interface Drawn {
  readonly released: [number, number, number][];
  readonly planned: [number, number, number][];
  readonly nodes: readonly (readonly [number, number])[];
}

const NONE: Drawn = { released: [], planned: [], nodes: [] };

const points = (flat: ArrayLike<number>, from = 0, to = flat.length >> 2): [number, number, number][] => {
  const out: [number, number, number][] = [];
  for (let k = from; k < to; k++) out.push([flat[4 * k]!, LIFT, -flat[4 * k + 1]!], [flat[4 * k + 2]!, LIFT, -flat[4 * k + 3]!]);
  return out;
};

const same = (a: Drawn, b: Drawn) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The selected AGV's route: the edges released to it solid, those planned beyond dashed, its released nodes as
 * discs, from its VDA 5050 state mapped onto the scene's lane nodes. A state without nodes (an AGV standing at
 * its goal, or a vehicle that sends none) falls back to the source's planned paths when it has them (the simulation): the chain starting
 * where the AGV stands, dashed. Refreshed twice a second; React state only when the route changes.
 */
export function SelectedRoute({
  scene,
  frame,
  rows,
  ops,
  source,
}: {
  scene: Scene;
  frame: FleetFrame;
  rows: FleetRowsRef;
  ops: OpsStore;
  source: RouteSource;
}) {
  const key = useStore(ops, (s) => s.selectedKey);
  const lanes = useMemo(() => laneIndex(scene), [scene]);
  const [drawn, setDrawn] = useState<Drawn>(NONE);

  useEffect(() => {
    setDrawn(NONE);
    if (key === undefined) return;
    let live = true;
    const show = (d: Drawn) => live && setDrawn((prev) => (same(prev, d) ? prev : d));
    const fromPaths = (): Drawn => {
      const slot = slotOf(rows, key);
      const segments = source.paths?.segments;
      if (!segments || slot < 0 || slot >= frame.agvs.count) return NONE;
      const [a, b] = chainNear(segments, frame.agvs.x[slot]!, frame.agvs.y[slot]!, CHAIN_START_M);
      return { released: [], planned: points(segments, a, b), nodes: [] };
    };
    const load = () => {
      const asked = source.vehicle?.(key);
      if (!asked) return show(fromPaths());
      asked.then(
        (d) => {
          const s = d?.state;
          if (!s || s.nodeStates.length === 0) return show(fromPaths());
          const r = routeSegments(s, lanes);
          const nodes: [number, number][] = [];
          for (let k = 0; k < r.releasedNodes.length; k += 2) nodes.push([r.releasedNodes[k]!, r.releasedNodes[k + 1]!]);
          show({ released: points(r.released), planned: points(r.planned), nodes });
        },
        () => show(NONE),
      );
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [key, source, lanes, rows, frame]);

  return (
    <group name="selected-route">
      {drawn.released.length > 0 && <Line points={drawn.released} segments color="#f8fafc" lineWidth={4} />}
      {drawn.planned.length > 0 && <Line points={drawn.planned} segments color="#f8fafc" lineWidth={3} dashed dashSize={4} gapSize={3} />}
      {drawn.nodes.map(([e, n], k) => (
        <mesh key={k} position={[e, LIFT, -n]} rotation={[-Math.PI / 2, 0, 0]}>
          <circleGeometry args={[1.6, 20]} />
          <meshBasicMaterial color="#f8fafc" />
        </mesh>
      ))}
    </group>
  );
}
