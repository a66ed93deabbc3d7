/**
 * `window.__TWIN__.traffic`: the latest traffic prediction round for automation, in the shape; vehicles as
 * `manufacturer/serial`, times in seconds after the round's clock.
 */
import type { ForecastView, ProposalView, TrafficState } from '../store/traffic/trafficStore';

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
  /**
   * The planner's proposal for each conflict and deadlock: the AGVs it involves (those it was checked for), the
   * delay it saves against the next best plan, and its holds; `ok: false` with the reason where none was found.
   */
  readonly proposals: readonly {
    readonly id: string;
    readonly ok: boolean;
    readonly agvs: readonly string[];
    readonly savesS?: number;
    readonly totalDelayS?: number;
    readonly holds?: readonly { readonly agv: string; readonly nodeId: string; readonly untilS: number; readonly committed: boolean }[];
    readonly reason?: string;
  }[];
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
    proposals: Object.freeze((snap?.proposals ?? []).map(proposalProbe)),
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

function proposalProbe(p: ProposalView): TrafficProbe['proposals'][number] {
  const involved = p.target.kind === 'conflict' ? [p.target.a, p.target.b] : p.target.agvs;
  if (!p.ok) return Object.freeze({ id: p.id, ok: false, agvs: Object.freeze([...involved]), reason: p.reason });
  return Object.freeze({
    id: p.id,
    ok: true,
    agvs: Object.freeze(p.agvs.map((a) => a.agv)),
    savesS: p.savesS,
    totalDelayS: p.totalDelayS,
    holds: Object.freeze(p.holds.map((h) => Object.freeze({ ...h }))),
  });
}
