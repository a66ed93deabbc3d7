/**
 * A vehicle's own path ahead, as VDA 5050 3.0 vehicles send it, packed into `TrafficInput.lead*`: first its
 * `intermediatePath` waypoints with their etas, then its `plannedPath` NURBS sampled to a polyline from where the
 * timed points end (or from the vehicle) on, untimed. Both come in the vehicle's map frame and go into the zone frame
 * through the scene's map placement.
 *
 * An eta is on the vehicle's clock: it becomes feed time as the message's arrival plus (eta − the message's
 * timestamp), so a vehicle whose clock is off by minutes is still timed right, and seconds from the packed instant
 * as that feed time less the packing instant; points already passed (0 s or less) are left out.
 *
 * A lead point within `nodeMatchM` (data/traffic.json) of one of the next route nodes is marked with that node's
 * route index (route nodes in order, each at most once); where the sampled plannedPath passes a route node between
 * two samples, the node's own position is put in as a point, so a route node the path goes through is never missed.
 * The timed points are the vehicle's own and are only marked, never added to.
 *
 * The zone-frame points are worked out again only when the message carrying the path changes; a round rewrites the
 * lead from them (etas move on with the clock, the vehicle along its path) and allocates nothing.
 *
 * @example
 *   const leads = new LeadPaths(maps, scene.lanes.nodes);
 *   leads.write(i, table, resolver.resolve(i, state, x, y), input, nowMs);
 */
import traffic from '../../../data/traffic.json' with { type: 'json' };
import { mapToZone } from '../../domain/mapPlacement';
import { Nurbs } from '../../domain/nurbs';
import type { MapPlacement } from '../../domain/sceneSchema';
import { LEAD_CAP, NOT_A_NODE, type TrafficInput } from '../../domain/trafficFrame';
import type { FleetTable, PathReport } from '../live/FleetTable';
import type { LaneNodePoint } from './LaneNodeGrid';
import type { ResolvedRoute } from './RouteResolver';

const NODE_MATCH_M: number = traffic.nodeMatchM.value;
/** Most samples a plannedPath is cut into: a few per LEAD_CAP point, so that the part ahead still has enough. */
const SAMPLES = 4 * LEAD_CAP;
/** Samples per span of the control polygon. */
const SAMPLES_PER_SPAN = 8;
/** Route nodes looked ahead for a lead point: a path that skips a node (a shortcut) still matches the next ones. */
const LOOKAHEAD = 4;

interface VehicleLead {
  timedFrom: PathReport | undefined;
  /** Timed points, zone frame, and their eta on the feed clock (ms). */
  readonly tx: Float64Array;
  readonly ty: Float64Array;
  readonly tEtaMs: Float64Array;
  timedLen: number;
  plannedFrom: PathReport | undefined;
  /** The plannedPath sampled, zone frame. */
  readonly px: Float64Array;
  readonly py: Float64Array;
  plannedLen: number;
}

export class LeadPaths {
  private readonly vehicles: VehicleLead[] = [];
  private readonly curve = new Nurbs();
  private readonly pose = new Float64Array(3);
  private readonly at = new Float64Array(2);
  /** Index of the next route node not yet met by the lead being written (see {@link write}). */
  private nextNode = 0;

  constructor(
    private readonly maps: readonly MapPlacement[],
    private readonly laneNodes: readonly LaneNodePoint[],
    private readonly matchM: number = NODE_MATCH_M,
  ) {}

  /** Writes the lead of table slot `i` (its route `route`) into `input` at `nowMs` on the feed clock; none without a 3.0 path. */
  write(i: number, table: FleetTable, route: ResolvedRoute, input: TrafficInput, nowMs: number): void {
    const v = this.vehicleOf(i);
    const mapId = table.latest[i]?.position?.mapId;
    const timedFrom = table.intermediateFrom[i];
    if (timedFrom !== v.timedFrom) this.takeTimed(v, timedFrom, mapId);
    const plannedFrom = table.plannedFrom[i];
    if (plannedFrom !== v.plannedFrom) this.takePlanned(v, plannedFrom, mapId);
    const base = i * LEAD_CAP;
    let n = 0;
    this.nextNode = 0;
    let fromX = table.x[i]!;
    let fromY = table.y[i]!;
    for (let k = 0; k < v.timedLen && n < LEAD_CAP; k++) {
      const s = (v.tEtaMs[k]! - nowMs) / 1000;
      if (!(s > 0)) continue;
      fromX = v.tx[k]!;
      fromY = v.ty[k]!;
      this.put(input, base + n++, fromX, fromY, s, this.nodeAt(route, fromX, fromY));
    }
    if (v.plannedLen >= 2 && table.placed[i] && n < LEAD_CAP) n = this.putPlanned(v, route, input, base, n, fromX, fromY);
    input.leadLen[i] = n;
  }

