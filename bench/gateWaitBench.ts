/**
 * Issue 15, part 3: AGV waits in the gate. A day of the 1119–1120 proposed and 2030 layouts at 3,500 vehicles/day
 * with 40, 80 and 120 AGVs under each planner of `SimOptions.planner`, in the same run: the planner wait share of
 * AGV working time (the `agv-lanes` KPI: planner waits × step over busy seconds) and the vehicles cleared.
 *
 * The value is the new planner's wait share, the baseline the old one's (`pibt`), so the speed-up column reads as
 * how many times fewer waits; the goal is fewer waits and no fewer vehicles cleared (within 1 %, one seed). Each
 * case also says what the waits are made of under each planner (src/sim/WaitCauses.ts).
 */
import { Simulation } from '../src/sim/Simulation';
import type { PlannerKind } from '../src/sim/simParams';
import { loadScene } from '../src/sim/testScenes';
import { WAIT_CAUSES, WaitCauses } from '../src/sim/WaitCauses';
import type { Row } from './measure';

const FILES = ['scenes/1119-1120/proposed.json', 'scenes/1119-1120/2030.json'] as const;
const FLEETS = [40, 80, 120] as const;
const VEHICLES_PER_DAY = 3500;
const BEFORE: PlannerKind = 'pibt';
const AFTER: PlannerKind = 'pibt-stop-aware';

export function gateWaitBench(): Row[] {
  const rows: Row[] = [];
  for (const file of FILES) {
    const scene = loadScene(file);
    for (const agvs of FLEETS) {
      const before = run(scene, agvs, BEFORE);
      const after = run(scene, agvs, AFTER);
      const share = (k: typeof before.kpis) => 100 * (k.utilisation['agv-lanes'] ?? 0);
      rows.push({
        group: 'gate waits (Node)',
        case:
          `planner wait share of AGV time, ${file} at ${VEHICLES_PER_DAY.toLocaleString('en')}/day, ${agvs} AGVs, ${AFTER} vs ${BEFORE}; ` +
          `cleared ${after.kpis.cleared.toLocaleString('en')} vs ${before.kpis.cleared.toLocaleString('en')}; ` +
          `waits by cause ${after.causes} vs ${before.causes}`,
        value: share(after.kpis),
        unit: '%',
        baseline: share(before.kpis),
        goal: 'fewer waits, cleared ≥ 99 %',
        pass: share(after.kpis) < share(before.kpis) && after.kpis.cleared >= 0.99 * before.kpis.cleared,
      });
    }
  }
  return rows;
}

/** A day under `planner`: its KPIs, and its planner waits by cause as percentages (see src/sim/WaitCauses.ts). */
function run(scene: ReturnType<typeof loadScene>, agvs: number, planner: PlannerKind) {
  const sim = new Simulation(scene, { vehiclesPerDay: VEHICLES_PER_DAY, seed: 1, agvs, planner });
  const causes = new WaitCauses(sim.motion!);
  sim.motion!.waitCauses = causes;
  const kpis = sim.run();
  const total = causes.counts.reduce((a, b) => a + b, 0) || 1;
  const text = WAIT_CAUSES.map((c, k) => `${c} ${Math.round((100 * causes.counts[k]!) / total)}`).join('/');
  return { kpis, causes: `(${text} %)` };
}
