/**
 * Blocked routes: an AGV's remaining route runs through a lane node the scene does not know (`unknown-node`), a
 * lane node out of service (`checkpoint-down`, marked in `downNodes`, one byte a lane node), or the footprint of
 * another AGV that has stood still longer than the waiting threshold (`stood-still`): the strip as wide as the
 * AGV along its route meets that footprint grown by the near-miss clearance. The first block of each reason on a
 * route is reported, timed by the route's arrival times (the arrival at the node before an unknown node, whose
 * place is not known; the crossing of a stood-still footprint interpolated between nodes). The route is traced
 * through space only up to an unknown node.
 *
 * @example
 *   const blocked: BlockedRoute[] = [];
 *   findBlockedRoutes(input, routes, setup, downNodes, scratch, blocked);
 */
import { FLAG_PLACED, META_COUNT, UNKNOWN_NODE, type PredictedRoutes, type TrafficInput } from '../../domain/trafficFrame';
import type { BlockedRoute } from '../../domain/trafficFindings';
import { segmentEntersBox, stripMeetsBox } from './routeGeometry';
import type { TrafficSetup } from './trafficParams';

/** Appends this round's blocked routes to `out`; `stood` is scratch of at least the round's AGV count. */
export function findBlockedRoutes(
  input: TrafficInput,
  routes: PredictedRoutes,
  setup: TrafficSetup,
  downNodes: Uint8Array,
  stood: Int32Array,
  out: BlockedRoute[],
): void {
  const n = routes.meta[META_COUNT]!;
  if (n > stood.length) throw new RangeError(`${n} AGVs exceed the blocked-route scratch of ${stood.length}`);
  if (downNodes.length !== setup.nodeX.length) {
    throw new RangeError(`downNodes holds ${downNodes.length} lane nodes; the scene has ${setup.nodeX.length}`);
  }
  const { standingSpeedMps, waitingTooLongS } = setup.params;
  let stoodCount = 0;
  for (let i = 0; i < n; i++) {
    if (placed(input, i) && input.standingS[i]! > waitingTooLongS && input.speed[i]! < standingSpeedMps) stood[stoodCount++] = i;
  }
  for (let i = 0; i < n; i++) {
    if (input.routeLen[i]! > 0) route(input, routes, setup, downNodes, stood, stoodCount, i, out);
  }
}

function route(
  input: TrafficInput,
  routes: PredictedRoutes,
  setup: TrafficSetup,
  downNodes: Uint8Array,
  stood: Int32Array,
  stoodCount: number,
  i: number,
  out: BlockedRoute[],
): void {
  const { nodeX, nodeY } = setup;
  const len = input.routeLen[i]!;
  const o = i * input.routeCap;
  let unknown = false;
  let down = false;
  let blockedBy = stoodCount === 0;
  // An unplaced AGV's route is traced from its first node.
  let x0 = placed(input, i) ? input.x[i]! : Number.NaN;
  let y0 = placed(input, i) ? input.y[i]! : Number.NaN;
  let t0 = 0;
  for (let k = 0; k < len; k++) {
    const node = input.route[o + k]!;
    if (node === UNKNOWN_NODE || node < 0 || node >= nodeX.length) {
      if (!unknown) {
        unknown = true;
        const before = k > 0 ? input.route[o + k - 1]! : UNKNOWN_NODE;
        const known = before >= 0 && before < nodeX.length;
        out.push({
          agv: i,
          reason: 'unknown-node',
          node: UNKNOWN_NODE,
          inS: k > 0 ? routes.nodeS[o + k - 1]! : Number.NaN,
          x: known ? nodeX[before]! : x0,
          y: known ? nodeY[before]! : y0,
        });
      }
      blockedBy = true;
      continue;
    }
    const t1 = routes.nodeS[o + k]!;
    if (!down && downNodes[node]) {
      down = true;
      out.push({ agv: i, reason: 'checkpoint-down', node, inS: t1, x: nodeX[node]!, y: nodeY[node]! });
    }
    if (!blockedBy && Number.isFinite(x0) && Number.isFinite(y0)) {
      blockedBy = stoodStill(input, setup, stood, stoodCount, i, node, x0, y0, t0, t1, out);
    }
    x0 = nodeX[node]!;
    y0 = nodeY[node]!;
    t0 = t1;
  }
}

/** Reports the stood-still AGV whose footprint the leg (x0, y0) → node first meets, if any; true when one does. */
function stoodStill(
  input: TrafficInput,
  setup: TrafficSetup,
  stood: Int32Array,
  stoodCount: number,
  i: number,
  node: number,
  x0: number,
  y0: number,
  t0: number,
  t1: number,
  out: BlockedRoute[],
): boolean {
  const x1 = setup.nodeX[node]!;
  const y1 = setup.nodeY[node]!;
  const { lengthM, widthM } = setup.agv;
  const c = setup.params.clearanceM;
  const hl = lengthM / 2 + c;
  const hw = widthM / 2 + c;
  let by = -1;
  let first = Number.POSITIVE_INFINITY;
  for (let q = 0; q < stoodCount; q++) {
    const b = stood[q]!;
    if (b === i) continue;
    const bc = Math.cos(input.heading[b]!);
    const bs = Math.sin(input.heading[b]!);
    const bx = input.x[b]!;
    const by0 = input.y[b]!;
    if (!stripMeetsBox(x0, y0, x1, y1, widthM / 2, bx, by0, bc, bs, hl, hw)) continue;
    // Where the centreline enters the footprint grown by A's half width too, which holds every strip overlap.
    const f = segmentEntersBox(x0, y0, x1, y1, bx, by0, bc, bs, hl + widthM / 2, hw + widthM / 2);
    const at = Number.isNaN(f) ? 0 : f;
    if (at < first) {
      first = at;
      by = b;
    }
  }
  if (by < 0) return false;
  out.push({
    agv: i,
    reason: 'stood-still',
    node,
    by,
    inS: t0 + (t1 - t0) * first,
    x: x0 + (x1 - x0) * first,
    y: y0 + (y1 - y0) * first,
  });
  return true;
}

function placed(input: TrafficInput, i: number): boolean {
  return (input.flags[i]! & FLAG_PLACED) !== 0 && Number.isFinite(input.x[i]!) && Number.isFinite(input.y[i]!);
}
