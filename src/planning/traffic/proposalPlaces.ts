/**
 * Where a proposal's AGVs meet and whom a plan is checked on: places and neighbourhoods read off the predicted
 * samples, for the proposal planner. Rows are those of the routes passed.
 */
import { META_SAMPLES, type PredictedRoutes } from '../../domain/trafficFrame';
import type { Footprint, SampleMeetings } from './sampleMeetings';

/** Where AGV c first meets another of `agvs` in the round (the midpoint of their centres), if it does. */
export function firstPlace(routes: PredictedRoutes, meetings: SampleMeetings, c: number, agvs: readonly number[]): [number, number] | undefined {
  let best = -1;
  let other = -1;
  for (const d of agvs) {
    if (d === c) continue;
    const k = meetings.firstContact(routes, c, d);
    if (k >= 0 && (best < 0 || k < best)) {
      best = k;
      other = d;
    }
  }
  if (best < 0) return undefined;
  const a = c * routes.samples + best;
  const b = other * routes.samples + best;
  return [(routes.px[a]! + routes.px[b]!) / 2, (routes.py[a]! + routes.py[b]!) / 2];
}

export function centre(routes: PredictedRoutes, agvs: readonly number[], places: readonly ([number, number] | undefined)[]): [number, number] {
  let x = 0;
  let y = 0;
  let k = 0;
  places.forEach((p, i) => {
    const [px, py] = p ?? [routes.px[agvs[i]! * routes.samples]!, routes.py[agvs[i]! * routes.samples]!];
    if (Number.isNaN(px) || Number.isNaN(py)) return;
    x += px;
    y += py;
    k++;
  });
  return [x / k, y / k];
}

/**
 * The AGVs to check a plan on, ascending: `agvs`, every placed AGV predicted within `nearM` of (x, y), and every
 * one whose predicted samples come within a footprint's reach of the `agvs`' predicted samples (cells of that
 * size, the 3 × 3 around each of their samples).
 */
export function neighbours(
  routes: PredictedRoutes,
  n: number,
  x: number,
  y: number,
  agvs: readonly number[],
  o: Footprint & { readonly nearM: number },
): number[] {
  const used = routes.meta[META_SAMPLES]!;
  const { px, py, samples } = routes;
  const cell = Math.hypot(o.lengthM, o.widthM) + o.clearanceM;
  const key = (cx: number, cy: number) => (cx + 32768) * 65536 + (cy + 32768);
  const cells = new Set<number>();
  for (const a of agvs) {
    for (let k = 0; k < used; k++) {
      const sx = px[a * samples + k]!;
      const sy = py[a * samples + k]!;
      if (Number.isNaN(sx)) continue;
      const cx = Math.floor(sx / cell);
      const cy = Math.floor(sy / cell);
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) cells.add(key(cx + dx, cy + dy));
    }
  }
  const near2 = o.nearM * o.nearM;
  const rows: number[] = [];
  for (let j = 0; j < n; j++) {
    if (agvs.includes(j)) {
      rows.push(j);
      continue;
    }
    let last = NaN;
    for (let k = 0; k < used; k++) {
      const sx = px[j * samples + k]!;
      const sy = py[j * samples + k]!;
      if (Number.isNaN(sx)) break;
      if ((sx - x) ** 2 + (sy - y) ** 2 <= near2) {
        rows.push(j);
        break;
      }
      const c = key(Math.floor(sx / cell), Math.floor(sy / cell));
      if (c === last) continue;
      last = c;
      if (cells.has(c)) {
        rows.push(j);
        break;
      }
    }
  }
  return rows;
}

/** First sample from `from` at which row r's centre is within `d` of (x, y), or -1. */
export function firstWithin(routes: PredictedRoutes, r: number, x: number, y: number, d: number, from: number, used: number): number {
  for (let k = from; k < used; k++) if (Math.hypot(routes.px[r * routes.samples + k]! - x, routes.py[r * routes.samples + k]! - y) < d) return k;
  return -1;
}

/** Last sample at which row r's centre is within `d` of (x, y), or -1. */
export function lastWithin(routes: PredictedRoutes, r: number, x: number, y: number, d: number, used: number): number {
  for (let k = used - 1; k >= 0; k--) if (Math.hypot(routes.px[r * routes.samples + k]! - x, routes.py[r * routes.samples + k]! - y) < d) return k;
  return -1;
}