  /** The plannedPath from the point nearest (fromX, fromY) on, with the route nodes it passes between samples. */
  private putPlanned(v: VehicleLead, route: ResolvedRoute, input: TrafficInput, base: number, n: number, fromX: number, fromY: number): number {
    let first = 1;
    let best = Infinity;
    for (let k = 1; k < v.plannedLen; k++) {
      const d = segmentDistance(fromX, fromY, v.px[k - 1]!, v.py[k - 1]!, v.px[k]!, v.py[k]!);
      if (d < best) {
        best = d;
        first = k;
      }
    }
    // Before the path's start the vehicle has not passed its first point.
    if (first === 1 && segmentParam(fromX, fromY, v.px[0]!, v.py[0]!, v.px[1]!, v.py[1]!) <= 0) first = 0;
    let prevX = fromX;
    let prevY = fromY;
    for (let k = first; k < v.plannedLen && n < LEAD_CAP; k++) {
      const x = v.px[k]!;
      const y = v.py[k]!;
      const passed = this.passedNode(route, prevX, prevY, x, y);
      if (passed >= 0) {
        const p = this.laneNodes[route.route[passed]!]!.position;
        this.put(input, base + n++, p[0], p[1], Number.NaN, passed);
        this.nextNode = passed + 1;
        if (n === LEAD_CAP) break;
      }
      this.put(input, base + n++, x, y, Number.NaN, this.nodeAt(route, x, y));
      prevX = x;
      prevY = y;
    }
    return n;
  }

  private put(input: TrafficInput, at: number, x: number, y: number, s: number, node: number): void {
    input.leadX[at] = x;
    input.leadY[at] = y;
    input.leadS[at] = s;
    input.leadNode[at] = node;
  }

  /** The route index of the next route node (looking a few ahead) within the match distance of (x, y), or NOT_A_NODE; moves past it. */
  private nodeAt(route: ResolvedRoute, x: number, y: number): number {
    const end = Math.min(route.length, this.nextNode + LOOKAHEAD);
    for (let k = this.nextNode; k < end; k++) {
      const node = route.route[k]!;
      if (node < 0) continue;
      const p = this.laneNodes[node]!.position;
      if (Math.hypot(p[0] - x, p[1] - y) <= this.matchM) {
        this.nextNode = k + 1;
        return k;
      }
    }
    return NOT_A_NODE;
  }

  /** The next route node the segment passes within the match distance of, but neither end does; -1 when none. */
  private passedNode(route: ResolvedRoute, ax: number, ay: number, bx: number, by: number): number {
    const k = this.nextNode;
    if (k >= route.length || route.route[k]! < 0) return -1;
    const p = this.laneNodes[route.route[k]!]!.position;
    if (Math.hypot(p[0] - ax, p[1] - ay) <= this.matchM || Math.hypot(p[0] - bx, p[1] - by) <= this.matchM) return -1;
    return segmentDistance(p[0], p[1], ax, ay, bx, by) <= this.matchM ? k : -1;
  }

  private takeTimed(v: VehicleLead, from: PathReport | undefined, mapId: string | undefined): void {
    v.timedFrom = from;
    v.timedLen = 0;
    const points = from?.intermediatePath;
    const map = from?.position?.mapId ?? mapId;
    if (!from || !points || map === undefined) return;
    for (const q of points) {
      if (v.timedLen === LEAD_CAP) break;
      if (!mapToZone(this.maps, map, q.x, q.y, 0, this.pose)) return;
      v.tx[v.timedLen] = this.pose[0]!;
      v.ty[v.timedLen] = this.pose[1]!;
      v.tEtaMs[v.timedLen++] = from.receivedMs + (q.etaMs - from.timestampMs);
    }
  }

  /** Samples the plannedPath into zone-frame points; a trajectory that cannot be evaluated (its problem in `Nurbs.set`'s words) gives none. */
  private takePlanned(v: VehicleLead, from: PathReport | undefined, mapId: string | undefined): void {
    v.plannedFrom = from;
    v.plannedLen = 0;
    const path = from?.plannedPath;
    const map = from?.position?.mapId ?? mapId;
    if (!path || map === undefined) return;
    if (this.curve.set(path.controlPoints, path.degree ?? 1, path.knotVector) !== undefined) return;
    const c = this.curve;
    const samples = Math.min(SAMPLES, SAMPLES_PER_SPAN * (c.count - 1) + 1);
    for (let k = 0; k < samples; k++) {
      c.point(c.start + ((c.end - c.start) * k) / (samples - 1), this.at);
      if (!mapToZone(this.maps, map, this.at[0]!, this.at[1]!, 0, this.pose)) return;
      v.px[k] = this.pose[0]!;
      v.py[k] = this.pose[1]!;
      v.plannedLen = k + 1;
    }
  }

  private vehicleOf(i: number): VehicleLead {
    while (this.vehicles.length <= i) {
      this.vehicles.push({
        timedFrom: undefined,
        tx: new Float64Array(LEAD_CAP),
        ty: new Float64Array(LEAD_CAP),
        tEtaMs: new Float64Array(LEAD_CAP),
        timedLen: 0,
        plannedFrom: undefined,
        px: new Float64Array(SAMPLES),
        py: new Float64Array(SAMPLES),
        plannedLen: 0,
      });
    }
    return this.vehicles[i]!;
  }
}

/** Where (x, y) projects onto the line a–b: 0 at a, 1 at b (0 for a segment of no length). */
function segmentParam(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  return len2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / len2 : 0;
}

/** Distance from (x, y) to the segment a–b. */
function segmentDistance(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const u = Math.max(0, Math.min(1, segmentParam(x, y, ax, ay, bx, by)));
  return Math.hypot(ax + u * (bx - ax) - x, ay + u * (by - ay) - y);
}
