/**
 * The places traffic prediction warns of, as the map marks them: one marker per predicted conflict, deadlock and
 * blocked route of a round, with a key that stays the same from round to round while the finding holds (so its
 * label is kept, not remade), and the countdown it shows. Pure.
 */
import type { TrafficSnapshot } from '../../store/traffic/trafficStore';

export const MARKER_KINDS = ['conflict', 'deadlock', 'blocked'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

/** Conflict red, deadlock magenta, blocked amber: the alert colours, readable on the dark map. */
export const MARKER_HEX: Readonly<Record<MarkerKind, string>> = { conflict: '#ef4444', deadlock: '#d946ef', blocked: '#f59e0b' };

export interface TrafficMarker {
  readonly id: string;
  readonly kind: MarkerKind;
  /** Zone frame (m). */
  readonly x: number;
  readonly y: number;
  /** Seconds from the snapshot's clock (NaN: cannot be timed). */
  readonly inS: number;
  /** Vehicle keys involved, from the wire: text only. */
  readonly agvs: readonly string[];
  /** The conflict's kind or the block's reason. */
  readonly detail?: string;
}

export function trafficMarkers(s: TrafficSnapshot): TrafficMarker[] {
  return [
    ...s.conflicts.map((c) => ({ id: `c:${c.a}|${c.b}`, kind: 'conflict' as const, x: c.x, y: c.y, inS: c.inS, agvs: [c.a, c.b], detail: c.kind })),
    ...s.deadlocks.map((d) => ({ id: `d:${d.agvs.join('|')}`, kind: 'deadlock' as const, x: d.x, y: d.y, inS: d.inS, agvs: d.agvs })),
    ...s.blocked.map((b) => ({
      id: `b:${b.agv}|${b.reason}|${b.nodeId ?? ''}`,
      kind: 'blocked' as const,
      x: b.x,
      y: b.y,
      inS: b.inS,
      agvs: b.by === undefined ? [b.agv] : [b.agv, b.by],
      detail: b.reason,
    })),
  ];
}

/**
 * Whole seconds left of a finding `inS` seconds after its round's clock when the source's clock has moved on by
 * `elapsedS`: rounded up (a conflict 0.4 s away is "1 s", not "now"), 0 once due; undefined when it cannot be timed.
 */
export function secondsLeft(inS: number, elapsedS: number): number | undefined {
  if (!Number.isFinite(inS)) return undefined;
  return Math.max(0, Math.ceil(inS - Math.max(0, elapsedS)));
}
