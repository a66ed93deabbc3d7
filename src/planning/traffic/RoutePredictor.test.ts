import { describe, expect, it } from 'vitest';
import type { LaneEdge, LaneNode } from '../../domain/sceneSchema';
import {
  FLAG_COMMITTED,
  FLAG_FATAL,
  FLAG_HAS_ORDER,
  FLAG_PAUSED,
  FLAG_PLACED,
  FLAG_ROUTE_CUT,
  FLAG_STALE,
  LEAD_CAP,
  META_CLOCK_S,
  META_COUNT,
  META_HORIZON_S,
  META_ROUND,
  META_SAMPLE_S,
  META_SAMPLES,
  NOT_A_NODE,
  NO_HOLD,
  UNKNOWN_NODE,
  predictedRoutes,
  sampleCount,
  trafficInput,
  type TrafficInput,
} from '../../domain/trafficFrame';
import { RoutePredictor } from './RoutePredictor';

// A (0,0) → B (30,0) → C (60,0) ⇄ D (60,30): limits A→B 5, B→C 2, C→D 5, D→C 1 m/s.
const node = (id: string, x: number, y: number): LaneNode => ({ id, position: [x, y], role: 'waypoint' });
const edge = (from: string, to: string, speedLimitMps: number): LaneEdge => ({
  id: `${from}${to}`,
  from,
  to,
  widthM: 4,
  speedLimitMps,
  crossBorder: false,
});
const lanes = {
  nodes: [node('A', 0, 0), node('B', 30, 0), node('C', 60, 0), node('D', 60, 30)],
  edges: [edge('A', 'B', 5), edge('B', 'C', 2), edge('C', 'D', 5), edge('D', 'C', 1)],
};
const [A, B, C, D] = [0, 1, 2, 3];
const agv = { maxSpeedMps: 5, accelerationMps2: 1, decelerationMps2: 1 };
const ROUTE_CAP = 3;
const MOVING = FLAG_PLACED | FLAG_HAS_ORDER;

interface Agv {
  x: number;
  y: number;
  heading?: number;
  speed?: number;
  flags?: number;
  lastNode?: number;
  route?: number[];
  baseLen?: number;
  /** A hold: route index and source clock (s). */
  hold?: readonly [at: number, untilS: number];
  departS?: number;
  /** Seconds it stands at each route node. */
  stops?: readonly number[];
  /** Its own path ahead: points with an eta (s) or none, and the route index of the node each lies on. */
  lead?: readonly { x: number; y: number; s?: number; node?: number }[];
}

function pack(agvs: readonly Agv[]): TrafficInput {
  const input = trafficInput(16, ROUTE_CAP);
  input.meta[META_COUNT] = agvs.length;
  input.meta[META_CLOCK_S] = 3600;
  agvs.forEach((a, i) => {
    input.x[i] = a.x;
    input.y[i] = a.y;
    input.heading[i] = a.heading ?? 0;
    input.speed[i] = a.speed ?? 0;
    input.flags[i] = a.flags ?? MOVING;
    input.lastNode[i] = a.lastNode ?? UNKNOWN_NODE;
    const route = a.route ?? [];
    input.routeLen[i] = route.length;
    input.baseLen[i] = a.baseLen ?? route.length;
    input.route.set(route, i * ROUTE_CAP);
    input.holdAt[i] = a.hold?.[0] ?? NO_HOLD;
    input.holdUntilS[i] = a.hold?.[1] ?? 0;
    input.departS[i] = a.departS ?? 0;
    input.stopS.set(a.stops ?? [], i * ROUTE_CAP);
    const lead = a.lead ?? [];
    input.leadLen[i] = lead.length;
    lead.forEach((p, k) => {
      input.leadX[i * LEAD_CAP + k] = p.x;
      input.leadY[i * LEAD_CAP + k] = p.y;
      input.leadS[i * LEAD_CAP + k] = p.s ?? NaN;
      input.leadNode[i * LEAD_CAP + k] = p.node ?? NOT_A_NODE;
    });
  });
  return input;
}

