import { describe, expect, it } from 'vitest';
import { TrafficCollisionEngine } from '../../collision/traffic/TrafficCollisionEngine';
import { FLAG_COMMITTED, predictedRoutesBytes, sampleCount, trafficInput, trafficInputBytes } from '../../domain/trafficFrame';
import { MERGE_KINEMATICS, MERGE_LANES, MERGE_SIZE, behindB, onA, onB, packMerge, type MergeAgv } from '../../planning/traffic/mergeFixture';
import { PROPOSAL_DEFAULTS } from '../../planning/traffic/ProposalPlanner';
import { TrafficPlannerEngine } from '../../planning/traffic/TrafficPlannerEngine';

const layout = { capacity: 8, routeCap: 4, samples: sampleCount(60, 0.5) };
const params = { clearanceM: MERGE_SIZE.clearanceM, fixedS: 1, perSecondAhead: 0.1, standingSpeedMps: 0.1, waitingTooLongS: 300 };

/** Both traffic engines on one pair of buffers, as the planner and collision workers hold them. */
function pipeline(agvs: readonly MergeAgv[]) {
  const inputBuffer = new SharedArrayBuffer(trafficInputBytes(layout.capacity, layout.routeCap));
  const routesBuffer = new SharedArrayBuffer(predictedRoutesBytes(layout.capacity, layout.routeCap, layout.samples));
  const planner = new TrafficPlannerEngine();
  planner.init(MERGE_LANES, MERGE_KINEMATICS, layout, inputBuffer, routesBuffer);
  const finder = new TrafficCollisionEngine();
  finder.init(MERGE_LANES, MERGE_SIZE, params, layout, inputBuffer, routesBuffer);
  const input = trafficInput(layout.capacity, layout.routeCap, inputBuffer);
  packMerge(input, agvs);
  const round = () => {
    planner.predict(60, 0.5);
    return finder.check(new Uint8Array(MERGE_LANES.nodes.length));
  };
  return { planner, input, round };
}

describe('a proposal of holds against the real collision check', () => {
  it.each([
    ['two AGVs due at a merge 1 s apart', [onA(3), onB(1, true)], 1],
    ['a follower the first hold would run into', [onA(3), onB(1, true), behindB(1, true)], 2],
  ] as const)('%s: the conflict is predicted, and with the holds written into the fleet it is not', (_, agvs, holds) => {
    const { planner, input, round } = pipeline(agvs);
    const before = round();
    expect(before.conflicts.map((c) => [c.a, c.b, c.kind])).toEqual([[0, 1, 'merge']]);
    const [p] = planner.propose([{ kind: 'conflict', a: 0, b: 1 }], { ...PROPOSAL_DEFAULTS, ...MERGE_SIZE });
    if (!p?.ok) throw new Error(`expected a proposal, got ${JSON.stringify(p)}`);
    expect(p.holds).toHaveLength(holds);
    expect(p.agvs[0]).toEqual({ agv: 0, delayS: 0 });

    // The master control's side: it withholds the releases and releases the rest on schedule.
    for (const h of p.holds) {
      input.holdAt[h.agv] = h.routeIndex;
      input.holdUntilS[h.agv] = h.untilS;
      input.flags[h.agv] = input.flags[h.agv]! | FLAG_COMMITTED;
    }
    const after = round();
    expect(after.conflicts).toEqual([]);
    expect(after.deadlocks).toEqual([]);
  });
});
