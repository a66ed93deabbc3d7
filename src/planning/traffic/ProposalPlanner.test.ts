import { describe, expect, it } from 'vitest';
import { META_COUNT, NOT_A_NODE, predictedRoutes, sampleCount, trafficInput, type TrafficInput } from '../../domain/trafficFrame';
import type { TrafficProposal } from '../../domain/trafficProposal';
import { MERGE_CLOCK_S, MERGE_KINEMATICS, MERGE_LANES, MERGE_SIZE, N, behindB, onA, onB, packMerge, type MergeAgv } from './mergeFixture';
import { PROPOSAL_DEFAULTS, ProposalPlanner } from './ProposalPlanner';
import { RoutePredictor } from './RoutePredictor';

const CAP = 4;
const HORIZON_S = 60;
const options = { ...PROPOSAL_DEFAULTS, ...MERGE_SIZE };

/** The fleet packed and predicted as a round of the planner worker leaves it. */
function round(agvs: readonly MergeAgv[]) {
  const predictor = new RoutePredictor(MERGE_LANES, MERGE_KINEMATICS, CAP);
  const input = trafficInput(8, CAP);
  const routes = predictedRoutes(8, CAP, sampleCount(HORIZON_S, 0.5));
  packMerge(input, agvs);
  predictor.predict(input, routes, HORIZON_S, 0.5);
  return { predictor, input, routes, planner: new ProposalPlanner(predictor, MERGE_LANES) };
}

/** Seconds until AGV i reaches route node k, re-predicted with the proposal's holds written into the input. */
function withHolds(r: ReturnType<typeof round>, p: TrafficProposal): (i: number, k: number) => number {
  const input: TrafficInput = trafficInput(8, CAP);
  new Uint8Array(input.buffer).set(new Uint8Array(r.input.buffer));
  for (const h of p.holds) {
    input.holdAt[h.agv] = h.routeIndex;
    input.holdUntilS[h.agv] = h.untilS;
  }
  const out = predictedRoutes(8, CAP, sampleCount(HORIZON_S, 0.5));
  r.predictor.predict(input, out, HORIZON_S, 0.5);
  return (i, k) => out.nodeS[i * CAP + k]!;
}

