/**
 * The baseline: every pair judged, O(n²). Kept to check the sorted-row checker against (tests) and to measure
 * it by (bench). Its records lie in the caller's order, the checker's in sorted order; both hold the same
 * numbers, so {@link classifyPair} computes the same events bit for bit.
 */
import { RECORD, writeRecord, type BoxSet } from './boxSet';
import { classifyPair, lastTtc, NONE, PREDICTED, type CollisionParams } from './classifyPair';
import { pushEvent, type CollisionEvents } from './collisionEvents';

export function checkAllPairs(boxes: BoxSet, params: CollisionParams, out: CollisionEvents): CollisionEvents {
  out.count = 0;
  out.dropped = 0;
  const n = boxes.count;
  const records = new Float64Array(n * RECORD);
  for (let i = 0; i < n; i++) writeRecord(boxes, i, Math.cos(boxes.heading[i]!), Math.sin(boxes.heading[i]!), records, i);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const kind = classifyPair(records, i * RECORD, j * RECORD, params);
      if (kind !== NONE) pushEvent(out, i, j, kind, kind === PREDICTED ? lastTtc[0]! : 0);
    }
  }
  return out;
}
