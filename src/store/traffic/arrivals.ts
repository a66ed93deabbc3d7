/**
 * When each AGV is predicted to reach its order's last node, on the source's clock, by vehicle key: the fleet
 * list's ETA column and its sort. Pure.
 */
import type { TrafficSnapshot } from './trafficStore';

/** Arrival clock (s, the source's) by vehicle key, for AGVs whose route's end is timed; none without a snapshot. */
export function arrivals(snapshot: TrafficSnapshot | undefined): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  if (!snapshot) return out;
  snapshot.keys.forEach((key, i) => {
    const eta = snapshot.etaS[i]!;
    if (Number.isFinite(eta)) out.set(key, snapshot.clockS + eta);
  });
  return out;
}
