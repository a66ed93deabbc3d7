/**
 * Issue 15, part 3: AGV waits in the gate. A day of the 1119–1120 proposed and 2030 layouts at 3,500 vehicles/day
 * with 40, 80 and 120 AGVs under each planner of `SimOptions.planner`, in the same run: the planner wait share of
 * AGV working time (the `agv-lanes` KPI: planner waits × step over busy seconds) and the vehicles cleared.
 *
 * The value is the new planner's wait share, the baseline the old one's (`pibt`), so the speed-up column reads as
 * how many times fewer waits; the goal is fewer waits and no fewer vehicles cleared (within 1 %, one seed).
 */
import { Simulation } from '../src/sim/Simulation';
import type { PlannerKind } from '../src/sim/simParams';
import { loadScene } from '../src/sim/testScenes';
import type { Row } from './measure';

const FILES = ['scenes/1119-1120/proposed.json', 'scenes/1119-1120/2030.json'] as const;
const FLEETS = [40, 80, 120] as const;
const VEHICLES_PER_DAY = 3500;
const BEFORE: PlannerKind = 'pibt';
const AFTER: PlannerKind = 'pibt-platoon';

export function gateWaitBench(): Row[] {
  const rows: Row[] = [];
  for (const file of FILES) {
    const scene = loadScene(file);
    for (const agvs of FLEETS) {
      const run = (planner: PlannerKind) => new Simulation(scene, { vehiclesPerDay: VEHICLES_PER_DAY, seed: 1, agvs, planner }).run();
      const before = run(BEFORE);
      const after = run(AFTER);
      const share = (k: typeof before) => 100 * (k.utilisation['agv-lanes'] ?? 0);
      rows.push({
        group: 'gate waits (Node)',
        case:
          `planner wait share of AGV time, ${file} at ${VEHICLES_PER_DAY.toLocaleString('en')}/day, ${agvs} AGVs, ` +
          `${AFTER} vs ${BEFORE}; cleared ${after.cleared.toLocaleString('en')} vs ${before.cleared.toLocaleString('en')}`,
        value: share(after),
        unit: '%',
        baseline: share(before),
        goal: 'fewer waits, cleared ≥ 99 %',
        pass: share(after) < share(before) && after.cleared >= 0.99 * before.cleared,
      });
    }
  }
  return rows;
}
