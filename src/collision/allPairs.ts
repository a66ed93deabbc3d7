/**
 * The baseline: every pair judged, O(n²). Kept to check the spatial hash against (tests) and to measure it
 * by (bench).
 */
import { prepareBoxes, type BoxSet } from './boxSet';
import { classifyPair, lastTtc, NONE, PREDICTED, type CollisionParams } from './classifyPair';
import { pushEvent, type CollisionEvents } from './collisionEvents';

export function checkAllPairs(boxes: BoxSet, params: CollisionParams, out: CollisionEvents): CollisionEvents {
  out.count = 0;
  out.dropped = 0;
  prepareBoxes(boxes);
  for (let i = 0; i < boxes.count; i++) {
    for (let j = i + 1; j < boxes.count; j++) {
      const kind = classifyPair(boxes, i, j, params);
      if (kind !== NONE) pushEvent(out, i, j, kind, kind === PREDICTED ? lastTtc[0]! : 0);
    }
  }
  return out;
}
