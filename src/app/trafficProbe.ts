/**
 * `window.__TWIN__.traffic`: the latest traffic prediction round for automation, in the shape; vehicles as
 * `manufacturer/serial`, times in seconds after the round's clock.
 */
import type { TrafficState } from '../store/traffic/trafficStore';

export interface TrafficProbe {
  readonly horizonS: number;
  /** Prediction rounds published since the probe was installed. */
  readonly predictions: number;
  readonly clockS?: number;
  readonly roundMs?: number;
  readonly failure?: string;
  readonly conflicts: readonly {
    readonly a: string;
    readonly b: string;
    readonly inS: number;
    readonly x: number;
    readonly y: number;
    readonly kind: string;
  }[];
  readonly deadlocks: readonly { readonly agvs: readonly string[] }[];
  readonly blocked: readonly { readonly agv: string; readonly reason: string }[];
  /** Seconds until each AGV with a route reaches its last node, by vehicle key. */
  readonly etaS: Readonly<Record<string, number>>;
}

export function trafficProbe(s: TrafficState, predictions: number): TrafficProbe {
  const snap = s.snapshot;
  const etaS: Record<string, number> = {};
  if (snap) snap.keys.forEach((k, i) => Number.isFinite(snap.etaS[i]) && (etaS[k] = snap.etaS[i]!));
  return Object.freeze({
    horizonS: s.horizonS,
    predictions,
    ...(snap ? { clockS: snap.clockS, roundMs: snap.roundMs } : {}),
    ...(s.failure ? { failure: s.failure } : {}),
    conflicts: Object.freeze((snap?.conflicts ?? []).map((c) => Object.freeze({ a: c.a, b: c.b, inS: c.inS, x: c.x, y: c.y, kind: c.kind }))),
    deadlocks: Object.freeze((snap?.deadlocks ?? []).map((d) => Object.freeze({ agvs: Object.freeze([...d.agvs]) }))),
    blocked: Object.freeze((snap?.blocked ?? []).map((b) => Object.freeze({ agv: b.agv, reason: b.reason }))),
    etaS: Object.freeze(etaS),
  });
}
