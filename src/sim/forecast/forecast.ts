/**
 * The next hours at the gate, forked from what a source knows now (see {@link forkSimulation} for what is
 * assumed), run once per seed: per 5-minute bin the trucks cleared, containers moved across, trucks waiting, the
 * AGVs' busy share and planner waits, and every AGV's position at +5 and +15 minutes. Same scene, input and
 * seed, same result.
 *
 * @example
 *   const results = forecast(scene, { timeOfDayS: 36000, agvs }, { seeds: [1, 2, 3, 4, 5], hours: 1 });
 *   forecastBand(results).totals.containers; // [lo, hi] over the seeds
 */
import type { Scene } from '../../domain/sceneSchema';
import { forkSimulation } from './forkSimulation';
import {
  FORECAST_BIN_S,
  FORECAST_POSITION_AFTER_S,
  type ForecastInput,
  type ForecastOptions,
  type ForecastPositions,
  type ForecastResult,
} from './forecastTypes';

export function forecast(
  scene: Scene,
  input: ForecastInput,
  options: ForecastOptions,
  onSeedDone?: (done: number, total: number) => void,
): ForecastResult[] {
  const { seeds, hours } = options;
  if (!(hours > 0 && hours <= 24)) throw new RangeError(`forecast hours must be in (0, 24] (got ${hours})`);
  if (seeds.length === 0) throw new RangeError('a forecast needs at least one seed');
  return seeds.map((seed, k) => {
    const r = forecastSeed(scene, input, seed, hours * 3600);
    onSeedDone?.(k + 1, seeds.length);
    return r;
  });
}

function forecastSeed(scene: Scene, input: ForecastInput, seed: number, horizonS: number): ForecastResult {
  const sim = forkSimulation(scene, input, seed, horizonS);
  const fleet = sim.fleet!;
  const from = sim.now;
  const binCount = Math.ceil(horizonS / FORECAST_BIN_S);
  const cleared: number[] = [];
  const containers: number[] = [];
  const trucksWaiting: number[] = [];
  const agvBusyShare: number[] = [];
  const plannerWaits: number[] = [];
  const positions: ForecastPositions[] = [];
  const wanted = FORECAST_POSITION_AFTER_S.filter((s) => s <= horizonS);
  const pose = new Float64Array(3);
  let last = { cleared: sim.cleared, containers: sim.containersMoved, busyS: fleet.totals().busySeconds, waits: fleet.motion.waits };
  for (let b = 1; b <= binCount; b++) {
    const binStart = from + (b - 1) * FORECAST_BIN_S;
    const binEnd = Math.min(from + b * FORECAST_BIN_S, from + horizonS);
    for (const afterS of wanted) {
      if (from + afterS <= binStart || from + afterS > binEnd) continue;
      sim.advanceTo(from + afterS);
      const x: number[] = [];
      const y: number[] = [];
      for (let i = 0; i < fleet.n; i++) {
        fleet.motion.pose(i, sim.now, pose);
        x.push(pose[0]!);
        y.push(pose[1]!);
      }
      positions.push({ afterS, x, y });
    }
    sim.advanceTo(binEnd);
    const now = { cleared: sim.cleared, containers: sim.containersMoved, busyS: fleet.totals().busySeconds, waits: fleet.motion.waits };
    cleared.push(now.cleared - last.cleared);
    containers.push(now.containers - last.containers);
    trucksWaiting.push(sim.trucksWaiting);
    // Busy time accrues a 2.9 s planner step at a time, and steps straddle the bin's edges: cap at 1.
    agvBusyShare.push(Math.min(1, (now.busyS - last.busyS) / (fleet.n * (binEnd - binStart))));
    plannerWaits.push(now.waits - last.waits);
    last = now;
  }
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    seed,
    fromS: from,
    toS: from + horizonS,
    binS: FORECAST_BIN_S,
    bins: { cleared, containers, trucksWaiting, agvBusyShare, plannerWaits },
    totals: { cleared: sum(cleared), containers: sum(containers), plannerWaits: sum(plannerWaits) },
    positions,
  };
}
