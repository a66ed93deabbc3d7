/**
 * The baseline: every pair judged, O(n²), in plain JavaScript. Kept to check the WebAssembly checker against
 * (tests) and to measure it by (bench). Its records hold the same numbers as the checker's (cos and sin by
 * {@link headingCosSin}, which the checker computes alike), and {@link classifyPair} judges them by the same
 * operations as the checker's `classify`, so both report the same events bit for bit.
 */
import { RECORD, writeRecord, type BoxSet } from './boxSet';
import { classifyPair, lastTtc, NONE, PREDICTED, type CollisionParams } from './classifyPair';
import { pushEvent, type CollisionEvents } from './collisionEvents';
import { headingCosSin } from './headingTrig';

export function checkAllPairs(boxes: BoxSet, params: CollisionParams, out: CollisionEvents): CollisionEvents {
  out.count = 0;
  out.dropped = 0;
  const n = boxes.count;
  const records = new Float64Array(n * RECORD);
  const trig = new Float64Array(2);
  for (let i = 0; i < n; i++) {
    headingCosSin(boxes.heading[i]!, trig);
    writeRecord(boxes, i, trig[0]!, trig[1]!, records, i);
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const kind = classifyPair(records, i * RECORD, j * RECORD, params);
      if (kind !== NONE) pushEvent(out, i, j, kind, kind === PREDICTED ? lastTtc[0]! : 0);
    }
  }
  return out;
}
