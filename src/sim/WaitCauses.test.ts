import { describe, expect, it } from 'vitest';
import type { LaneEdge, LaneNode } from '../domain/sceneSchema';
import { AgvMotion } from './AgvMotion';
import { WAIT_CAUSES, WaitCauses } from './WaitCauses';

describe('WaitCauses', () => {
  // Four AGVs queued nose to tail on a straight 400 m lane at 5 m/s, 20 m cells: 4 s steps, 8.1 s of stop loss each.
  const nodes = [0, 400].map((x, k): LaneNode => ({ id: `n${k}`, position: [x, 0], role: 'waypoint' }));
  const edges: LaneEdge[] = [{ id: 'e', from: 'n0', to: 'n1', widthM: 4, speedLimitMps: 5, crossBorder: false }];
  const params = { cellLengthM: 20, maxSpeedMps: 5, lengthM: 15.6, widthM: 3, clearanceM: 1, accelerationMps2: 0.5, decelerationMps2: 0.8 };

  function queue(headHeldSteps: number): { counts: Record<string, number>; waits: number } {
    const m = new AgvMotion(nodes, edges, 4, params, 1);
    const causes = new WaitCauses(m);
    m.waitCauses = causes;
    const lane: number[] = [m.vertexOfNode[0]!];
    const g = m.graph;
    while (g.offsets[lane.at(-1)! + 1]! > g.offsets[lane.at(-1)!]!) lane.push(g.targets[g.offsets[lane.at(-1)!]!]!);
    for (let i = 0; i < 4; i++) {
      m.place(i, lane[3 - i]!, -100);
      m.goal[i] = lane[lane.length - 1 - i]!;
    }
    for (let step = 0, t = 0; step < 60; step++, t += m.stepS) {
      m.hold[0] = step < headHeldSteps ? 1 : 0;
      m.step(t);
    }
    return { counts: Object.fromEntries(WAIT_CAUSES.map((c, k) => [c, causes.counts[k]!])), waits: m.waits };
  }

  it('charges every planner wait of a queue at rest to the stop losses of the AGVs ahead', () => {
    const { counts, waits } = queue(0);
    // Each follower stands behind the one ahead while it stands out its 8.1 s (two steps): 2 + 4 + 6.
    expect(waits).toBe(12);
    expect(counts).toEqual({ 'stop-loss': 12, 'slow-move': 0, held: 0, 'at-goal': 0, merge: 0, 'kept-back': 0, cycle: 0 });
  });

  it('charges the waits behind an AGV held at a crane to the hold', () => {
    const { counts, waits } = queue(5);
    expect(counts.held).toBe(15);
    expect(counts['stop-loss']).toBe(12);
    expect(waits).toBe(27);
  });
});
