/**
 * Where a crane's moving parts are at an instant of its cycle: the gantry along its runway, the trolley across the
 * span, the spreader's height, and whether a container hangs from it. Pure: the 3D view calls it every frame with
 * the simulation's clock, so a crane moves exactly as fast as simulated time passes (it stops when the simulation
 * pauses, runs N times faster at N×); the simulation calls {@link CRANE_LIFT_SHARE} and {@link CRANE_SET_SHARE}
 * to hand the container between vehicle and crane at the same instants.
 *
 * A cycle runs the phases of data/craneCycle.json in order, each a share of the cycle's duration (assumptions:
 * the simulation times the whole cycle only): travel to above the pick point, lower, grip, hoist, travel to above
 * the drop point, lower, release, hoist, back to rest. Within a phase each motion eases in and out (smoothstep),
 * so it is monotone. Before the cycle, after it, and for a crane with no move, the crane is at rest.
 *
 * Crane frame: u metres along the gantry's travel (the footprint's size[0]) and v across its span (size[1]) from
 * the footprint's centre; heights in metres above the ground, of the spreader's underside (a hanging container's
 * top).
 *
 * @example
 *   const path = craneCyclePath(CRANE_AGV_TO_STACK, agvX, agvY, 12, 0, site, cranePath());
 *   const pose = craneCyclePose(startS, 45, nowS, path, cranePose());
 *   pose.gantryM; // metres along the runway, from rest (0) to the AGV, then to the stack slot and back
 */
import data from '../../data/craneCycle.json' with { type: 'json' };
import { CRANE_AGV_TO_STACK, CRANE_IDLE, CRANE_STACK_TO_AGV, CRANE_STACK_TO_TRUCK, CRANE_TRUCK_TO_STACK } from './craneCycles';

/** The phases of a cycle, in order (data/craneCycle.json holds each one's share). */
export const CRANE_PHASES = [
  'travel-to-pick',
  'lower-to-pick',
  'grip',
  'hoist-loaded',
  'travel-to-drop',
  'lower-to-drop',
  'release',
  'hoist-empty',
  'return-to-rest',
] as const;
export type CranePhase = (typeof CRANE_PHASES)[number];

const P_TRAVEL_PICK = 0;
const P_LOWER_PICK = 1;
const P_GRIP = 2;
const P_HOIST_LOADED = 3;
const P_TRAVEL_DROP = 4;
const P_LOWER_DROP = 5;
const P_RELEASE = 6;
const P_HOIST_EMPTY = 7;

/** Each phase's share of the cycle, in {@link CRANE_PHASES} order. */
export const CRANE_PHASE_SHARES: readonly number[] = CRANE_PHASES.map((id) => data.phases[id].value);

/** Where each phase ends, as a share of the cycle (the last is 1). */
const ENDS = new Float64Array(CRANE_PHASES.length);
{
  let sum = 0;
  CRANE_PHASE_SHARES.forEach((s, k) => (ENDS[k] = sum += s));
}
export const CRANE_PHASE_ENDS: readonly number[] = Array.from(ENDS);

/** The share of the cycle at which the container leaves where it stood: the grip is done, the hoist begins. */
export const CRANE_LIFT_SHARE = ENDS[P_GRIP]!;
/** The share of the cycle at which the container is where it goes: the release is done. */
export const CRANE_SET_SHARE = ENDS[P_RELEASE]!;

const STACK_TIERS = data.stackTiers.value;
const STACK_ROWS = data.stackRows.value;
const STACK_ZONE = data.stackZoneShare.value;
const CLEARANCE_M = data.travelClearanceM.value;

export interface CranePoint {
  u: number;
  v: number;
  /** Height of the spreader's underside there (m). */
  h: number;
}

/** The three places of one cycle: rest (where it starts and ends), above which it picks, where it drops. */
export interface CranePath {
  readonly rest: CranePoint;
  readonly pick: CranePoint;
  readonly drop: CranePoint;
}

