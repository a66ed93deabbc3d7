/**
 * The simulation: a whole day of each shipped layout at its target demand, wall time in Node on this machine.
 * Issue 3's goal: 24 h of the proposed 1119–1120 layout at 3,500 vehicles/day under 10 s (aim 5 s); issue 14's: a day
 * of the 1119–1120 2030 stage with 120 AGVs under 2 s.
 */
import { Simulation } from '../src/sim/Simulation';
import { loadScene } from '../src/sim/testScenes';
import { median, type Row } from './measure';

const CASES: readonly { file: string; vehiclesPerDay: number; agvs?: number; goal?: { ms: number; text: string } }[] = [
  { file: 'scenes/1119-1120/proposed.json', vehiclesPerDay: 3500, goal: { ms: 10_000, text: '< 10 s (aim 5 s)' } },
  // Issue 14: a day of the 2030 stage with 120 AGVs, the largest fleet an experiment on it tries.
  { file: 'scenes/1119-1120/2030.json', vehiclesPerDay: 3500, agvs: 120, goal: { ms: 2000, text: '< 2 s' } },
  { file: 'scenes/1119-1120/proposed.json', vehiclesPerDay: 3500, agvs: 200 },
  { file: 'scenes/1088-2-1089/proposed.json', vehiclesPerDay: 2500 },
  { file: 'scenes/1119-1120/today.json', vehiclesPerDay: 800 },
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
      ...(goal ? { goal: goal.text, pass: ms < goal.ms } : {}),
    };
  });
}
