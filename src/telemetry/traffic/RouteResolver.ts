/**
 * A vehicle's remaining route, as its VDA 5050 state reports it, on the scene's lane network: each of its
 * `nodeStates` (in sequence order) becomes a lane node index — by `nodePosition` through the scene's map placement
 * to the nearest lane node within `nodeMatchM` (data/traffic.json), else by the lane node's id, else
 * {@link UNKNOWN_NODE} (a route through a place the scene does not know: a blocked route). The base is the leading
 * run of released nodes. The last node passed has no position on the wire: by id, else the lane node the vehicle
 * stands on (within `nodeMatchM`).
 *
 * Resolution is cached per vehicle by the (headerId, timestamp) of its latest state, so a prediction round costs a
 * lookup for every vehicle whose state has not changed since the last one.
 *
 * @example
 *   const resolver = new RouteResolver(maps, scene.lanes.nodes, 48);
 *   const r = resolver.resolve(3, table.latest[3], table.x[3], table.y[3]); // r.route[0 … r.length), r.baseLen
 */
import traffic from '../../../data/traffic.json' with { type: 'json' };
import { mapToZone } from '../../domain/mapPlacement';
import type { MapPlacement } from '../../domain/sceneSchema';
import { UNKNOWN_NODE } from '../../domain/trafficFrame';
import type { AgvReport, NodeStateReport } from '../vda5050/agvReport';
import { LaneNodeGrid, type LaneNodePoint } from './LaneNodeGrid';

/** One vehicle's resolved route; the resolver owns it and overwrites it when the vehicle's state changes. */
export interface ResolvedRoute {
  /** Lane node indices ahead, in sequence order (at most the route capacity). */
  readonly route: Int32Array;
  /** Nodes in `route`. */
  length: number;
  /** How many of them, from the first, are released. */
  baseLen: number;
  /** The state listed more nodes than the capacity: the route was cut. */
  cut: boolean;
  /** The lane node last passed, or {@link UNKNOWN_NODE}. */
  lastNode: number;
  /** The state this was resolved from (headerId and timestamp); -1 before the first. */
  headerId: number;
  timestampMs: number;
}

const NODE_MATCH_M: number = traffic.nodeMatchM.value;

const bySequence = (a: NodeStateReport, b: NodeStateReport) => a.sequenceId - b.sequenceId;

export class RouteResolver {
  private readonly grid: LaneNodeGrid;
  private readonly routes: ResolvedRoute[] = [];
  private readonly pose = new Float64Array(3);

  constructor(
    private readonly maps: readonly MapPlacement[],
    laneNodes: readonly LaneNodePoint[],
    readonly routeCap: number,
    private readonly matchM: number = NODE_MATCH_M,
  ) {
    if (!Number.isInteger(routeCap) || routeCap < 1) throw new RangeError(`route capacity must be a positive integer, got ${routeCap}`);
    this.grid = new LaneNodeGrid(laneNodes, Math.max(matchM, 1));
  }

  /**
   * The route of table slot `i` from its latest state (none: an empty route); `x`, `y` its zone-frame position
   * (NaN when unknown), for the last node when its id is not the scene's. Re-resolved only when the state is a new one.
   */
  resolve(i: number, state: AgvReport | undefined, x: number, y: number): ResolvedRoute {
    const r = this.routeOf(i);
    const headerId = state?.headerId ?? -1;
    const timestampMs = state?.timestampMs ?? -1;
    if (r.headerId === headerId && r.timestampMs === timestampMs && headerId >= 0) return r;
    r.headerId = headerId;
    r.timestampMs = timestampMs;
    r.length = 0;
    r.baseLen = 0;
    r.cut = false;
    r.lastNode = UNKNOWN_NODE;
    if (!state) return r;
    const last = state.lastNodeId === undefined ? -1 : this.grid.byId(state.lastNodeId);
    r.lastNode = last >= 0 ? last : this.grid.nearest(x, y, this.matchM);
    const nodes = isSorted(state.nodeStates) ? state.nodeStates : [...state.nodeStates].sort(bySequence);
    let base = true;
    for (const n of nodes) {
      if (r.length === this.routeCap) {
        r.cut = true;
        break;
      }
      base &&= n.released;
      if (base) r.baseLen++;
      r.route[r.length++] = this.node(n);
    }
    return r;
  }

  /** The lane node a node state names: by position, else by id, else {@link UNKNOWN_NODE}. */
  private node(n: NodeStateReport): number {
    const p = n.nodePosition;
    if (p && mapToZone(this.maps, p.mapId, p.x, p.y, 0, this.pose)) {
      const k = this.grid.nearest(this.pose[0]!, this.pose[1]!, this.matchM);
      if (k >= 0) return k;
    }
    const k = this.grid.byId(n.nodeId);
    return k >= 0 ? k : UNKNOWN_NODE;
  }

  private routeOf(i: number): ResolvedRoute {
    while (this.routes.length <= i) {
      this.routes.push({ route: new Int32Array(this.routeCap), length: 0, baseLen: 0, cut: false, lastNode: UNKNOWN_NODE, headerId: -1, timestampMs: -1 });
    }
    return this.routes[i]!;
  }
}

function isSorted(nodes: readonly NodeStateReport[]): boolean {
  for (let k = 1; k < nodes.length; k++) if (nodes[k]!.sequenceId < nodes[k - 1]!.sequenceId) return false;
  return true;
}
