import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, Color } from 'three';
import { useStore } from 'zustand';
import view from '../../../data/operations-view.json' with { type: 'json' };
import type { FleetFrame } from '../../domain/fleetFrame';
import { segmentStrip } from '../../domain/geometry';
import type { Scene } from '../../domain/sceneSchema';
import type { OpsStore } from '../../store/ops/opsStore';
import { LANE_LIFT } from '../laneGeometry';
import { CongestionAccumulator, type LaneSegment } from './congestion';

const H = view.heatMap;
/** How often the colours are worked out again while shown (s of wall time): the window moves slowly. */
const RECOLOUR_EVERY_S = 0.5;
/** Over the lane paint, under the route lines (m). */
const LIFT = LANE_LIFT + 0.05;
/** The heat strips are twice as wide as the lanes, so they read from the overview (a 4.5 m lane is a few pixels there). */
const WIDTH_FACTOR = 2;

interface HeatGeometry {
  readonly geometry: BufferGeometry;
  readonly segments: LaneSegment[];
  /** AGVs each edge holds when full: its length over one lane cell (at least 1). */
  readonly capacity: Float32Array;
}

function heatGeometry(scene: Scene): HeatGeometry {
  const pos = new Map(scene.lanes.nodes.map((n) => [n.id, n.position]));
  const positions: number[] = [];
  const segments: LaneSegment[] = [];
  const capacity: number[] = [];
  for (const e of scene.lanes.edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) continue;
    const c = segmentStrip(a, b, e.widthM * WIDTH_FACTOR);
    for (const k of [0, 1, 2, 0, 2, 3]) positions.push(c[k]![0], LIFT, -c[k]![1]);
    segments.push({ ax: a[0], ay: a[1], bx: b[0], by: b[1] });
    capacity.push(Math.max(1, Math.hypot(b[0] - a[0], b[1] - a[1]) / view.laneCellM.value));
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3));
  geometry.setAttribute('color', new BufferAttribute(new Float32Array(positions.length), 3));
  return { geometry, segments, capacity: new Float32Array(capacity) };
}

/** Green → yellow → red for t in [0, 1], linear RGB into `out` at `o`. */
function ramp(stops: readonly Color[], t: number, out: Float32Array, o: number): void {
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const k = Math.min(stops.length - 2, Math.floor(x));
  const f = x - k;
  const a = stops[k]!;
  const b = stops[k + 1]!;
  out[o] = a.r + (b.r - a.r) * f;
  out[o + 1] = a.g + (b.g - a.g) * f;
  out[o + 2] = a.b + (b.b - a.b) * f;
}

/**
 * Congestion on the lanes: every edge overlaid green → red by the mean AGVs on it over the chosen window, as a
 * share of its capacity (fully red at `redAtOccupancy`, data/operations-view.json). The fleet is sampled every
 * `sampleEveryS` of source time whether the map is shown or not, so switching it on shows the past window at once.
 * All in `useFrame` over preallocated arrays; React re-renders only when the map is switched.
 */
export function HeatMapLayer({ scene, frame, clock, ops }: { scene: Scene; frame: FleetFrame; clock: () => number; ops: OpsStore }) {
  const on = useStore(ops, (s) => s.heatMap);
  const heat = useMemo(() => heatGeometry(scene), [scene]);
  const acc = useMemo(
    () =>
      new CongestionAccumulator(heat.segments, {
        binS: H.binS.value,
        bins: Math.ceil((Math.max(...H.windowsMin.value) * 60) / H.binS.value),
        maxDistanceM: H.maxDistanceM.value,
      }),
    [heat],
  );
  const stops = useMemo(() => H.colours.value.map((c) => new Color(c)), []);
  const st = useMemo(() => ({ lastS: Number.NaN, recolourS: Infinity, occ: new Float32Array(heat.segments.length) }), [heat]);
  useEffect(() => () => heat.geometry.dispose(), [heat]);
  useEffect(
    () =>
      ops.subscribe((s, prev) => {
        if (s.heatWindowMin !== prev.heatWindowMin || s.heatMap !== prev.heatMap) st.recolourS = Infinity;
      }),
    [ops, st],
  );

  useFrame((_, delta) => {
    const now = clock();
    if (!(now - st.lastS < H.sampleEveryS.value) || now < st.lastS) {
      st.lastS = now;
      acc.sample(frame.agvs.x, frame.agvs.y, frame.agvs.count, now);
    }
    if (!on) return;
    st.recolourS += delta;
    if (st.recolourS < RECOLOUR_EVERY_S) return;
    st.recolourS = 0;
    acc.occupancy(ops.getState().heatWindowMin * 60, st.occ);
    const colour = heat.geometry.getAttribute('color') as BufferAttribute;
    const out = colour.array as Float32Array;
    for (let k = 0; k < st.occ.length; k++) {
      ramp(stops, st.occ[k]! / heat.capacity[k]! / H.redAtOccupancy.value, out, k * 18);
      for (let v = 1; v < 6; v++) out.copyWithin(k * 18 + v * 3, k * 18, k * 18 + 3);
    }
    colour.needsUpdate = true;
  });

  if (heat.segments.length === 0) return null;
  return (
    <mesh geometry={heat.geometry} visible={on} name="congestion-heat-map" renderOrder={1}>
      <meshBasicMaterial vertexColors transparent opacity={0.85} depthWrite={false} polygonOffset polygonOffsetFactor={-2} />
    </mesh>
  );
}
