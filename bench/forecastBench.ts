/**
 * The forecast: one hour of the proposed 1119–1120 layout at its default fleet, 5 seeds, warm-up included, wall
 * time in Node (issue 12's goal: ≤ 10 s on this machine). The fleet forked is another seed's simulation at 22:00
 * (late, so the warm-up from midnight costs nearly the most). Baseline: the same 5 seeds simulated plainly from
 * midnight to the end of the hour, so the difference is what forking and binning cost.
 */
import { Simulation } from '../src/sim/Simulation';
import { forecast } from '../src/sim/forecast/forecast';
import type { ForecastAgv, ForecastInput } from '../src/sim/forecast/forecastTypes';
import { loadScene } from '../src/sim/testScenes';
import type { Scene } from '../src/domain/sceneSchema';
import { median, type Row } from './measure';

const FILE = 'scenes/1119-1120/proposed.json';
const AT_S = 22 * 3600;
const SEEDS = [1, 2, 3, 4, 5];

/** The fleet as a source would report it: another seed's simulation at `atS`. */
function fleetAt(scene: Scene, atS: number): ForecastInput {
  const sim = new Simulation(scene, { seed: 99 });
  sim.advanceTo(atS);
  sim.writeFrame();
  const m = sim.motion!;
  const nodeOf = new Map<number, number>();
  m.vertexOfNode.forEach((v, k) => nodeOf.set(v, k));
  const a = sim.frame.agvs;
  const agvs: ForecastAgv[] = Array.from({ length: m.n }, (_, i) => ({
    x: a.x[i]!,
    y: a.y[i]!,
    loaded: a.load[i] !== 0,
    goalNode: nodeOf.get(m.goal[i]!) ?? -1,
    paused: false,
    standing: !m.isMoving(i, atS),
  }));
  return { timeOfDayS: atS, agvs };
}

export function forecastBench(): Row[] {
  const scene = loadScene(FILE);
  const input = fleetAt(scene, AT_S);
  const samples: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < 3; run++) {
    let t0 = performance.now();
    forecast(scene, input, { seeds: SEEDS, hours: 1 });
    samples.push(performance.now() - t0);
    t0 = performance.now();
    for (const seed of SEEDS) new Simulation(scene, { seed, agvs: input.agvs.length, hours: AT_S / 3600 + 1 }).run();
    baseline.push(performance.now() - t0);
  }
  const ms = median(samples);
  return [
    {
      group: 'forecast (Node)',
      case: `1 h from 22:00 of ${FILE}, ${input.agvs.length} AGVs, ${SEEDS.length} seeds, warm-up from midnight (baseline: plain runs of the same span)`,
      value: ms / 1000,
      unit: 's',
      baseline: median(baseline) / 1000,
      goal: '≤ 10 s',
      pass: ms <= 10_000,
    },
  ];
}
