import { describe, expect, it } from 'vitest';
import data from '../../data/craneCycle.json' with { type: 'json' };
import { CRANE_AGV_TO_STACK, CRANE_IDLE, CRANE_STACK_TO_AGV, CRANE_STACK_TO_TRUCK, CRANE_TRUCK_TO_STACK } from './craneCycles';
import {
  CRANE_LIFT_SHARE,
  CRANE_PHASE_ENDS,
  CRANE_PHASES,
  CRANE_SET_SHARE,
  craneCyclePath,
  craneCyclePose,
  cranePath,
  cranePose,
  craneTravelHeightM,
  type CraneSite,
} from './craneCyclePose';

// A crane like the generated layouts' (80 m runway, 36 m span), its footprint turned 30° and centred at (100, 50).
const ROT = Math.PI / 6;
const SITE: CraneSite = {
  x: 100,
  y: 50,
  cos: Math.cos(ROT),
  sin: Math.sin(ROT),
  reachU: 26,
  reachV: 13,
  travelM: craneTravelHeightM(2.59, 18),
  agvDeckM: 1.6,
  truckDeckM: 1.4,
  containerM: 2.59,
};
/** The world point at crane frame (u, v). */
const world = (u: number, v: number): [number, number] => [SITE.x + u * SITE.cos - v * SITE.sin, SITE.y + u * SITE.sin + v * SITE.cos];

describe('crane cycle phases (data/craneCycle.json)', () => {
  it('lists every phase the pose knows, each an assumption with a share, summing to the whole cycle', () => {
    expect(Object.keys(data.phases)).toEqual([...CRANE_PHASES]);
    for (const p of Object.values(data.phases)) {
      expect(p.value).toBeGreaterThan(0);
      expect(p.source).toMatch(/^assumption: /);
    }
    expect(CRANE_PHASE_ENDS[CRANE_PHASE_ENDS.length - 1]).toBeCloseTo(1, 12);
    expect(CRANE_LIFT_SHARE).toBeLessThan(CRANE_SET_SHARE);
  });

  it('travels above the stack with a container hanging', () => {
    expect(SITE.travelM).toBeCloseTo((data.stackTiers.value + 1) * 2.59 + data.travelClearanceM.value, 9);
    expect(craneTravelHeightM(2.59, 10)).toBe(10);
  });
});

describe('craneCyclePath', () => {
  it('picks from where the AGV stands and drops in a stack slot within reach, the same slot for the same cycle', () => {
    const [x, y] = world(-20, 4);
    const path = craneCyclePath(CRANE_AGV_TO_STACK, x, y, 7, 3, SITE, cranePath());
    expect(path.pick.u).toBeCloseTo(-20, 9);
    expect(path.pick.v).toBeCloseTo(4, 9);
    expect(path.pick.h).toBeCloseTo(1.6 + 2.59, 9);
    expect(Math.abs(path.drop.u)).toBeLessThanOrEqual(data.stackZoneShare.value * SITE.reachU + 1e-9);
    expect(Math.abs(path.drop.v)).toBeLessThanOrEqual(SITE.reachV);
    const tiers = Math.round(path.drop.h / 2.59);
    expect(tiers).toBeGreaterThanOrEqual(1);
    expect(tiers).toBeLessThanOrEqual(data.stackTiers.value);
    expect(path.rest).toEqual({ u: 0, v: 0, h: SITE.travelM });
    const again = craneCyclePath(CRANE_AGV_TO_STACK, x, y, 7, 3, SITE, cranePath());
    expect(again).toEqual(path);
    // Other cycles use other slots.
    const slots = new Set(Array.from({ length: 40 }, (_, c) => JSON.stringify(craneCyclePath(CRANE_AGV_TO_STACK, x, y, c, 3, SITE, cranePath()).drop)));
    expect(slots.size).toBeGreaterThan(20);
    expect(new Set(Array.from({ length: 40 }, (_, c) => craneCyclePath(CRANE_AGV_TO_STACK, x, y, c, 3, SITE, cranePath()).drop.v))).toEqual(
      new Set([-SITE.reachV, SITE.reachV]),
    );
  });

  it('turns the move round for a container from the stack, and keeps a far vehicle within reach', () => {
    const [x, y] = world(48, -30);
    const path = craneCyclePath(CRANE_STACK_TO_TRUCK, x, y, 2, 0, SITE, cranePath());
    expect(path.drop).toEqual({ u: SITE.reachU, v: -SITE.reachV, h: 1.4 + 2.59 });
    const agv = craneCyclePath(CRANE_STACK_TO_AGV, ...world(-10, 0), 2, 0, SITE, cranePath());
    expect(agv.pick).toEqual(path.pick);
    expect(agv.drop.u).toBeCloseTo(-10, 9);
  });

  it('puts an unknown vehicle at its end of the runway, and an idle crane at rest', () => {
    expect(craneCyclePath(CRANE_AGV_TO_STACK, NaN, NaN, 1, 0, SITE, cranePath()).pick.u).toBe(-SITE.reachU);
    expect(craneCyclePath(CRANE_TRUCK_TO_STACK, NaN, NaN, 1, 0, SITE, cranePath()).pick.u).toBe(SITE.reachU);
    const idle = craneCyclePath(CRANE_IDLE, 0, 0, 0, 0, SITE, cranePath());
    expect(idle.pick).toEqual(idle.rest);
    expect(idle.drop).toEqual(idle.rest);
    expect(() => craneCyclePath(9, 0, 0, 0, 0, SITE, cranePath())).toThrow(RangeError);
  });
});

