/**
 * A running simulation that holds what the source knows now: trucks, yards and cranes drawn from the scene's
 * arrival profile, the AGVs where the source reports them.
 *
 * Assumptions, stated so they can be challenged:
 * - trucks are not known from VDA 5050, so the run starts at midnight, empty as every simulated day does, and
 *   lets the profile's trucks fill the queues, yards and cranes up to the time of day. Not from a few hours
 *   before: at its target demand the proposed 1119–1120 layout's 40 AGVs fall behind all day (at 22:00 about
 *   1,700 trucks inside and 1,900 containers waiting, against 170 and 200 after a 3-hour warm-up), so only the
 *   whole day gives the backlog the profile makes likely;
 * - every AGV goes onto the lane cell nearest its reported position that no earlier one (in input order) took;
 *   its battery is whatever the warm-up left on the AGV of that index;
 * - a loaded AGV carries a container of the leg whose destination yard its goal node serves (else to the nearest
 *   destination yard), and what the warm-up's AGVs were doing is dropped (see `AgvFleet.place`).
 */
import type { Scene } from '../../domain/sceneSchema';
import type { PlanGraph } from '../../planning/PlanGraph';
import type { AgvPlacement } from '../AgvFleet';
import { Simulation } from '../Simulation';
import type { ForecastInput } from './forecastTypes';

/**
 * The simulation at `input.timeOfDayS` (its clock counts from the midnight before), run with `seed`, with the
 * input's AGVs placed; it ends `horizonS` later.
 *
 * @example
 *   const sim = forkSimulation(scene, { timeOfDayS: 36000, agvs }, 1, 3600);
 *   sim.advanceTo(sim.now + 300); // five minutes on
 */
export function forkSimulation(scene: Scene, input: ForecastInput, seed: number, horizonS: number): Simulation {
  checkInput(scene, input);
  const from = input.timeOfDayS;
  const sim = new Simulation(scene, { seed, agvs: input.agvs.length, hours: (from + horizonS) / 3600 });
  if (!sim.fleet) throw new Error(`scene "${scene.id}" has no AGV lanes to forecast a fleet on`);
  sim.advanceTo(from);
  const vertices = nearestFreeCells(sim.fleet.motion.graph, input.agvs);
  sim.placeAgvs(
    input.agvs.map((a, i): AgvPlacement => ({ vertex: vertices[i]!, loaded: a.loaded, goalNode: a.goalNode, paused: a.paused, standing: a.standing })),
  );
  return sim;
}

/** For each point in order, the nearest lane cell no earlier point took. */
export function nearestFreeCells(g: PlanGraph, points: readonly { readonly x: number; readonly y: number }[]): Int32Array {
  if (points.length > g.nodeCount) throw new RangeError(`${points.length} AGVs do not fit on ${g.nodeCount} lane cells`);
  const taken = new Uint8Array(g.nodeCount);
  const out = new Int32Array(points.length);
  for (let i = 0; i < points.length; i++) {
    const { x, y } = points[i]!;
    let best = -1;
    let bestD = Infinity;
    for (let v = 0; v < g.nodeCount; v++) {
      if (taken[v]) continue;
      const d = (g.x[v]! - x) ** 2 + (g.y[v]! - y) ** 2;
      if (d < bestD) {
        best = v;
        bestD = d;
      }
    }
    taken[best] = 1;
    out[i] = best;
  }
  return out;
}

function checkInput(scene: Scene, input: ForecastInput): void {
  const t = input.timeOfDayS;
  if (!(t >= 0 && t < 86400)) throw new RangeError(`time of day must be in [0, 86400) s (got ${t})`);
  if (input.agvs.length === 0) throw new RangeError('a forecast needs at least one AGV');
  const nodes = scene.lanes.nodes.length;
  input.agvs.forEach((a, i) => {
    if (!Number.isFinite(a.x) || !Number.isFinite(a.y)) throw new RangeError(`AGV ${i + 1}: position must be finite (got ${a.x}, ${a.y})`);
    if (!Number.isInteger(a.goalNode) || a.goalNode < -1 || a.goalNode >= nodes)
      throw new RangeError(`AGV ${i + 1}: goal node must be -1 or a lane node index below ${nodes} (got ${a.goalNode})`);
  });
}
