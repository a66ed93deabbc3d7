/**
 * A merge for proposal tests, by hand: lane A (A0 → A1 → M, east) and lane B (B00 → B0 → B1 → M, north-east)
 * join at M and part again (M → E1 east, M → E2 north-east, both beyond a minute's drive). AGVs of 6 × 2 m at up
 * to 5 m/s, 1 m/s² both ways. From rest at B0, 84.85 m from M, an AGV passes M at 19.47 s (5 s to 5 m/s over
 * 12.5 m, then 72.35 m at 5 m/s); from rest at (30.15, 0) on lane A, 89.85 m from M, at 20.47 s: 1 s apart.
 */
import type { LaneEdge, LaneNode } from '../../domain/sceneSchema';
import {
  FLAG_COMMITTED,
  FLAG_DRIVING,
  FLAG_HAS_ORDER,
  FLAG_PLACED,
  META_CLOCK_S,
  META_COUNT,
  NO_HOLD,
  type TrafficInput,
} from '../../domain/trafficFrame';
import type { LaneNetwork } from './RoutePredictor';

const node = (id: string, x: number, y: number): LaneNode => ({ id, position: [x, y], role: 'waypoint' });
const ids = ['A0', 'A1', 'M', 'E1', 'B00', 'B0', 'B1', 'E2'] as const;
export const N = Object.fromEntries(ids.map((id, k) => [id, k])) as Record<(typeof ids)[number], number>;
const edge = (from: string, to: string): LaneEdge => ({ id: from + to, from, to, widthM: 4, speedLimitMps: 5, crossBorder: false });

export const MERGE_LANES: LaneNetwork = {
  nodes: [
    node('A0', 0, 0),
    node('A1', 60, 0),
    node('M', 120, 0),
    node('E1', 520, 0),
    node('B00', 0, -120),
    node('B0', 60, -60),
    node('B1', 90, -30),
    node('E2', 400, 280),
  ],
  edges: [edge('A0', 'A1'), edge('A1', 'M'), edge('M', 'E1'), edge('B00', 'B0'), edge('B0', 'B1'), edge('B1', 'M'), edge('M', 'E2')],
};
export const MERGE_KINEMATICS = { maxSpeedMps: 5, accelerationMps2: 1, decelerationMps2: 1 };
export const MERGE_SIZE = { lengthM: 6, widthM: 2, clearanceM: 1 };
export const MERGE_CLOCK_S = 36_000;

export interface MergeAgv {
  readonly x: number;
  readonly y: number;
  readonly heading: number;
  readonly lastNode: number;
  readonly route: readonly number[];
  readonly baseLen: number;
  readonly committed?: boolean;
}

/** At rest on lane A, passing M 1 s after {@link onB}. */
export const onA = (baseLen: number, committed = false): MergeAgv => ({
  x: 30.15,
  y: 0,
  heading: 0,
  lastNode: N.A0,
  route: [N.A1, N.M, N.E1],
  baseLen,
  committed,
});
/** At rest on B0, bound through M to E2. */
export const onB = (baseLen: number, committed = false): MergeAgv => ({
  x: 60,
  y: -60,
  heading: Math.PI / 4,
  lastNode: N.B00,
  route: [N.B1, N.M, N.E2],
  baseLen,
  committed,
});
/** At rest 20 m behind {@link onB} on the same lane, bound the same way. */
export const behindB = (baseLen: number, committed = false): MergeAgv => ({
  x: 60 - 20 / Math.SQRT2,
  y: -60 - 20 / Math.SQRT2,
  heading: Math.PI / 4,
  lastNode: N.B00,
  route: [N.B0, N.B1, N.M, N.E2],
  baseLen,
  committed,
});

/** Packs the AGVs into `input` (no holds) at {@link MERGE_CLOCK_S}. */
export function packMerge(input: TrafficInput, agvs: readonly MergeAgv[]): void {
  input.meta[META_COUNT] = agvs.length;
  input.meta[META_CLOCK_S] = MERGE_CLOCK_S;
  agvs.forEach((a, i) => {
    input.x[i] = a.x;
    input.y[i] = a.y;
    input.heading[i] = a.heading;
    input.speed[i] = 0;
    input.standingS[i] = 0;
    input.flags[i] = FLAG_PLACED | FLAG_HAS_ORDER | FLAG_DRIVING | (a.committed ? FLAG_COMMITTED : 0);
    input.lastNode[i] = a.lastNode;
    input.routeLen[i] = a.route.length;
    input.baseLen[i] = a.baseLen;
    input.route.set(a.route, i * input.routeCap);
    input.holdAt[i] = NO_HOLD;
    input.holdUntilS[i] = 0;
  });
}
