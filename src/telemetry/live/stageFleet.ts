/**
 * Stages simulated AGVs before a scripted run (the fleet tool's `--stage`): each is sent to its lane node as soon as
 * it is free to take an order (not carrying or loading a container) and kept standing there, waiting for an
 * operator's order, as a vehicle held by its master control would. The simulation is run headless to the moment
 * all stand where they were sent, so a browser test starts from a known fleet without waiting in real time.
 *
 * @example
 *   const staged = stageFleet(sim, [{ agv: 0, nodeId: 'vn-imp' }, { agv: 1, nodeId: 'vn-park-6' }], 3 * 3600);
 *   if (!staged.ok) throw new Error(staged.reason); // else sim.now is the moment both stand there
 */
import type { Simulation } from '../../sim/Simulation';

export interface Stage {
  readonly agv: number;
  readonly nodeId: string;
}

export type StageResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Runs `sim` on in steps of one second, for at most `withinS`, until every AGV stands at its node. */
export function stageFleet(sim: Simulation, stages: readonly Stage[], withinS: number): StageResult {
  const m = sim.motion;
  if (!m) return { ok: false, reason: 'the simulation has no AGVs to stage' };
  const vertices = stages.map((s) => {
    const k = sim.scene.lanes.nodes.findIndex((n) => n.id === s.nodeId);
    return k < 0 ? -1 : m.vertexOfNode[k]!;
  });
  const missing = stages.find((_, k) => vertices[k]! < 0);
  if (missing) return { ok: false, reason: `no lane node "${missing.nodeId}"` };
  const sent = stages.map(() => false);
  const standing = () => stages.every((s, k) => sent[k] && m.vertex[s.agv] === vertices[k] && !m.isMoving(s.agv, sim.now));
  const until = sim.now + withinS;
  for (let t = sim.now; !standing(); t++) {
    if (t > until) {
      const late = stages.filter((_, k) => !sent[k] || m.vertex[stages[k]!.agv] !== vertices[k]).map((s) => `AGV ${s.agv + 1} at ${s.nodeId}`);
      return { ok: false, reason: `not staged within ${withinS} s: ${late.join(', ')}` };
    }
    sim.advanceTo(t);
    stages.forEach((s, k) => {
      if (!sent[k]) {
        const r = sim.command(s.agv, { kind: 'goto', nodeId: s.nodeId, wait: true });
        if (r.ok) sent[k] = true;
      }
    });
  }
  return { ok: true };
}