/** Routes buffer sized for the longest horizon the console offers (300 s at 0.5 s: 601 samples). */
const routesBuffer = () => predictedRoutes(16, ROUTE_CAP, sampleCount(300, 0.5));

describe('RoutePredictor', () => {
  it('times a route node by node, through a slower edge, and samples the pose', () => {
    // From A at rest: 30 m at up to 5 m/s braking to B's 2 m/s (5 s up, 1.4 s cruise, 3 s down: 9.4 s), 30 m at
    // 2 m/s (15 s: 24.4 s), then 30 m north from 2 m/s to rest (3 s up, 1.4 s cruise, 5 s down: 33.8 s).
    const input = pack([{ x: 0, y: 0, lastNode: A, route: [B, C, D], baseLen: 2 }]);
    const out = routesBuffer();
    expect(new RoutePredictor(lanes, agv, ROUTE_CAP).predict(input, out, 60, 0.5)).toBe(1);
    expect(out.nodeS[0]).toBeCloseTo(9.4, 4);
    expect(out.nodeS[1]).toBeCloseTo(24.4, 4);
    expect(out.nodeS[2]).toBeCloseTo(33.8, 4);
    expect(out.etaS[0]).toBeCloseTo(33.8, 9);
    expect(out.baseEndS[0]).toBeCloseTo(24.4, 9); // arrival at C, its last released node
    // t = 10 s (sample 20): 0.6 s at 2 m/s past B.
    expect([out.px[20], out.py[20], out.heading[20]]).toEqual([expect.closeTo(31.2, 4), 0, 0]);
    // t = 26.5 s (sample 53): 2.1 s past C accelerating from 2 m/s: 2·2.1 + ½·1·2.1² = 6.405 m north.
    expect(out.px[53]).toBeCloseTo(60, 4);
    expect(out.py[53]).toBeCloseTo(6.405, 4);
    expect(out.heading[53]).toBeCloseTo(Math.PI / 2, 6);
    // Arrived at D by t = 33.8 s: it stands there, facing along the last lane, to the horizon's end (sample 120).
    expect([out.px[80], out.py[80], out.px[120], out.py[120]]).toEqual([60, 30, 60, 30]);
    expect(out.heading[120]).toBeCloseTo(Math.PI / 2, 6);
  });

  it('limits the way to the first node by the nearest lane edge into it when the last node is unknown', () => {
    // At (40,0) on B→C at 2 m/s, no last node: the edge into C nearest the AGV is B→C (2 m/s; D→C is 20 m off),
    // so 20 m at 2 m/s (10 s), then C→D as above (9.4 s). The whole route is released: it never leaves its base.
    const input = pack([{ x: 40, y: 0, speed: 2, route: [C, D] }]);
    const out = routesBuffer();
    new RoutePredictor(lanes, agv, ROUTE_CAP).predict(input, out, 60, 0.5);
    expect(out.nodeS[0]).toBeCloseTo(10, 4);
    expect(out.nodeS[1]).toBeCloseTo(19.4, 4);
    expect(out.etaS[0]).toBeCloseTo(19.4, 9);
    expect(out.baseEndS[0]).toBe(Infinity);
    // t = 12 s (sample 24): 2 s past C from 2 m/s: 2·2 + ½·1·2² = 6 m north.
    expect(out.px[24]).toBeCloseTo(60, 4);
    expect(out.py[24]).toBeCloseTo(6, 4);
  });

  it('stops at the last known node before an unknown one, and at the last kept node of a cut route, with no ETA', () => {
    // A → B alone: 30 m at up to 5 m/s (5 s up, 1 s cruise, 5 s down): 11 s; no base, so baseEndS is 0.
    const input = pack([
      { x: 0, y: 0, lastNode: A, route: [B, UNKNOWN_NODE, D], baseLen: 0 },
      { x: 0, y: 0, lastNode: A, route: [B, C, D], flags: MOVING | FLAG_ROUTE_CUT },
    ]);
    const out = routesBuffer();
    new RoutePredictor(lanes, agv, ROUTE_CAP).predict(input, out, 60, 0.5);
    expect(out.nodeS[0]).toBeCloseTo(11, 4);
    expect([out.nodeS[1], out.nodeS[2], out.etaS[0], out.baseEndS[0]]).toEqual([NaN, NaN, NaN, 0]);
    expect([out.px[40], out.py[40]]).toEqual([30, 0]); // t = 20 s
    expect(out.nodeS[ROUTE_CAP + 2]).toBeCloseTo(33.8, 4);
    expect(out.etaS[1]).toBeNaN();
    const stride = out.samples;
    expect([out.px[stride + 120], out.py[stride + 120]]).toEqual([60, 30]);
  });

  it('leaves an AGV off the map unpredicted and has one with no route, stale, paused or in a fatal error stand', () => {
    const standing = [FLAG_STALE, FLAG_PAUSED, FLAG_FATAL].map((flag) => ({ x: 10, y: 0, heading: 0.3, speed: 2, route: [B], flags: MOVING | flag }));
    const input = pack([{ x: 0, y: 0, flags: 0, route: [B] }, { x: 5, y: 5, heading: 1, flags: FLAG_PLACED }, ...standing]);
    const out = routesBuffer();
    new RoutePredictor(lanes, agv, ROUTE_CAP).predict(input, out, 30, 0.5);
    const stride = out.samples;
    const poses = (i: number) => [0, 30, 60].map((s) => [out.px[i * stride + s], out.py[i * stride + s], out.heading[i * stride + s]]);
    expect(poses(0).flat().every(Number.isNaN)).toBe(true);
    expect([out.nodeS[0], out.etaS[0], out.baseEndS[0]]).toEqual([NaN, NaN, NaN]);
    expect(poses(1)).toEqual([
      [5, 5, expect.closeTo(1, 6)],
      [5, 5, expect.closeTo(1, 6)],
      [5, 5, expect.closeTo(1, 6)],
    ]);
    expect([out.etaS[1], out.baseEndS[1]]).toEqual([NaN, 0]);
    for (const i of [2, 3, 4]) {
      expect(poses(i).map(([x, y]) => [x, y])).toEqual([
        [10, 0],
        [10, 0],
        [10, 0],
      ]);
      expect([out.nodeS[i * ROUTE_CAP], out.etaS[i]]).toEqual([NaN, NaN]);
      expect(out.baseEndS[i]).toBe(Infinity);
    }
  });

  it('writes the round, the horizon and the samples used to meta, and refuses what does not fit', () => {
    const predictor = new RoutePredictor(lanes, agv, ROUTE_CAP);
    const input = pack([{ x: 0, y: 0, lastNode: A, route: [B] }]);
    const out = routesBuffer();
    predictor.predict(input, out, 120, 0.5);
    predictor.predict(input, out, 30, 0.5);
    expect([
      out.meta[META_COUNT],
      out.meta[META_CLOCK_S],
      out.meta[META_ROUND],
      out.meta[META_HORIZON_S],
      out.meta[META_SAMPLE_S],
      out.meta[META_SAMPLES],
    ]).toEqual([1, 3600, 2, 30, 0.5, 61]);
    expect(() => predictor.predict(input, out, 301, 0.5)).toThrow(/needs 603 samples; the routes buffer holds 601/);
    expect(() => predictor.predict(input, out, 30, 0)).toThrow(/sample period must be a positive/);
    expect(() => predictor.predict(trafficInput(16, 4), out, 30, 0.5)).toThrow(/route capacity 3, but the input has 4/);
    input.route[0] = 9;
    expect(() => predictor.predict(input, out, 30, 0.5)).toThrow(/AGV 0 has route node 0 9; the lane network has nodes 0 to 3/);
  });

  it('stops at a hold node, waits there until the hold ends, and accelerates on along the rest', () => {
    // Held at B until 20 s from now (clock 3620): 30 m from rest to rest at up to 5 m/s (5 s up, 1 s cruise, 5 s
    // down): at B by 11 s, standing until 20 s; then B → C from rest at 2 m/s (2 s, 2 m, then 28 m at 2 m/s:
    // 16 s, at C by 36 s) and C → D as before (9.4 s: 45.4 s). Only B was released: the base ends when it leaves B.
    const input = pack([{ x: 0, y: 0, lastNode: A, route: [B, C, D], baseLen: 1, hold: [0, 3620] }]);
    const out = routesBuffer();
    new RoutePredictor(lanes, agv, ROUTE_CAP).predict(input, out, 60, 0.5);
    expect([out.nodeS[0], out.nodeS[1], out.nodeS[2]]).toEqual([expect.closeTo(11, 4), expect.closeTo(36, 4), expect.closeTo(45.4, 4)]);
    expect(out.etaS[0]).toBeCloseTo(45.4, 4);
    expect(out.baseEndS[0]).toBe(20);
    const at = (t: number) => [out.px[t / 0.5], out.py[t / 0.5]];
    expect(at(5)).toEqual([expect.closeTo(12.5, 4), 0]); // braking not yet: 5 s at 1 m/s²
    expect(at(11)).toEqual([30, 0]);
    expect(at(19.5)).toEqual([30, 0]);
    expect(at(21)).toEqual([expect.closeTo(30.5, 4), 0]); // 1 s from rest at 1 m/s²
    expect(at(40)).toEqual([expect.closeTo(60, 4), expect.closeTo(15.5, 4)]); // 4 s past C: 3 s up from 2 m/s (10.5 m), 1 s at 5 m/s
  });

  it('does not stop for a hold that ends before it would pass the node, nor for one on its last node', () => {
    // Unheld it passes B at 9.4 s: a hold until 5 s from now has ended by then; one on D changes nothing.
    const unheld = [9.4, 24.4, 33.8];
    for (const hold of [
      [0, 3605],
      [2, 3700],
    ] as const) {
      const input = pack([{ x: 0, y: 0, lastNode: A, route: [B, C, D], hold }]);
      const out = routesBuffer();
      new RoutePredictor(lanes, agv, ROUTE_CAP).predict(input, out, 60, 0.5);
      expect([out.nodeS[0], out.nodeS[1], out.nodeS[2]]).toEqual(unheld.map((t) => expect.closeTo(t, 4)));
    }
    // A hold until 10 s: it would have passed B at 9.4 s, so it brakes for B (at rest there by 11 s) and goes on at once.
    const late = pack([{ x: 0, y: 0, lastNode: A, route: [B, C, D], hold: [0, 3610] }]);
    const out = routesBuffer();
    new RoutePredictor(lanes, agv, ROUTE_CAP).predict(late, out, 60, 0.5);
    expect([out.nodeS[0], out.nodeS[1], out.etaS[0]]).toEqual([expect.closeTo(11, 4), expect.closeTo(27, 4), expect.closeTo(36.4, 4)]);
  });

  it('keeps an AGV held at the node it stands on until the hold ends, and counts a committed route as released', () => {
    // At rest on B, held there until 10 s: B → C from rest (16 s: 26 s), C → D (9.4 s: 35.4 s).
    const input = pack([
      { x: 30, y: 0, lastNode: A, route: [B, C, D], baseLen: 1, hold: [0, 3610] },
      { x: 0, y: 0, lastNode: A, route: [B, C, D], baseLen: 1, flags: MOVING | FLAG_COMMITTED },
    ]);
    const out = routesBuffer();
    new RoutePredictor(lanes, agv, ROUTE_CAP).predict(input, out, 60, 0.5);
    expect([out.nodeS[0], out.nodeS[1], out.nodeS[2]]).toEqual([0, expect.closeTo(26, 4), expect.closeTo(35.4, 4)]);
    expect([out.px[0], out.px[10], out.px[19], out.px[22]]).toEqual([30, 30, 30, expect.closeTo(30.5, 4)]);
    expect(out.baseEndS[0]).toBe(10);
    expect(out.baseEndS[1]).toBe(Infinity);
    expect(out.nodeS[ROUTE_CAP]).toBeCloseTo(9.4, 4);
  });

  describe('actions of its order and its own path ahead', () => {
    const predict = (agvs: readonly Agv[]) => {
      const out = routesBuffer();
      new RoutePredictor(lanes, agv, ROUTE_CAP).predict(pack(agvs), out, 120, 0.5);
      return out;
    };
    const nodes = (out: ReturnType<typeof routesBuffer>, i: number) => [0, 1, 2].map((k) => out.nodeS[i * ROUTE_CAP + k]);
    const pose = (out: ReturnType<typeof routesBuffer>, i: number, t: number) => [out.px[i * out.samples + t / 0.5], out.py[i * out.samples + t / 0.5]];
    const close = (...t: number[]) => t.map((v) => expect.closeTo(v, 4));

    it('stands for its departure where it is, then sets off from rest whatever speed it reported', () => {
      // 4 s standing, then A → B → C → D from rest as in the first test (9.4, 24.4, 33.8 s): 13.4, 28.4, 37.8 s.
      // Its base ends when it leaves C (28.4 s).
      const out = predict([{ x: 0, y: 0, speed: 3, lastNode: A, route: [B, C, D], baseLen: 2, departS: 4 }]);
      expect(nodes(out, 0)).toEqual(close(13.4, 28.4, 37.8));
      expect(out.etaS[0]).toBeCloseTo(37.8, 9);
      expect(out.baseEndS[0]).toBeCloseTo(28.4, 9);
      expect(pose(out, 0, 3.5)).toEqual([0, 0]);
      expect(pose(out, 0, 6)).toEqual(close(2, 0)); // 2 s from rest at 1 m/s²: 2 m
    });

    it('brakes to rest at a node with a stop, stands there, and sets off from rest', () => {
      // 10 s at C. A → B as before (9.4 s, at 2 m/s); B → C at 2 m/s braking to rest at C (28 m: 14 s, then 2 s
      // and 2 m): at C by 25.4 s, standing until 35.4 s; C → D from rest to rest at up to 5 m/s (5 s up, 1 s
      // cruise, 5 s down): at D by 46.4 s. Its base (B, C) ends when it leaves C.
      const out = predict([{ x: 0, y: 0, lastNode: A, route: [B, C, D], baseLen: 2, stops: [0, 10, 0] }]);
      expect(nodes(out, 0)).toEqual(close(9.4, 25.4, 46.4));
      expect(out.etaS[0]).toBeCloseTo(46.4, 9);
      expect(out.baseEndS[0]).toBeCloseTo(35.4, 9);
      expect(pose(out, 0, 25)).toEqual(close(59.92, 0)); // 1.6 s into braking from 2 m/s at 58 m: 3.2 − 1.28 m
      expect(pose(out, 0, 30)).toEqual([60, 0]);
      expect(pose(out, 0, 35)).toEqual([60, 0]);
      expect(pose(out, 0, 37)).toEqual(close(60, 1.28)); // 1.6 s from rest: ½ · 1.6²
      // A stop at its last node does not move its ETA.
      const last = predict([{ x: 0, y: 0, lastNode: A, route: [B, C, D], stops: [0, 0, 30] }]);
      expect(nodes(last, 0)).toEqual(close(9.4, 24.4, 33.8));
      expect(last.etaS[0]).toBeCloseTo(33.8, 9);
    });

    it('stands at a hold node with a stop until the later of the stop and the hold, and checks a hold after a stop from there', () => {
      // Held at B until 20 s, to rest there by 11 s: a 5 s stop ends at 16 s, the hold later (20 s; then C by 36 s,
      // D by 45.4 s as in the hold test); a 15 s stop ends at 26 s, after the hold (C by 42 s, D by 51.4 s).
      // Third: a 5 s stop at B (11 → 16 s) and a hold at C until 50 s. From rest at B it would pass C at 16 + 16 s
      // (2 s up to 2 m/s, 28 m at 2 m/s), before the hold's end, so it stops there: 2 s up, 26 m at 2 m/s (13 s), 2 s
      // down: at C by 33 s, standing until 50 s; C → D from rest to rest 11 s: 61 s.
      const out = predict([
        { x: 0, y: 0, lastNode: A, route: [B, C, D], baseLen: 1, hold: [0, 3620], stops: [5, 0, 0] },
        { x: 0, y: 0, lastNode: A, route: [B, C, D], baseLen: 1, hold: [0, 3620], stops: [15, 0, 0] },
        { x: 0, y: 0, lastNode: A, route: [B, C, D], baseLen: 2, hold: [1, 3650], stops: [5, 0, 0] },
      ]);
      expect(nodes(out, 0)).toEqual(close(11, 36, 45.4));
      expect(out.baseEndS[0]).toBe(20);
      expect(nodes(out, 1)).toEqual(close(11, 42, 51.4));
      expect(out.baseEndS[1]).toBeCloseTo(26, 9);
      expect(pose(out, 1, 25.5)).toEqual([30, 0]);
      expect(nodes(out, 2)).toEqual(close(11, 33, 61));
      expect(out.baseEndS[2]).toBe(50);
      expect(pose(out, 2, 49.5)).toEqual([60, 0]);
    });

    it('moves through timed lead points at their etas, then on from the speed of the last timed segment', () => {
      // (30,0) on B at 15 s, (40,0) at 20 s: 10 m in 5 s, so it goes on at 2 m/s. The 10 s stop at B lies inside
      // the timed part (its etas include it) and is not added. (40,0) → C is on B → C (2 m/s): 20 m at 2 m/s, C by
      // 30 s (from rest it would be 31 s); C → D from 2 m/s: 39.4 s.
      const out = predict([
        {
          x: 0,
          y: 0,
          lastNode: A,
          route: [B, C, D],
          stops: [10, 0, 0],
          lead: [
            { x: 30, y: 0, s: 15, node: 0 },
            { x: 40, y: 0, s: 20 },
          ],
        },
      ]);
      expect(nodes(out, 0)).toEqual(close(15, 30, 39.4));
      expect(out.etaS[0]).toBeCloseTo(39.4, 9);
      expect(pose(out, 0, 7.5)).toEqual(close(15, 0)); // half the first eta: halfway to B
      expect(pose(out, 0, 17.5)).toEqual(close(35, 0));
      expect(pose(out, 0, 25)).toEqual(close(50, 0)); // 5 s past (40,0) at 2 m/s
    });

    it('drives an untimed lead path longer than the straight way, and stops at a route node on it', () => {
      // From A to B by (15,10): 2·√325 = 36.0555 m instead of 30. Limited by A → B (5 m/s; the points lie
      // between the last node passed and B): 5 s up (12.5 m), 3 s braking to 2 m/s for B → C (10.5 m), 13.0555 m at
      // 5 m/s (2.6111 s): B by 10.6111 s, 1.2111 s after the straight route's 9.4 s; C and D 1.2111 s later too.
      // Second, with a 4 s stop at B: to rest there (5 s up, 5 s down, 11.0555 m at 5 m/s: 12.2111 s), standing
      // until 16.2111 s, B → C from rest (16 s) and C → D (9.4 s).
      const lead = [
        { x: 15, y: 10 },
        { x: 30, y: 0, node: 0 },
      ];
      const out = predict([
        { x: 0, y: 0, lastNode: A, route: [B, C, D], lead },
        { x: 0, y: 0, lastNode: A, route: [B, C, D], lead, stops: [4, 0, 0] },
      ]);
      const late = (2 * Math.sqrt(325) - 30) / 5; // the 6.0555 m more, all at 5 m/s
      expect(late).toBeCloseTo(1.2111, 4);
      expect(nodes(out, 0)).toEqual(close(9.4 + late, 24.4 + late, 33.8 + late));
      expect(out.etaS[0]).toBeCloseTo(33.8 + late, 9);
      // 2 s from rest: 2 m towards (15,10).
      expect(pose(out, 0, 2)).toEqual(close((2 * 15) / Math.sqrt(325), (2 * 10) / Math.sqrt(325)));
      expect(out.heading[4]).toBeCloseTo(Math.atan2(10, 15), 6);
      const b = 10 + (2 * Math.sqrt(325) - 25) / 5;
      expect(nodes(out, 1)).toEqual(close(b, b + 4 + 16, b + 4 + 16 + 9.4));
      expect(pose(out, 1, 14)).toEqual([30, 0]);
    });

    it('stops and holds at its last timed point, which no later eta accounts for', () => {
      // B at its eta, 15 s. A 5 s stop there: it stands until 20 s and sets off from rest (B → C 16 s, C → D 9.4 s);
      // a hold at B until 25 s, reached before it: it stands until then. Without either it would go on at 2 m/s.
      const timed = { x: 0, y: 0, lastNode: A, route: [B, C, D], lead: [{ x: 30, y: 0, s: 15, node: 0 }] };
      const out = predict([
        { ...timed, stops: [5, 0, 0] },
        { ...timed, hold: [0, 3625] },
      ]);
      expect(nodes(out, 0)).toEqual(close(15, 36, 45.4));
      expect(pose(out, 0, 19.5)).toEqual([30, 0]);
      expect(nodes(out, 1)).toEqual(close(15, 41, 50.4));
    });

    it('times a route node the lead path passes without a point on it by the lead point nearest it', () => {
      // Points (30,0) and C at (60,0): B is covered (C is named) and lies on (30,0). The segments lie between no
      // two consecutive route nodes, so 5 m/s (max speed) throughout: 90 m from rest to rest at D, 5 s up, 13 s at
      // 5 m/s, 5 s down: (30,0) at 5 + 17.5 / 5 = 8.5 s, C at 14.5 s, D at 23 s.
      const out = predict([
        {
          x: 0,
          y: 0,
          lastNode: A,
          route: [B, C, D],
          lead: [
            { x: 30, y: 0 },
            { x: 60, y: 0, node: 1 },
          ],
        },
      ]);
      expect(nodes(out, 0)).toEqual(close(8.5, 14.5, 23));
    });

    it('does not believe etas that go back in time or are negative, and drives those points untimed', () => {
      // Untimed, (10,0) and (30,0) on B lie on the straight way: 9.4, 24.4, 33.8 s from rest, as without a lead.
      const route = { x: 0, y: 0, lastNode: A, route: [B, C, D] };
      const out = predict([
        {
          ...route,
          lead: [
            { x: 10, y: 0, s: 5 },
            { x: 30, y: 0, s: 3, node: 0 },
          ],
        },
        {
          ...route,
          lead: [
            { x: 10, y: 0, s: -1 },
            { x: 30, y: 0, s: 10, node: 0 },
          ],
        },
      ]);
      for (const i of [0, 1]) {
        expect(nodes(out, i)).toEqual(close(9.4, 24.4, 33.8));
        expect(pose(out, i, 2.5)).toEqual(close(3.125, 0)); // from rest: ½ · 2.5², not halfway to (10,0)
      }
    });

    it('refuses a lead point on a route index out of order or past the route', () => {
      const predictor = new RoutePredictor(lanes, agv, ROUTE_CAP);
      const out = routesBuffer();
      const input = pack([
        {
          x: 0,
          y: 0,
          route: [B, C],
          lead: [
            { x: 60, y: 0, node: 1 },
            { x: 30, y: 0, node: 0 },
          ],
        },
      ]);
      expect(() => predictor.predict(input, out, 30, 0.5)).toThrow(/AGV 0 has lead point 1 on route index 0; it must follow 1/);
      input.leadNode[1] = 2;
      expect(() => predictor.predict(input, out, 30, 0.5)).toThrow(/below the route length 2/);
    });
  });
});