describe('ProposalPlanner (holds that keep predicted AGVs apart)', () => {
  it('holds the AGV it can hold short of a merge until the other has passed; the other loses nothing', () => {
    // A's whole route is released (it cannot be held); B's is the twin's to release (committed), only B1 so far.
    const r = round([onA(3), onB(1, true)]);
    const before = new Uint8Array(r.input.buffer).slice();
    const [p] = r.planner.propose(r.input, r.routes, [{ kind: 'conflict', a: 0, b: 1 }], options);
    expect(new Uint8Array(r.input.buffer)).toEqual(before); // the shared buffers are read only
    if (!p?.ok) throw new Error(`expected a proposal, got ${JSON.stringify(p)}`);
    // B waits at B1 (its base end, 42.4 m short of M), released so that it comes within 7 m (a footprint and the
    // clearance) of the meeting as A's centre is 7 m past it, plus the timing uncertainty; A passes M at 20.47 s.
    expect(p.holds).toEqual([{ agv: 1, node: N.B1, routeIndex: 0, untilS: expect.any(Number) }]);
    const holdS = p.holds[0]!.untilS - MERGE_CLOCK_S;
    expect(holdS).toBeGreaterThan(13.49); // it reaches B1 at rest at 13.49 s (below), so it does wait
    expect(holdS).toBeLessThan(20.47);
    expect(p.agvs).toEqual([
      { agv: 0, delayS: 0 },
      { agv: 1, delayS: expect.any(Number) },
    ]);
    expect(p.agvs[1]!.delayS).toBeGreaterThan(5);
    expect(p.totalDelayS).toBe(p.agvs[1]!.delayS);
    // A cannot be held; the next best plan is the same hold released only once A is past the meeting.
    expect(p.savesS).toBeGreaterThan(5);
    expect(p.ghosts.map((g) => [g.agv, g.px.length])).toEqual([
      [0, 121],
      [1, 121],
    ]);
    // With the hold, B reaches M only after A has: by more than the time A's 7 m past it takes.
    const nodeS = withHolds(r, p);
    expect(nodeS(1, 1) - nodeS(0, 1)).toBeGreaterThan(7 / 5);
    // It now brakes to rest at B1, 42.43 m from rest to rest: 5 s up, 3.49 s at 5 m/s, 5 s down.
    expect(nodeS(1, 0)).toBeCloseTo(13.49, 2);
  });

  it("re-predicts a plan with the AGVs' departures and their own paths ahead", () => {
    // Both stand 2 s before they set off (the meeting keeps its 1 s); A's own path bends 3 m north on its way to A1.
    const predictor = new RoutePredictor(MERGE_LANES, MERGE_KINEMATICS, CAP);
    const input = trafficInput(8, CAP);
    const routes = predictedRoutes(8, CAP, sampleCount(HORIZON_S, 0.5));
    packMerge(input, [onA(3), onB(1, true)]);
    input.departS.set([2, 2]);
    input.leadLen[0] = 1;
    input.leadX[0] = 45;
    input.leadY[0] = 3;
    input.leadS[0] = NaN;
    input.leadNode[0] = NOT_A_NODE;
    predictor.predict(input, routes, HORIZON_S, 0.5);
    const [p] = new ProposalPlanner(predictor, MERGE_LANES).propose(input, routes, [{ kind: 'conflict', a: 0, b: 1 }], options);
    if (!p?.ok) throw new Error(`expected a proposal, got ${JSON.stringify(p)}`);
    expect(p.holds.map((h) => [h.agv, h.node])).toEqual([[1, N.B1]]);
    const [a, b] = p.ghosts;
    expect([a!.px[3], a!.py[3], b!.px[3], b!.py[3]]).toEqual([expect.closeTo(30.15, 4), 0, 60, -60]); // t = 1.5 s: standing
    expect(a!.py[8]).toBeGreaterThan(0); // t = 4 s: on its bend
  });

  it('keeps the cheaper of the two holds when both AGVs can wait, and says what it saves', () => {
    const r = round([onA(1, true), onB(1, true)]);
    const [p] = r.planner.propose(r.input, r.routes, [{ kind: 'conflict', a: 0, b: 1 }], options);
    if (!p?.ok) throw new Error(`expected a proposal, got ${JSON.stringify(p)}`);
    expect(p.holds).toHaveLength(1);
    const held = p.holds[0]!.agv;
    expect(p.agvs.find((a) => a.agv !== held)!.delayS).toBe(0);
    // The mirror plan (the other AGV held) costs savesS more.
    const mirror = round([onA(held === 0 ? 3 : 1, held !== 0), onB(held === 1 ? 3 : 1, held !== 1)]);
    const [q] = mirror.planner.propose(mirror.input, mirror.routes, [{ kind: 'conflict', a: 0, b: 1 }], options);
    if (!q?.ok) throw new Error(`expected the mirror plan, got ${JSON.stringify(q)}`);
    expect(q.holds[0]!.agv).not.toBe(held);
    expect(p.savesS).toBeCloseTo(q.totalDelayS - p.totalDelayS, 9);
    expect(p.savesS).toBeGreaterThan(0);
  });

  it('fails with inside-bases when the meeting lies inside both released bases', () => {
    const r = round([onA(3), onB(3)]);
    const [p] = r.planner.propose(r.input, r.routes, [{ kind: 'conflict', a: 0, b: 1 }], options);
    expect(p).toMatchObject({ ok: false, reason: 'inside-bases', detail: expect.stringMatching(/^AGVs 0, 1 meet at \(.*\) inside their released bases/) });
  });

  it('fails with no-plan, saying why, when neither AGV has a node far enough short of the meeting to wait at', () => {
    // Both next reach M itself, where they meet (A 30 m off at 8.5 s, B 24 m off at 7.3 s): too close to wait short of it.
    const a: MergeAgv = { x: 90, y: 0, heading: 0, lastNode: N.A1, route: [N.M, N.E1], baseLen: 2 };
    const b: MergeAgv = {
      x: 120 - 24 / Math.SQRT2,
      y: -24 / Math.SQRT2,
      heading: Math.PI / 4,
      lastNode: N.B1,
      route: [N.M, N.E2],
      baseLen: 0,
      committed: true,
    };
    const r = round([a, b]);
    expect(r.planner.propose(r.input, r.routes, [{ kind: 'conflict', a: 0, b: 1 }], options)).toEqual([
      {
        ok: false,
        target: { kind: 'conflict', a: 0, b: 1 },
        reason: 'no-plan',
        detail: expect.stringMatching(
          /^no AGV of 0, 1 can wait short of \(.*\): AGV 1: no node of its route lies far enough short of the place; AGV 0: no node of its route/,
        ),
      },
    ]);
  });

  it('gives a neighbour the first hold would run into a hold of its own, and fails when the rounds run out first', () => {
    // The AGV 20 m behind B would drive into B waiting at B1: it waits at B0 until B has gone on.
    const r = round([onA(3), onB(1, true), behindB(1, true)]);
    const [p] = r.planner.propose(r.input, r.routes, [{ kind: 'conflict', a: 0, b: 1 }], options);
    if (!p?.ok) throw new Error(`expected a proposal, got ${JSON.stringify(p)}`);
    expect(p.holds.map((h) => [h.agv, h.node])).toEqual([
      [1, N.B1],
      [2, N.B0],
    ]);
    expect(p.agvs.map((a) => a.agv)).toEqual([0, 1, 2]);
    expect(p.agvs[0]!.delayS).toBe(0);
    // The follower reaches B1 only after B has left it (B goes on from rest: 2 s to cover the first 2 m).
    const nodeS = withHolds(r, p);
    expect(nodeS(2, 1)).toBeGreaterThan(p.holds[0]!.untilS - MERGE_CLOCK_S + 2);

    const [q] = r.planner.propose(r.input, r.routes, [{ kind: 'conflict', a: 0, b: 1 }], { ...options, maxRounds: 1 });
    expect(q).toMatchObject({ ok: false, reason: 'no-plan', detail: expect.stringMatching(/AGVs 1 and 2 meet in/) });
  });

  it('for a deadlock, holds an AGV of the cycle short of the contested space until the others have passed', () => {
    const r = round([onA(3), onB(1, true)]);
    const [p] = r.planner.propose(r.input, r.routes, [{ kind: 'deadlock', agvs: [0, 1] }], options);
    expect(p).toMatchObject({ ok: true, holds: [{ agv: 1, node: N.B1 }] });
    const inside = round([onA(3), onB(3)]);
    expect(inside.planner.propose(inside.input, inside.routes, [{ kind: 'deadlock', agvs: [0, 1] }], options)).toMatchObject([
      { ok: false, reason: 'inside-bases' },
    ]);
  });

  it('plans nothing for AGVs that no longer meet, and refuses bad targets and options', () => {
    const r = round([onA(3), behindB(3)]); // 4 s apart at M: they pass clear of each other
    expect(r.planner.propose(r.input, r.routes, [{ kind: 'conflict', a: 0, b: 1 }], options)).toEqual([
      {
        ok: true,
        target: { kind: 'conflict', a: 0, b: 1 },
        holds: [],
        agvs: [
          { agv: 0, delayS: 0 },
          { agv: 1, delayS: 0 },
        ],
        totalDelayS: 0,
        savesS: 0,
        sampleS: 0.5,
        ghosts: [],
      },
    ]);
    expect(r.input.meta[META_COUNT]).toBe(2);
    expect(() => r.planner.propose(r.input, r.routes, [{ kind: 'conflict', a: 0, b: 2 }], options)).toThrow(
      /conflict AGV 2 is not one of the round's AGVs 0 to 1/,
    );
    expect(() => r.planner.propose(r.input, r.routes, [{ kind: 'deadlock', agvs: [1, 1] }], options)).toThrow(/names an AGV twice/);
    expect(() => r.planner.propose(r.input, r.routes, [], { ...options, maxRounds: 0 })).toThrow(/maxRounds must be a whole number ≥ 1, got 0/);
    expect(() => r.planner.propose(r.input, r.routes, [], { ...options, lengthM: NaN })).toThrow(/lengthM must be a positive number/);
  });
});
