/**
 * The simulation: a whole day of each shipped layout at its target demand, wall time in Node on this machine.
 * Issue 3's goal: 24 h of the proposed 1119–1120 layout at 3,500 vehicles/day under 10 s (aim 5 s).
 */
import { Simulation } from '../src/sim/Simulation';
import { loadScene } from '../src/sim/testScenes';
import { median, type Row } from './measure';

const CASES: readonly { file: string; vehiclesPerDay: number; agvs?: number; goal: boolean }[] = [
  { file: 'scenes/1119-1120/proposed.json', vehiclesPerDay: 3500, goal: true },
  { file: 'scenes/1119-1120/proposed.json', vehiclesPerDay: 3500, agvs: 200, goal: false },
  { file: 'scenes/1088-2-1089/proposed.json', vehiclesPerDay: 2500, goal: false },
  { file: 'scenes/1119-1120/today.json', vehiclesPerDay: 800, goal: false },
];

export function simBench(): Row[] {
  return CASES.map(({ file, vehiclesPerDay, agvs: fleet, goal }) => {
    const scene = loadScene(file);
    const samples: number[] = [];
    let cleared = 0;
    let agvs = 0;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      const k = new Simulation(scene, { vehiclesPerDay, seed: 1, ...(fleet === undefined ? {} : { agvs: fleet }) }).run();
      samples.push(performance.now() - t0);
      cleared = k.cleared;
      agvs = k.agvs;
    }
    const ms = median(samples);
    return {
      group: 'simulation (Node)',
      case: `24 h of ${file} at ${vehiclesPerDay.toLocaleString('en')} vehicles/day, ${agvs} AGVs (${cleared.toLocaleString('en')} cleared)`,
      value: ms / 1000,
      unit: 's',
      ...(goal ? { goal: '< 10 s (aim 5 s)', pass: ms < 10_000 } : {}),
    };
  });
}
