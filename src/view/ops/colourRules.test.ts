import { Color } from 'three';
import { describe, expect, it } from 'vitest';
import { opsDefaults } from '../../store/ops/opsStore';
import {
  batteryLevel,
  delayLevel,
  LEVEL_ACT,
  LEVEL_GOOD,
  LEVEL_HEX,
  LEVEL_UNKNOWN,
  LEVEL_WATCH,
  STATE_HEX,
  STATE_UNKNOWN,
  stateCode,
  writeRuleColours,
} from './colourRules';
import { MotionTracker } from './motionTracker';

const t = { batteryLowPercent: 20, batteryMediumPercent: 50, delayWarnS: 60, delayAlarmS: 180 };
const rgb = (hex: string) => new Color(hex).toArray().map((x) => Math.round(x * 1000) / 1000);
const at = (out: Float32Array, i: number) => Array.from(out.subarray(i * 3, i * 3 + 3), (x) => Math.round(x * 1000) / 1000);

describe('colour rules', () => {
  it('maps battery to act at or below low, watch at or below medium, good above, unknown when not reported', () => {
    expect([20, 21, 50, 50.1, 100].map((p) => batteryLevel(p, t))).toEqual([LEVEL_ACT, LEVEL_WATCH, LEVEL_WATCH, LEVEL_GOOD, LEVEL_GOOD]);
    expect(batteryLevel(Number.NaN, t)).toBe(LEVEL_UNKNOWN);
  });

  it('maps standing time to watch from the warning threshold and act from the alarm', () => {
    expect([0, 59.9, 60, 179, 180].map((s) => delayLevel(s, t))).toEqual([LEVEL_GOOD, LEVEL_GOOD, LEVEL_WATCH, LEVEL_WATCH, LEVEL_ACT]);
  });

  it('writes each slot its colour for the rule, white for none, grey where the value is unknown', () => {
    const values = {
      battery: new Float32Array([10, 90, Number.NaN]),
      state: new Uint8Array([stateCode('paused'), stateCode('driving'), STATE_UNKNOWN]),
      standingS: new Float32Array([500, 0, 70]),
    };
    const out = new Float32Array(9);
    writeRuleColours('battery', values, 3, t, out);
    expect([at(out, 0), at(out, 1), at(out, 2)]).toEqual([rgb(LEVEL_HEX[LEVEL_ACT]!), rgb(LEVEL_HEX[LEVEL_GOOD]!), rgb(LEVEL_HEX[LEVEL_UNKNOWN]!)]);
    writeRuleColours('state', values, 3, t, out);
    expect([at(out, 0), at(out, 1), at(out, 2)]).toEqual([rgb(STATE_HEX.paused), rgb(STATE_HEX.driving), rgb(LEVEL_HEX[LEVEL_UNKNOWN]!)]);
    writeRuleColours('delay', values, 3, t, out);
    expect([at(out, 0), at(out, 1), at(out, 2)]).toEqual([rgb(LEVEL_HEX[LEVEL_ACT]!), rgb(LEVEL_HEX[LEVEL_GOOD]!), rgb(LEVEL_HEX[LEVEL_WATCH]!)]);
    writeRuleColours('none', values, 3, t, out);
    expect(Array.from(out)).toEqual(new Array(9).fill(1));
  });

  it('uses the thresholds of the data file by default', () => {
    expect(opsDefaults().thresholds).toEqual(t);
  });
});

describe('standing time', () => {
  it('adds the time between samples while an AGV stays put and starts from 0 when it drives', () => {
    const m = new MotionTracker(2, 0.2);
    const x = new Float32Array([0, 0]);
    const y = new Float32Array([0, 0]);
    m.sample(x, y, 2, 10);
    x[1] = 5;
    m.sample(x, y, 2, 11);
    m.sample(x, y, 2, 12);
    expect(Array.from(m.standingS)).toEqual([2, 1]);
    x[0] = 0.05;
    m.sample(x, y, 2, 13);
    expect(m.standingS[0]).toBe(3);
    x[0] = 10;
    m.sample(x, y, 2, 14);
    expect(Array.from(m.standingS)).toEqual([0, 3]);
    m.sample(x, y, 2, 5);
    expect(Array.from(m.standingS)).toEqual([0, 0]);
  });
});
