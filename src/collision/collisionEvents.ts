/** Contacts, near misses and predicted contacts found in one tick, in preallocated arrays. */
export interface CollisionEvents {
  count: number;
  /** Events that did not fit in the arrays this tick (raise the capacity if ever non-zero). */
  dropped: number;
  readonly a: Int32Array;
  readonly b: Int32Array;
  /** CONTACT, NEAR_MISS or PREDICTED (see classifyPair.ts). */
  readonly kind: Uint8Array;
  /** Time to collision (s): 0 for a contact or near miss now. */
  readonly ttc: Float32Array;
}

export function collisionEvents(capacity: number): CollisionEvents {
  return {
    count: 0,
    dropped: 0,
    a: new Int32Array(capacity),
    b: new Int32Array(capacity),
    kind: new Uint8Array(capacity),
    ttc: new Float32Array(capacity),
  };
}

export function pushEvent(out: CollisionEvents, a: number, b: number, kind: number, ttc: number): void {
  if (out.count === out.a.length) {
    out.dropped++;
    return;
  }
  out.a[out.count] = a;
  out.b[out.count] = b;
  out.kind[out.count] = kind;
  out.ttc[out.count] = ttc;
  out.count++;
}
