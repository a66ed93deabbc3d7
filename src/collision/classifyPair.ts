/**
 * What one pair of footprints amounts to this tick: a contact (they overlap now), a near miss (closer than the
 * clearance now), a predicted contact (moving along their velocities, they overlap within the horizon), or
 * nothing. Shared by the spatial-hash checker and the all-pairs baseline so both judge alike. The boxes must
 * have been prepared (`prepareBoxes`) this tick.
 */
import type { BoxSet } from './boxSet';
import { obbOverlap, swept, sweptContact } from './obb';

export const NONE = 0;
export const CONTACT = 1;
export const NEAR_MISS = 2;
export const PREDICTED = 3;

export interface CollisionParams {
  /** Look-ahead for predicted contacts (s). */
  readonly horizonS: number;
  /** Footprints closer than this are a near miss (m). */
  readonly nearMissClearanceM: number;
}

/** Time to collision of the last pair {@link classifyPair} found PREDICTED (s): [0]. */
export const lastTtc = new Float64Array(1);

export function classifyPair(b: BoxSet, i: number, j: number, p: CollisionParams): number {
  const dx = b.x[j]! - b.x[i]!;
  const dy = b.y[j]! - b.y[i]!;
  const vx = b.vx[j]! - b.vx[i]!;
  const vy = b.vy[j]! - b.vy[i]!;
  // Farther apart than the near-miss reach plus what the pair can close within the horizon: nothing to judge.
  const reach = b.radius[i]! + b.radius[j]! + p.nearMissClearanceM + Math.sqrt(vx * vx + vy * vy) * p.horizonS;
  if (dx * dx + dy * dy > reach * reach) return NONE;
  if (obbOverlap(b, i, j, p.nearMissClearanceM / 2)) return obbOverlap(b, i, j, 0) ? CONTACT : NEAR_MISS;
  if (sweptContact(b, i, j, p.horizonS)) {
    lastTtc[0] = swept[0]!;
    return PREDICTED;
  }
  return NONE;
}
