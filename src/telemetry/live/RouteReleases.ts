/**
 * What the simulated fleet's master control releases (the VDA 5050 base): of each AGV's route, the next nodes up to
 * a limit, but only nodes no other AGV holds — a node is held by the AGV released it, and by an AGV standing on it
 * (on its lane cell) — and only over lane edges clear of other AGVs ahead (one standing in a queue inside an edge, or
 * driving along it in front): a master control releases a way, not a point, and a node beyond an AGV standing on
 * the edge before it is not free to drive to. Where two AGVs want one node the nearer along its route gets it; an
 * AGV's base stops at its first node held by another or behind another, so it may be empty. Releases are not taken back: a node released in the last round
 * and still next on the AGV's route stays its own, as VDA 5050 forbids changing the base.
 *
 * Two kinds of AGV take their whole route: one driving on an operator's order (its route here ends at the order's
 * base end, which the order released; its nodes are held against the others; the order's horizon beyond is not
 * released, and the vehicle reports it apart), and the rogue AGV of the fault drill,
 * modelled as a vehicle whose controller drives a route nobody released: it reports the whole route released, but
 * the master control's ledger holds none of it beyond the node it stands on, so the others are released nodes on its
 * way — the situation traffic prediction must foresee (the drill measures that foresight).
 *
 * @example
 *   const releases = new RouteReleases(scene.lanes.nodes, 3);
 *   releases.allocate([{ x, y, route: [4, 5, 6], onNodes: [3], mode: 'planned' }, …], out); // out[i]: nodes released to AGV i
 */
import type { LaneNodePoint } from '../traffic/LaneNodeGrid';

/** How an AGV's route is released: by the master control, by an operator's order, or by nobody (the rogue). */
export type ReleaseMode = 'planned' | 'ordered' | 'rogue';

export interface ReleaseRequest {
  /** Zone-frame position now. */
  readonly x: number;
  readonly y: number;
  /** Lane node indices ahead, in order. */
  readonly route: readonly number[];
  /** The lane edge leading into each route node (`routeEdges[k]` into `route[k]`), or -1 where none is known. */
  readonly routeEdges: readonly number[];
  /** Lane edges the AGV is inside of (those of its lane cell, or of both cells while it moves between two). */
  readonly onEdges: readonly number[];
  /** Lane nodes the AGV stands on (those of its lane cell, or of both cells while it moves between two). */
  readonly onNodes: readonly number[];
  readonly mode: ReleaseMode;
}

export class RouteReleases {
  /** Per lane node: the AGV holding it this round, or -1. */
  private readonly holder: Int32Array;
  private readonly touched: number[] = [];
  /** Per AGV: the nodes released to it last round, in route order. */
  private previous: number[][] = [];
  private readonly claims: { agv: number; k: number; aheadM: number }[] = [];

  /** Per lane edge: the AGVs inside it this round, with their distance to the edge's far node (m). */
  private readonly inside = new Map<number, { agv: number; toEndM: number }[]>();

  constructor(
    private readonly nodes: readonly LaneNodePoint[],
    /** Each lane edge's far node (lane node index), for how far an AGV inside it is from its end. */
    private readonly edgeEnd: readonly number[],
    /** Most nodes released ahead of an AGV on a planned route (data/simulation.json `vdaReleasedNodes`). */
    private readonly limit: number,
  ) {
    this.holder = new Int32Array(nodes.length).fill(-1);
  }

  /** Writes into `out[i]` how many of AGV i's route nodes, from the first, are released to it. */
  allocate(agvs: readonly ReleaseRequest[], out: Int32Array): void {
    for (const k of this.touched) this.holder[k] = -1;
    this.touched.length = 0;
    while (this.previous.length < agvs.length) this.previous.push([]);
    this.inside.clear();
    agvs.forEach((a, i) => {
      for (const k of a.onNodes) this.hold(k, i);
      for (const e of a.onEdges) {
        const end = this.nodes[this.edgeEnd[e]!];
        if (!end) continue;
        const list = this.inside.get(e) ?? [];
        list.push({ agv: i, toEndM: Math.hypot(end.position[0] - a.x, end.position[1] - a.y) });
        this.inside.set(e, list);
      }
    });
    agvs.forEach((a, i) => {
      out[i] = 0;
      if (a.mode === 'rogue') out[i] = a.route.length;
      else if (a.mode === 'ordered') {
        for (const k of a.route) this.hold(k, i);
        out[i] = a.route.length;
      }
    });
    // Last round's releases first: a base is never taken back while it lies ahead on the route.
    agvs.forEach((a, i) => {
      if (a.mode !== 'planned') return;
      const before = this.previous[i]!;
      while (
        out[i]! < Math.min(this.limit, a.route.length, before.length) &&
        a.route[out[i]!] === before[out[i]!] &&
        this.free(a.route[out[i]!]!, i) &&
        this.clearWay(a, out[i]!, i)
      ) {
        this.hold(a.route[out[i]!]!, i);
        out[i]!++;
      }
    });
    this.claims.length = 0;
    agvs.forEach((a, i) => {
      if (a.mode !== 'planned') return;
      let aheadM = 0;
      let x = a.x;
      let y = a.y;
      for (let k = 0; k < Math.min(this.limit, a.route.length); k++) {
        const p = this.nodes[a.route[k]!]!.position;
        aheadM += Math.hypot(p[0] - x, p[1] - y);
        x = p[0];
        y = p[1];
        if (k >= out[i]!) this.claims.push({ agv: i, k, aheadM });
      }
    });
    // Nearer first; an AGV's own claims come in route order, so a denied node ends its base.
    this.claims.sort((a, b) => a.aheadM - b.aheadM || a.agv - b.agv || a.k - b.k);
    const stopped = new Uint8Array(agvs.length);
    for (const c of this.claims) {
      if (stopped[c.agv] || out[c.agv] !== c.k) continue;
      const node = agvs[c.agv]!.route[c.k]!;
      if (!this.free(node, c.agv) || !this.clearWay(agvs[c.agv]!, c.k, c.agv)) {
        stopped[c.agv] = 1;
        continue;
      }
      this.hold(node, c.agv);
      out[c.agv]!++;
    }
    this.previous = agvs.map((a, i) => (a.mode === 'planned' ? a.route.slice(0, out[i]) : []));
  }

  /**
   * Whether the lane edge into route node k of AGV `agv` is clear of other AGVs ahead of it: for the edge it is on
   * (k = 0) those nearer the far node than itself, for an edge further on any AGV inside it.
   */
  private clearWay(a: ReleaseRequest, k: number, agv: number): boolean {
    const e = a.routeEdges[k];
    if (e === undefined || e < 0) return true;
    const list = this.inside.get(e);
    if (!list) return true;
    const end = this.nodes[this.edgeEnd[e]!];
    const mine = k === 0 && end ? Math.hypot(end.position[0] - a.x, end.position[1] - a.y) : Infinity;
    return list.every((o) => o.agv === agv || o.toEndM >= mine);
  }

  private free(node: number, agv: number): boolean {
    const h = this.holder[node]!;
    return h < 0 || h === agv;
  }

  private hold(node: number, agv: number): void {
    if (this.holder[node]! >= 0) return;
    this.holder[node] = agv;
    this.touched.push(node);
  }
}
