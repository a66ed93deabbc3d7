/**
 * The trucks that come to the gate in a run, drawn once at the start from the scene's process figures: how many
 * in each hour (vehicles/day × the hour's share of the profile, rounded so each day sums exactly), when within
 * the hour (uniform), and each truck's flow, two-way freight, pre-declaration and risk channel.
 */
import type { Scene } from '../domain/sceneSchema';

export const FLOW_EXPORT = 0;
export const FLOW_IMPORT = 1;
export const CHANNEL_GREEN = 0;
export const CHANNEL_YELLOW = 1;
export const CHANNEL_RED = 2;

export interface TruckArrivals {
  readonly count: number;
  readonly time: Float64Array;
  readonly flow: Uint8Array;
  readonly twoWay: Uint8Array;
  readonly preDeclared: Uint8Array;
  readonly channel: Uint8Array;
}

/** Whole numbers proportional to `weights`, summing to `total` (largest remainders; ties to the earlier hour). */
function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) out[order[k % order.length]!.i]!++;
  return out;
}

/**
 * @example
 *   const a = truckArrivals(scene.process, 3500, 24, seededRandom(1));
 *   a.count; // 3500
 */
export function truckArrivals(process: Scene['process'], vehiclesPerDay: number, hours: number, next: () => number): TruckArrivals {
  const perHour = apportion(process.arrivalProfile.hourlyShare, Math.round(vehiclesPerDay));
  const times: number[] = [];
  for (let h = 0; h < Math.ceil(hours); h++) {
    const n = perHour[h % 24]!;
    const inHour: number[] = [];
    for (let k = 0; k < n; k++) inHour.push((h + next()) * 3600);
    inHour.sort((a, b) => a - b);
    for (const t of inHour) if (t < hours * 3600) times.push(t);
  }
  const count = times.length;
  const a = {
    count,
    time: Float64Array.from(times),
    flow: new Uint8Array(count),
    twoWay: new Uint8Array(count),
    preDeclared: new Uint8Array(count),
    channel: new Uint8Array(count),
  };
  const { green, yellow } = process.riskChannels;
  for (let i = 0; i < count; i++) {
    const isExport = next() < process.exportShare.value;
    a.flow[i] = isExport ? FLOW_EXPORT : FLOW_IMPORT;
    a.twoWay[i] = isExport && next() < process.twoWayShare.value ? 1 : 0;
    a.preDeclared[i] = next() < process.preDeclaredShare.value ? 1 : 0;
    const r = next();
    a.channel[i] = r < green.value ? CHANNEL_GREEN : r < green.value + yellow.value ? CHANNEL_YELLOW : CHANNEL_RED;
  }
  return a;
}
