/**
 * Predicted routes as flat line segments and time ticks in the zone frame, built once a prediction round (or when
 * the selection or the show-all setting changes) for a handful of draw calls whatever the fleet size. Pure.
 */
import type { TrafficSnapshot } from '../../store/traffic/trafficStore';

/** Gate time between two ticks along a route (s): a tick where the clock reads a multiple of it. */
export const TICK_EVERY_S = 30;

/** x1, y1, x2, y2 per segment (zone frame, m): released solid, not yet released dashed. */
export interface RouteLines {
  readonly solid: number[];
  readonly dashed: number[];
}

/** A tick of the selected AGV's route: where it is predicted at clock `atS` (the source's clock, s). */
export interface RouteTick {
  readonly x: number;
  readonly y: number;
  readonly atS: number;
}

export interface PredictedRouteGeometry {
  /** The selected AGV's route. */
  readonly selected: RouteLines;
  /** Every other AGV's, when all are shown. */
  readonly others: RouteLines;
  /** x, y of every tick of every route drawn. */
  readonly ticks: number[];
  /** The selected AGV's ticks, labelled with their gate time. */
  readonly labels: RouteTick[];
}

/** Lane node positions by scene lane node index (zone frame, m). */
export interface NodePositions {
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
}

export function nodePositions(nodes: readonly { readonly position: readonly [number, number] | readonly number[] }[]): NodePositions {
  const x = new Float64Array(nodes.length);
  const y = new Float64Array(nodes.length);
  nodes.forEach((n, k) => {
    x[k] = n.position[0]!;
    y[k] = n.position[1]!;
  });
  return { x, y };
}

/**
 * The routes to draw from a snapshot: the selected AGV's always, every AGV's when `showAll`. A route runs from the
 * AGV's position through its route's lane nodes; the segment into node k is released when k < baseLen. A node the
 * scene does not know (index -1) breaks the line. Ticks fall where the clock (snapshot.clockS + t) is a multiple of
 * `tickEveryS`, for 0 < t ≤ the round's horizon, interpolated linearly in time between the nodes' predicted
 * arrivals (from the AGV's position at t = 0); a node never reached (NaN) ends the ticks.
 */
export function predictedRouteGeometry(
  snap: TrafficSnapshot,
  nodes: NodePositions,
  selectedKey: string | undefined,
  showAll: boolean,
  tickEveryS = TICK_EVERY_S,
): PredictedRouteGeometry {
  const out: PredictedRouteGeometry = { selected: { solid: [], dashed: [] }, others: { solid: [], dashed: [] }, ticks: [], labels: [] };
  const rest = ((snap.clockS % tickEveryS) + tickEveryS) % tickEveryS;
  const firstTick = tickEveryS - rest;
  const nodeCount = Math.min(nodes.x.length, nodes.y.length);
  for (let i = 0; i < snap.keys.length; i++) {
    const isSelected = snap.keys[i] === selectedKey;
    if (!isSelected && !showAll) continue;
    const lines = isSelected ? out.selected : out.others;
    const o = i * snap.routeCap;
    const len = Math.min(snap.routeLen[i]!, snap.routeCap);
    let px = snap.x[i]!;
    let py = snap.y[i]!;
    let pt = 0;
    let known = true;
    let timed = true;
    let tick = firstTick;
    for (let k = 0; k < len; k++) {
      const n = snap.route[o + k]!;
      const t = snap.nodeS[o + k]!;
      if (n < 0 || n >= nodeCount) {
        known = false;
        continue;
      }
      const nx = nodes.x[n]!;
      const ny = nodes.y[n]!;
      if (known) (k < snap.baseLen[i]! ? lines.solid : lines.dashed).push(px, py, nx, ny);
      if (timed && Number.isFinite(t)) {
        for (; tick <= t && tick <= snap.horizonS; tick += tickEveryS) {
          if (!known || !(t > pt) || tick <= pt) continue;
          const f = (tick - pt) / (t - pt);
          const x = px + (nx - px) * f;
          const y = py + (ny - py) * f;
          out.ticks.push(x, y);
          if (isSelected) out.labels.push({ x, y, atS: snap.clockS + tick });
        }
        pt = t;
      } else timed = false;
      px = nx;
      py = ny;
      known = true;
    }
  }
  return out;
}