describe('craneCyclePose', () => {
  const path = craneCyclePath(CRANE_AGV_TO_STACK, ...world(-22, 5), 11, 1, SITE, cranePath());
  const START = 3600;
  const D = 45;
  const at = (s: number) => ({ ...craneCyclePose(START, D, START + s * D, path, cranePose()) });
  const rest = { gantryM: 0, trolleyM: 0, hoistM: SITE.travelM, loaded: false, phase: -1 };

  it('is at rest before, at the end of and after the cycle, and with no duration', () => {
    expect(at(-0.1)).toEqual(rest);
    expect(at(1)).toEqual(rest);
    expect(at(3)).toEqual(rest);
    expect({ ...craneCyclePose(START, 0, START, path, cranePose()) }).toEqual(rest);
    const first = at(0);
    expect(first).toMatchObject({ gantryM: 0, trolleyM: 0, hoistM: SITE.travelM, loaded: false, phase: 0 });
    const last = at(1 - 1e-9);
    expect(last.gantryM).toBeCloseTo(0, 6);
    expect(last.trolleyM).toBeCloseTo(0, 6);
    expect(last.hoistM).toBeCloseTo(SITE.travelM, 6);
  });

  it('reaches each phase’s place at its end: above the AGV, down to it, up, above the slot, down, up', () => {
    const end = (p: number) => at(CRANE_PHASE_ENDS[p]! - 1e-9);
    expect(end(0).gantryM).toBeCloseTo(path.pick.u, 5);
    expect(end(0).trolleyM).toBeCloseTo(path.pick.v, 5);
    expect(end(1).hoistM).toBeCloseTo(path.pick.h, 5);
    expect(end(3).hoistM).toBeCloseTo(SITE.travelM, 5);
    expect(end(4).gantryM).toBeCloseTo(path.drop.u, 5);
    expect(end(4).trolleyM).toBeCloseTo(path.drop.v, 5);
    expect(end(5).hoistM).toBeCloseTo(path.drop.h, 5);
    expect(end(7).hoistM).toBeCloseTo(SITE.travelM, 5);
  });

  it('carries the container from the end of the grip to the end of the release, the instants the simulation hands it over', () => {
    for (let i = 0; i < 1000; i++) {
      const s = i / 1000;
      expect(craneCyclePose(0, 1, s, path, cranePose()).loaded, `at ${s}`).toBe(s >= CRANE_LIFT_SHARE && s < CRANE_SET_SHARE);
    }
  });

  it('moves each part monotonically within a phase', () => {
    const begin = (p: number) => (p === 0 ? 0 : CRANE_PHASE_ENDS[p - 1]!);
    for (let p = 0; p < CRANE_PHASES.length; p++) {
      const a = begin(p);
      const b = CRANE_PHASE_ENDS[p]!;
      const samples = Array.from({ length: 50 }, (_, i) => at(a + ((b - a) * (i + 0.5)) / 50));
      for (const part of ['gantryM', 'trolleyM', 'hoistM'] as const) {
        const d = samples.slice(1).map((x, i) => x[part] - samples[i]![part]);
        const up = d.every((x) => x >= -1e-12);
        const down = d.every((x) => x <= 1e-12);
        expect(up || down, `${CRANE_PHASES[p]} ${part}`).toBe(true);
      }
      expect(new Set(samples.map((x) => x.phase))).toEqual(new Set([p]));
    }
  });

  it('depends only on how far into its cycle it is: N× the speed is the same pose N× sooner', () => {
    const one = craneCyclePose(0, D, 20, path, cranePose());
    const later = craneCyclePose(86_400 * 3, D, 86_400 * 3 + 20, path, cranePose());
    expect(later.gantryM).toBeCloseTo(one.gantryM, 6);
    expect(later.hoistM).toBeCloseTo(one.hoistM, 6);
    // The same move over a 90 s cycle is where the 45 s one was at half the elapsed time.
    expect(craneCyclePose(0, 90, 40, path, cranePose())).toEqual(craneCyclePose(0, 45, 20, path, cranePose()));
  });
});