export interface CranePose {
  /** Gantry position along the runway (m, crane frame u). */
  gantryM: number;
  /** Trolley position across the span (m, crane frame v). */
  trolleyM: number;
  /** Height of the spreader's underside (m). */
  hoistM: number;
  /** A container hangs from the spreader. */
  loaded: boolean;
  /** Index into {@link CRANE_PHASES}; -1 at rest. */
  phase: number;
}

/**
 * One crane's fixed geometry, worked out once per scene: its footprint's centre and rotation, how far the gantry
 * and the trolley may go from the centre, the heights it works at.
 */
export interface CraneSite {
  /** Footprint centre, east and north (m), and the cosine and sine of its rotation. */
  readonly x: number;
  readonly y: number;
  readonly cos: number;
  readonly sin: number;
  /** Farthest the gantry's centre goes from the footprint's centre along the runway, the trolley across (m). */
  readonly reachU: number;
  readonly reachV: number;
  /** Spreader height while the gantry or trolley travels (m): see {@link craneTravelHeightM}. */
  readonly travelM: number;
  /** Heights a container stands at on an AGV and on a truck (m). */
  readonly agvDeckM: number;
  readonly truckDeckM: number;
  readonly containerM: number;
}

export function cranePoint(): CranePoint {
  return { u: 0, v: 0, h: 0 };
}

export function cranePath(): CranePath {
  return { rest: cranePoint(), pick: cranePoint(), drop: cranePoint() };
}

export function cranePose(): CranePose {
  return { gantryM: 0, trolleyM: 0, hoistM: 0, loaded: false, phase: -1 };
}

/**
 * The spreader's travel height: a hanging container clears the highest stack (data/craneCycle.json: tiers and
 * clearance), but never above `maxM` (what the crane's trolley leaves room for).
 *
 * @example craneTravelHeightM(2.59, 20) // 5 × 2.59 + 1 = 13.95
 */
export function craneTravelHeightM(containerM: number, maxM: number): number {
  return Math.min(maxM, (STACK_TIERS + 1) * containerM + CLEARANCE_M);
}

