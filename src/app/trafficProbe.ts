/**
 * `window.__TWIN__.traffic`: the latest traffic prediction round for automation, in the shape; vehicles as
 * `manufacturer/serial`, times in seconds after the round's clock.
 */
import type { ForecastView, TrafficState } from '../store/traffic/trafficStore';

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
  /** The latest finished forecast: source seconds it covers, containers moved [lo, hi] over the seeds, and in replay its error. */
  readonly forecast?: {
    readonly fromS: number;
    readonly toS: number;
    readonly containers: readonly [number, number];
    readonly error?: { readonly positionM5?: number; readonly positionM15?: number; readonly containers?: number };
  };
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
    ...(s.forecast?.status === 'done' ? { forecast: forecastProbe(s.forecast) } : {}),
  });
}

function forecastProbe(f: Extract<ForecastView, { status: 'done' }>): NonNullable<TrafficProbe['forecast']> {
  const e = f.score?.error;
  const error = {
    ...(e?.positionM5 === undefined ? {} : { positionM5: e.positionM5 }),
    ...(e?.positionM15 === undefined ? {} : { positionM15: e.positionM15 }),
    ...(e?.containers === undefined ? {} : { containers: e.containers }),
  };
  return Object.freeze({
    fromS: f.fromS,
    toS: f.toS,
    containers: Object.freeze([...f.band.totals.containers] as const),
    // A recording too short to score anything gives no error at all (the console says why).
    ...(Object.keys(error).length > 0 ? { error: Object.freeze(error) } : {}),
  });
}
