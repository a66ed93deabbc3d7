/**
 * Data rules that colour AGVs by a value: battery (low red, medium yellow, else green), state (one colour each),
 * delay (standing time: yellow from the warning threshold, red from the alarm). Values come per frame slot; colours
 * are linear RGB for an InstancedMesh's instance colour (which multiplies the model's own), white for "no rule".
 * Palettes from data/operations-view.json.
 */
import { Color } from 'three';
import view from '../../../data/operations-view.json' with { type: 'json' };
import type { ColourRule, RuleThresholds } from '../../store/ops/opsStore';
import { OPERATING_STATES, type OperatingState } from '../../telemetry/vehicleRow';

export const LEVEL_GOOD = 0;
export const LEVEL_WATCH = 1;
export const LEVEL_ACT = 2;
export const LEVEL_UNKNOWN = 3;
/** State code of a slot no row describes. */
export const STATE_UNKNOWN = 255;

/** Battery (%) to a level; NaN (not reported) is unknown. */
export function batteryLevel(percent: number, t: RuleThresholds): number {
  if (Number.isNaN(percent)) return LEVEL_UNKNOWN;
  return percent <= t.batteryLowPercent ? LEVEL_ACT : percent <= t.batteryMediumPercent ? LEVEL_WATCH : LEVEL_GOOD;
}

/** Standing time (s) to a level. */
export function delayLevel(standingS: number, t: RuleThresholds): number {
  if (Number.isNaN(standingS)) return LEVEL_UNKNOWN;
  return standingS >= t.delayAlarmS ? LEVEL_ACT : standingS >= t.delayWarnS ? LEVEL_WATCH : LEVEL_GOOD;
}

export function stateCode(state: OperatingState): number {
  return OPERATING_STATES.indexOf(state);
}

/** The rule's colours as CSS hex, for the legend: levels (good, watch, act, unknown) and one per state. */
export const LEVEL_HEX: readonly string[] = view.colourRule.levelColours.value;
export const STATE_HEX: Readonly<Record<OperatingState, string>> = view.colourRule.stateColours.value;

function linear(hexes: readonly string[]): Float32Array {
  const out = new Float32Array(hexes.length * 3);
  const c = new Color();
  hexes.forEach((h, k) => c.set(h).toArray(out, k * 3));
  return out;
}

const LEVEL_RGB = linear(LEVEL_HEX);
const STATE_RGB = linear(OPERATING_STATES.map((s) => STATE_HEX[s]));

/** Per-slot values the rules read: battery % (NaN unknown), state code ({@link stateCode}, or STATE_UNKNOWN), standing s. */
export interface RuleValues {
  readonly battery: Float32Array;
  readonly state: Uint8Array;
  readonly standingS: Float32Array;
}

/** Writes `count` RGB triples into `out` for `rule`; "none" writes white (the model's own colours). */
export function writeRuleColours(rule: ColourRule, v: RuleValues, count: number, t: RuleThresholds, out: Float32Array): void {
  for (let i = 0; i < count; i++) {
    const o = i * 3;
    let table = LEVEL_RGB;
    let k: number;
    if (rule === 'none') {
      out[o] = 1;
      out[o + 1] = 1;
      out[o + 2] = 1;
      continue;
    } else if (rule === 'battery') k = batteryLevel(v.battery[i]!, t);
    else if (rule === 'delay') k = delayLevel(v.standingS[i]!, t);
    else {
      const s = v.state[i]!;
      if (s === STATE_UNKNOWN) k = LEVEL_UNKNOWN;
      else {
        table = STATE_RGB;
        k = s;
      }
    }
    out[o] = table[k * 3]!;
    out[o + 1] = table[k * 3 + 1]!;
    out[o + 2] = table[k * 3 + 2]!;
  }
}