/** A well-mixed 32-bit hash of two integers (the cycle's number and the crane's index), for the stack slot. */
function hash(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x27d4eb2f, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

function set(p: CranePoint, u: number, v: number, h: number): void {
  p.u = u;
  p.v = v;
  p.h = h;
}

function clamp(x: number, r: number): number {
  return x < -r ? -r : x > r ? r : x;
}

/**
 * The rest, pick and drop points of one move, into `out`. The vehicle's end is where the AGV or truck stands
 * (`handoverX`, `handoverY`, east and north), brought into the crane frame and kept within the crane's reach; NaN
 * (not known) puts it at the runway's end, the AGV's at −u, the truck's at +u. The stack slot is not simulated: it
 * is drawn from the cycle's number and the crane's index, in the middle {@link STACK_ZONE} of the runway, in one of
 * {@link STACK_ROWS} rows spread across the trolley's reach and {@link STACK_TIERS} tiers, so the same cycle
 * always uses the same slot.
 */
export function craneCyclePath(
  move: number,
  handoverX: number,
  handoverY: number,
  cycle: number,
  crane: number,
  site: CraneSite,
  out: CranePath,
): CranePath {
  const { rest, pick, drop } = out;
  rest.u = 0;
  rest.v = 0;
  rest.h = site.travelM;
  if (move === CRANE_IDLE) {
    set(pick, 0, 0, site.travelM);
    set(drop, 0, 0, site.travelM);
    return out;
  }
  const toAgv = move === CRANE_STACK_TO_AGV || move === CRANE_AGV_TO_STACK;
  if (!toAgv && move !== CRANE_TRUCK_TO_STACK && move !== CRANE_STACK_TO_TRUCK) throw new RangeError(`no crane move ${move}`);
  // The vehicle's end.
  let vu: number;
  let vv: number;
  if (Number.isFinite(handoverX) && Number.isFinite(handoverY)) {
    const dx = handoverX - site.x;
    const dy = handoverY - site.y;
    vu = clamp(dx * site.cos + dy * site.sin, site.reachU);
    vv = clamp(-dx * site.sin + dy * site.cos, site.reachV);
  } else {
    vu = toAgv ? -site.reachU : site.reachU;
    vv = 0;
  }
  const vh = (toAgv ? site.agvDeckM : site.truckDeckM) + site.containerM;
  // The stack's end.
  const r = hash(cycle | 0, crane | 0);
  const su = ((r & 0xffff) / 0xffff - 0.5) * STACK_ZONE * 2 * site.reachU;
  const row = (r >>> 16) % STACK_ROWS;
  const sv = STACK_ROWS > 1 ? -site.reachV + (row * 2 * site.reachV) / (STACK_ROWS - 1) : 0;
  const tier = (r >>> 24) % STACK_TIERS;
  const sh = (tier + 1) * site.containerM;
  const fromVehicle = move === CRANE_TRUCK_TO_STACK || move === CRANE_AGV_TO_STACK;
  set(fromVehicle ? pick : drop, vu, vv, vh);
  set(fromVehicle ? drop : pick, su, sv, sh);
  return out;
}

/** Smoothstep: 0 → 0, 1 → 1, monotone, at rest at both ends. */
function ease(x: number): number {
  return x * x * (3 - 2 * x);
}

function place(out: CranePose, from: CranePoint, to: CranePoint, k: number, h: number): void {
  out.gantryM = from.u + (to.u - from.u) * k;
  out.trolleyM = from.v + (to.v - from.v) * k;
  out.hoistM = h;
}

/**
 * The pose at `nowS` of a cycle that began at `startS` and lasts `durationS` (simulated seconds), along `path`,
 * into `out`; allocates nothing. Outside the cycle (or with a duration of 0) the crane is at rest.
 *
 * @example craneCyclePose(100, 45, 100 + 45 * 0.5, path, pose).phase // 4: travelling to the drop point, loaded
 */
export function craneCyclePose(startS: number, durationS: number, nowS: number, path: CranePath, out: CranePose): CranePose {
  const { rest, pick, drop } = path;
  const s = durationS > 0 ? (nowS - startS) / durationS : -1;
  if (!(s >= 0 && s < 1)) {
    place(out, rest, rest, 0, rest.h);
    out.loaded = false;
    out.phase = -1;
    return out;
  }
  let p = 0;
  while (p < ENDS.length - 1 && s >= ENDS[p]!) p++;
  const begin = p === 0 ? 0 : ENDS[p - 1]!;
  const span = ENDS[p]! - begin;
  const k = span > 0 ? ease(Math.min(1, (s - begin) / span)) : 1;
  out.phase = p;
  out.loaded = p >= P_HOIST_LOADED && p <= P_RELEASE;
  switch (p) {
    case P_TRAVEL_PICK:
      place(out, rest, pick, k, rest.h);
      break;
    case P_LOWER_PICK:
      place(out, pick, pick, 0, rest.h + (pick.h - rest.h) * k);
      break;
    case P_GRIP:
      place(out, pick, pick, 0, pick.h);
      break;
    case P_HOIST_LOADED:
      place(out, pick, pick, 0, pick.h + (rest.h - pick.h) * k);
      break;
    case P_TRAVEL_DROP:
      place(out, pick, drop, k, rest.h);
      break;
    case P_LOWER_DROP:
      place(out, drop, drop, 0, rest.h + (drop.h - rest.h) * k);
      break;
    case P_RELEASE:
      place(out, drop, drop, 0, drop.h);
      break;
    case P_HOIST_EMPTY:
      place(out, drop, drop, 0, drop.h + (rest.h - drop.h) * k);
      break;
    default:
      place(out, drop, rest, k, rest.h);
  }
  return out;
}
