import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { META_SAMPLE_S, META_SAMPLES, type PredictedRoutes } from '../../domain/trafficFrame';
import type { PredictedConflict } from '../../domain/trafficFindings';
import { checkAllPairs } from '../allPairs';
import { boxSet } from '../boxSet';
import { CONTACT, NEAR_MISS, PREDICTED } from '../classifyPair';
import { collisionEvents } from '../collisionEvents';
import { ConflictPredictor } from './ConflictPredictor';
import { along, fakeRound, onRoute, standing, type FakeAgv, type FakeRoundOptions, type Pose } from './fakeRound';
import type { TrafficParams } from './trafficParams';

const AGV = { lengthM: 15.6, widthM: 3 };
const PARAMS: TrafficParams = { clearanceM: 1, fixedS: 1, perSecondAhead: 0.1, standingSpeedMps: 0.1, waitingTooLongS: 120 };

function predict(agvs: readonly FakeAgv[], o: FakeRoundOptions = {}): PredictedConflict[] {
  const { input, routes } = fakeRound(agvs, o);
  const out: PredictedConflict[] = [];
  new ConflictPredictor(Math.max(2, agvs.length), AGV, PARAMS).predict(input, routes, out);
  return out;
}

describe('ConflictPredictor on hand-made cases', () => {
  // A cross of lanes: 0 the centre, 1 west, 2 south, 3 east, 4 north (100 m out).
  const CROSS: [number, number][] = [
    [0, 0],
    [-100, 0],
    [0, -100],
    [100, 0],
    [0, 100],
  ];

  it('predicts a merge where two lanes join, before both reach the node', () => {
    const found = predict([onRoute(CROSS, CROSS[1]!, [0, 3], 5, { lastNode: 1 }), onRoute(CROSS, CROSS[2]!, [0, 3], 5, { lastNode: 2 })]);
    expect(found).toHaveLength(1);
    const c = found[0]!;
    expect([c.a, c.b, c.kind]).toEqual([0, 1, 'merge']);
    // Each nose is 7.8 m ahead of its centre: the corners meet about 2 s before the centres reach the node.
    expect(c.inS).toBeGreaterThan(15);
    expect(c.inS).toBeLessThan(20);
    expect(c.x).toBeLessThan(0);
    expect(c.y).toBeLessThan(0);
  });

  it('predicts two AGVs crossing at a point no lane joins', () => {
    const found = predict([onRoute(CROSS, CROSS[1]!, [3], 5, { lastNode: 1 }), onRoute(CROSS, CROSS[2]!, [4], 5, { lastNode: 2 })]);
    expect(found.map((c) => c.kind)).toEqual(['crossing']);
  });

  it('does not flag AGVs following at their normal spacing', () => {
    const found = predict([onRoute(CROSS, [-70, 0], [0, 3], 5, { lastNode: 1 }), onRoute(CROSS, CROSS[1]!, [0, 3], 5, { lastNode: 1 })]);
    expect(found).toEqual([]);
  });

  it('flags a follower running into a leader that stops at its route end, as follow', () => {
    const found = predict([onRoute(CROSS, [-50, 0], [0], 5, { lastNode: 1 }), onRoute(CROSS, CROSS[1]!, [0, 3], 5, { lastNode: 1 })]);
    expect(found).toHaveLength(1);
    expect(found[0]!.kind).toBe('follow');
    // The leader stands at 0 from 10 s; the follower's nose (7.8 m ahead) reaches the leader's tail (7.8 m
    // behind 0) with 1 m to spare when its centre is at −16.6 m, 83.4 m from its start: 16.7 s.
    expect(Math.abs(found[0]!.inS - 83.4 / 5)).toBeLessThanOrEqual(0.5);
  });

  it('predicts head-on where a lane runs both ways, with its uncertainty', () => {
    const ends: [number, number][] = [
      [0, 0],
      [200, 0],
    ];
    const found = predict([onRoute(ends, ends[0]!, [1], 5, { lastNode: 0 }), onRoute(ends, ends[1]!, [0], 5, { lastNode: 1 })]);
    expect(found).toHaveLength(1);
    const c = found[0]!;
    expect(c.kind).toBe('head-on');
    // 200 m apart, closing at 10 m/s; they meet when the centres are 15.6 m (plus up to 1 m of clearance) apart.
    expect(Math.abs(c.inS - (200 - 16.6) / 10)).toBeLessThanOrEqual(0.5);
    const u = PARAMS.fixedS + PARAMS.perSecondAhead * c.inS;
    expect(c.earliestS).toBeCloseTo(c.inS - u, 9);
    expect(c.latestS).toBeCloseTo(c.inS + u, 9);
    expect(c.x).toBeCloseTo(100, 1);
    expect(c.y).toBeCloseTo(0, 6);
  });

  it('never gives an earliest time before now', () => {
    const ends: [number, number][] = [
      [0, 0],
      [200, 0],
    ];
    const found = predict([onRoute(ends, [100, 0], [1], 5, { lastNode: 0 }), onRoute(ends, [125, 0], [0], 5, { lastNode: 1 })]);
    expect(found).toHaveLength(1);
    expect(found[0]!.inS).toBeLessThan(1);
    expect(found[0]!.earliestS).toBe(0);
    expect(found[0]!.latestS).toBeCloseTo(found[0]!.inS + 1 + 0.1 * found[0]!.inS, 9);
  });

  it('does not flag routes that meet only beyond their released bases (a yield, not a conflict)', () => {
    const ends: [number, number][] = [
      [0, 0],
      [200, 0],
    ];
    const a = onRoute(ends, ends[0]!, [1], 5, { lastNode: 0 });
    const b = onRoute(ends, ends[1]!, [0], 5, { lastNode: 1 });
    expect(
      predict([
        { ...a, baseEndS: 5 },
        { ...b, baseEndS: 5 },
      ]),
    ).toEqual([]);
    expect(predict([a, { ...b, baseEndS: 5 }])).toEqual([]);
    expect(
      predict([
        { ...a, baseEndS: 30 },
        { ...b, baseEndS: 30 },
      ]),
    ).toHaveLength(1);
  });

  it('counts an unreleased AGV that stands still as firm (standing)', () => {
    const found = predict([{ pose: standing(50, 0), baseEndS: 0 }, onRoute(CROSS, CROSS[1]!, [3], 5, { lastNode: 1 })]);
    expect(found.map((c) => [c.a, c.b, c.kind])).toEqual([[0, 1, 'standing']]);
  });

  it('leaves out pairs that already meet now, and unplaced AGVs', () => {
    const found = predict([
      { pose: standing(0, 0) },
      { pose: standing(0, 3.5) }, // side by side, 0.5 m apart: a near miss now, the live checker's
      { pose: () => [Number.NaN, Number.NaN, Number.NaN] },
      { pose: standing(300, 0) },
    ]);
    expect(found).toEqual([]);
  });

  it('reads only the valid samples of a layout allocated for a longer horizon', () => {
    const { input, routes } = fakeRound([onRoute(CROSS, CROSS[1]!, [3], 5, { lastNode: 1 }), { pose: standing(0, 50) }], {
      horizonS: 10,
      samples: 241,
    });
    // Past the valid samples both sit on one spot: a meeting only a reader of stale samples would find.
    for (const i of [0, 1]) routes.px.fill(0, i * 241 + routes.meta[META_SAMPLES]!, (i + 1) * 241);
    for (const i of [0, 1]) routes.py.fill(0, i * 241 + routes.meta[META_SAMPLES]!, (i + 1) * 241);
    const out: PredictedConflict[] = [];
    new ConflictPredictor(2, AGV, PARAMS).predict(input, routes, out);
    expect(out).toEqual([]);
  });

  it('names the problem when the round exceeds its capacity', () => {
    const { input, routes } = fakeRound([{ pose: standing(0, 0) }, { pose: standing(50, 0) }, { pose: standing(100, 0) }]);
    expect(() => new ConflictPredictor(2, AGV, PARAMS).predict(input, routes, [])).toThrow(/3 AGVs exceed the conflict predictor's capacity of 2/);
  });
});

/** Inside its base at t, or standing where it stands now through sample k + 1 (the last sample, if k is the last). */
function firm(routes: PredictedRoutes, i: number, k: number, t: number): boolean {
  if (t <= routes.baseEndS[i]!) return true;
  const used = routes.meta[META_SAMPLES]!;
  const o = i * routes.samples;
  const eps = PARAMS.standingSpeedMps * routes.meta[META_SAMPLE_S]!;
  for (let j = 1; j <= Math.min(k + 1, used - 1); j++)
    if (Math.hypot(routes.px[o + j]! - routes.px[o]!, routes.py[o + j]! - routes.py[o]!) > eps) return false;
  return true;
}

/** The pairs and first firm times the plain all-pairs checker finds at each sampled time, as the predictor should. */
function expected(routes: PredictedRoutes, n: number): Map<string, number> {
  const used = routes.meta[META_SAMPLES]!;
  const sampleS = routes.meta[META_SAMPLE_S]!;
  const boxes = boxSet(n);
  const events = collisionEvents(n * n);
  const met = new Set<string>();
  const first = new Map<string, number>();
  for (let k = 0; k < used; k++) {
    for (let i = 0; i < n; i++) {
      const o = i * routes.samples + k;
      boxes.x[i] = routes.px[o]!;
      boxes.y[i] = routes.py[o]!;
      boxes.heading[i] = routes.heading[o]!;
      boxes.halfLength[i] = AGV.lengthM / 2;
      boxes.halfWidth[i] = AGV.widthM / 2;
      boxes.vx[i] = k > 0 && k + 1 < used ? (routes.px[o + 1]! - routes.px[o]!) / sampleS : 0;
      boxes.vy[i] = k > 0 && k + 1 < used ? (routes.py[o + 1]! - routes.py[o]!) / sampleS : 0;
    }
    boxes.count = n;
    checkAllPairs(boxes, { horizonS: sampleS, nearMissClearanceM: PARAMS.clearanceM }, events);
    for (let e = 0; e < events.count; e++) {
      const key = `${events.a[e]}-${events.b[e]}`;
      if (k === 0) {
        if (events.kind[e] === CONTACT || events.kind[e] === NEAR_MISS) met.add(key);
      } else if (!met.has(key) && !first.has(key)) {
        const t = k * sampleS + (events.kind[e] === PREDICTED ? events.ttc[e]! : 0);
        if (firm(routes, events.a[e]!, k, t) && firm(routes, events.b[e]!, k, t)) first.set(key, t);
      }
    }
  }
  return first;
}

describe('ConflictPredictor against the collision checker at every sampled time', () => {
  // Whole numbers scaled down: fast-check's doubles crowd at the bounds, where few trajectories meet.
  const leg = fc.record({
    heading: fc.integer({ min: 0, max: 359 }).map((d) => (d * Math.PI) / 180),
    speed: fc.integer({ min: 0, max: 80 }).map((v) => v / 10),
  });
  const trajectory = fc.record({
    x: fc.integer({ min: -500, max: 500 }).map((v) => v / 10),
    y: fc.integer({ min: -500, max: 500 }).map((v) => v / 10),
    first: leg,
    turnS: fc.integer({ min: 0, max: 100 }).map((v) => v / 10),
    second: fc.option(leg, { nil: undefined }),
    baseEndS: fc.option(
      fc.integer({ min: 0, max: 100 }).map((v) => v / 10),
      { nil: undefined },
    ),
  });

  it('finds exactly the pairs the checker reports, at the first sampled time they meet firmly', () => {
    fc.assert(
      fc.property(fc.array(trajectory, { minLength: 2, maxLength: 7 }), (ts) => {
        const agvs: FakeAgv[] = ts.map((t) => {
          const end = t.second ? t.turnS : Number.POSITIVE_INFINITY;
          const pose = (s: number): Pose => {
            const s1 = Math.min(s, end);
            const x = t.x + Math.cos(t.first.heading) * t.first.speed * s1;
            const y = t.y + Math.sin(t.first.heading) * t.first.speed * s1;
            if (!t.second || s <= end) return [x, y, t.first.heading];
            const d = t.second.speed * (s - end);
            return [x + Math.cos(t.second.heading) * d, y + Math.sin(t.second.heading) * d, t.second.heading];
          };
          return { pose, baseEndS: t.baseEndS };
        });
        const { input, routes } = fakeRound(agvs, { horizonS: 10 });
        const out: PredictedConflict[] = [];
        new ConflictPredictor(agvs.length, AGV, PARAMS).predict(input, routes, out);
        const want = expected(routes, agvs.length);
        expect(out.map((c) => `${c.a}-${c.b}`).sort()).toEqual([...want.keys()].sort());
        for (const c of out) expect(Math.abs(c.inS - want.get(`${c.a}-${c.b}`)!)).toBeLessThanOrEqual(1e-6);
      }),
      { numRuns: 150 },
    );
  });
});

describe('fakeRound', () => {
  it('moves along a polyline at the given speed and stands at its end', () => {
    const { pose, arrivals } = along(
      [
        [0, 0],
        [10, 0],
        [10, 10],
      ],
      5,
    );
    expect(arrivals).toEqual([2, 4]);
    expect(pose(1)).toEqual([5, 0, 0]);
    expect(pose(3)[1]).toBeCloseTo(5, 9);
    expect(pose(9)).toEqual([10, 10, Math.PI / 2]);
  });
});
