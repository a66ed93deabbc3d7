/**
 * A prediction round made by hand for tests: AGVs given as a pose over time (and, when they follow lane nodes,
 * their route and arrival times), written into a TrafficInput and PredictedRoutes as the planner would.
 */
import {
  META_CLOCK_S,
  META_COUNT,
  META_HORIZON_S,
  META_ROUND,
  META_SAMPLE_S,
  META_SAMPLES,
  FLAG_HAS_ORDER,
  FLAG_PLACED,
  predictedRoutes,
  sampleCount,
  trafficInput,
  type PredictedRoutes,
  type TrafficInput,
  NO_HOLD,
} from '../../domain/trafficFrame';

export type Pose = readonly [x: number, y: number, heading: number];

export interface FakeAgv {
  /** Pose at t seconds ahead; NaN for an unplaced AGV. */
  readonly pose: (t: number) => Pose;
  readonly route?: readonly number[];
  readonly nodeS?: readonly number[];
  readonly lastNode?: number;
  /** Released until (s); Infinity (the default) when the whole route is released. */
  readonly baseEndS?: number;
  readonly speed?: number;
  readonly standingS?: number;
}

export interface FakeRoundOptions {
  readonly horizonS?: number;
  readonly sampleS?: number;
  /** Samples allocated per AGV (the layout's), at least those valid this round. */
  readonly samples?: number;
  readonly routeCap?: number;
  readonly capacity?: number;
}

export function fakeRound(agvs: readonly FakeAgv[], o: FakeRoundOptions = {}): { input: TrafficInput; routes: PredictedRoutes } {
  const horizonS = o.horizonS ?? 30;
  const sampleS = o.sampleS ?? 0.5;
  const used = sampleCount(horizonS, sampleS);
  const samples = o.samples ?? used;
  const routeCap = o.routeCap ?? 8;
  const capacity = o.capacity ?? Math.max(1, agvs.length);
  const input = trafficInput(capacity, routeCap);
  const routes = predictedRoutes(capacity, routeCap, samples);
  input.meta[META_COUNT] = agvs.length;
  routes.meta[META_COUNT] = agvs.length;
  routes.meta[META_CLOCK_S] = 1000;
  routes.meta[META_ROUND] = 7;
  routes.meta[META_HORIZON_S] = horizonS;
  routes.meta[META_SAMPLE_S] = sampleS;
  routes.meta[META_SAMPLES] = used;
  routes.px.fill(Number.NaN);
  routes.py.fill(Number.NaN);
  routes.nodeS.fill(Number.NaN);
  agvs.forEach((a, i) => {
    const [x, y, heading] = a.pose(0);
    input.x[i] = x;
    input.y[i] = y;
    input.heading[i] = heading;
    input.speed[i] = a.speed ?? 0;
    input.standingS[i] = a.standingS ?? 0;
    input.lastNode[i] = a.lastNode ?? -1;
    const route = a.route ?? [];
    input.routeLen[i] = route.length;
    input.baseLen[i] = route.length;
    input.holdAt[i] = NO_HOLD;
    input.flags[i] = (Number.isNaN(x) ? 0 : FLAG_PLACED) | (route.length > 0 ? FLAG_HAS_ORDER : 0);
    route.forEach((node, k) => {
      input.route[i * routeCap + k] = node;
      routes.nodeS[i * routeCap + k] = a.nodeS?.[k] ?? Number.NaN;
    });
    routes.baseEndS[i] = a.baseEndS ?? Number.POSITIVE_INFINITY;
    routes.etaS[i] = route.length > 0 ? (a.nodeS?.[route.length - 1] ?? Number.NaN) : Number.NaN;
    for (let k = 0; k < used; k++) {
      const p = a.pose(k * sampleS);
      routes.px[i * samples + k] = p[0];
      routes.py[i * samples + k] = p[1];
      routes.heading[i * samples + k] = p[2];
    }
  });
  return { input, routes };
}

/** Standing at (x, y) facing `heading`. */
export function standing(x: number, y: number, heading = 0): (t: number) => Pose {
  return () => [x, y, heading];
}

/**
 * Along the polyline `points` at `speed` (m/s), leaving its first point at `startS` and standing at its last;
 * returns the pose and the arrival time at each point after the first.
 */
export function along(points: readonly (readonly [number, number])[], speed: number, startS = 0): { pose: (t: number) => Pose; arrivals: number[] } {
  const arrivals: number[] = [];
  let s = startS;
  for (let k = 1; k < points.length; k++) {
    s += Math.hypot(points[k]![0] - points[k - 1]![0], points[k]![1] - points[k - 1]![1]) / speed;
    arrivals.push(s);
  }
  const pose = (t: number): Pose => {
    let from = startS;
    for (let k = 1; k < points.length; k++) {
      const [x0, y0] = points[k - 1]!;
      const [x1, y1] = points[k]!;
      const heading = Math.atan2(y1 - y0, x1 - x0);
      if (t <= arrivals[k - 1]!) {
        const f = t <= from ? 0 : (t - from) / (arrivals[k - 1]! - from);
        return [x0 + (x1 - x0) * f, y0 + (y1 - y0) * f, heading];
      }
      from = arrivals[k - 1]!;
    }
    const [xa, ya] = points[points.length - 2] ?? points[0]!;
    const [xb, yb] = points[points.length - 1]!;
    return [xb, yb, Math.atan2(yb - ya, xb - xa)];
  };
  return { pose, arrivals };
}

/** An AGV driving from `start` through the lane nodes `route` (positions in `nodes`) at `speed`, whole route released. */
export function onRoute(
  nodes: readonly (readonly [number, number])[],
  start: readonly [number, number],
  route: readonly number[],
  speed: number,
  extra: Partial<FakeAgv> = {},
): FakeAgv {
  const { pose, arrivals } = along([start, ...route.map((n) => nodes[n]!)], speed, 0);
  return { pose, route, nodeS: arrivals, speed, ...extra };
}
