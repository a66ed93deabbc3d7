/**
 * The twin as master control of the orders it sends: the ledger of each vehicle's order from the twin, released
 * a few nodes at a time as VDA 5050 intends. An order goes out with the first {@link RELEASED_NODES} nodes ahead
 * released (the base) and the rest as horizon; as the vehicle reports passing nodes (its states) and as time goes
 * by ({@link OrderKeeper.tick}, so a hold that ends is released even while the vehicle stands silent), an order
 * update extends the base again: same orderId, orderUpdateId + 1, starting at the base's last node (the stitching
 * node) with its sequence id, then the newly released nodes and the remaining horizon.
 *
 * A hold (a resolution proposal's "wait at node N until T") withholds releases beyond N until T; the base already
 * released is never taken back, so a hold may sit at the base's end or beyond, never inside it. An order the
 * vehicle finished or cancelled, or one replaced by an order from elsewhere, drops out of the ledger.
 *
 * Pure: no timers and no wire; the clock comes in with every call and the caller publishes what comes out.
 *
 * @example
 *   const keeper = new OrderKeeper(scene.lanes.nodes, scene.lanes.edges);
 *   publish(encodeOrder(header, keeper.order('acme/AGV-1', 'o-1', route))); // route from laneShortestRoute
 *   for (const u of keeper.state('acme/AGV-1', report, Date.now())) publish(encodeOrder(header, u.order));
 */
import simulation from '../../../data/simulation.json' with { type: 'json' };
import type { LaneNodePoint } from '../traffic/LaneNodeGrid';
import type { AgvReport } from '../vda5050/agvReport';
import type { DriveOrder } from '../vda5050/encode';

/** Nodes ahead of a vehicle released to it (the VDA 5050 base), as the simulated fleet's master control releases. */
export const RELEASED_NODES = simulation.vdaReleasedNodes.value;

/** A route on the lane network: lane node indices from where the vehicle is, and the lane edges between them. */
export interface KeeperRoute {
  readonly nodes: readonly number[];
  /** `edges[k]` leads from `nodes[k]` to `nodes[k + 1]`. */
  readonly edges: readonly number[];
}

/** An order update to send. */
export interface KeeperUpdate {
  readonly key: string;
  readonly order: DriveOrder;
  /** The last node the update releases. */
  readonly releasedUpTo: string;
}

/** A hold that is over: ended with a release ('finished'), or cut short (the order ended, another hold replaced it). */
export interface SettledHold {
  readonly id: string;
  readonly key: string;
  readonly result: 'finished' | 'failed';
  readonly detail: string;
}

export type HoldResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** What the packer needs of a vehicle the twin keeps an order of: the lane node held (-1: none) and until when. */
export interface KeptCommitment {
  holdNode: number;
  holdUntilMs: number;
}

const NONE: readonly never[] = [];

interface Kept {
  readonly orderId: string;
  updateId: number;
  readonly nodes: readonly number[];
  readonly edges: readonly number[];
  /** Route index of the base's last node. */
  baseEnd: number;
  /** Route index of the last node the vehicle reported passing. */
  passed: number;
  /** Whether a state of the vehicle has carried this order (before that, its states tell of the order before). */
  acknowledged: boolean;
  hold: { readonly id: string; readonly index: number; readonly untilMs: number } | undefined;
}

export class OrderKeeper {
  private readonly kept = new Map<string, Kept>();
  private readonly nodeIndex: ReadonlyMap<string, number>;
  private settledHolds: SettledHold[] = [];

  constructor(
    private readonly nodes: readonly LaneNodePoint[],
    private readonly edges: readonly { readonly id: string }[],
    private readonly releasedNodes: number = RELEASED_NODES,
  ) {
    if (!Number.isInteger(releasedNodes) || releasedNodes < 1) throw new RangeError(`released nodes ${releasedNodes}: expected a whole number ≥ 1`);
    this.nodeIndex = new Map(nodes.map((n, k) => [n.id, k]));
  }

  /**
   * Records the order `orderId` the twin sends vehicle `key` along `route` (its first node where the vehicle is) and
   * returns it: the start and the next {@link RELEASED_NODES} nodes released, the rest horizon. Replaces the
   * vehicle's earlier order from the twin (its hold is cut short).
   */
  order(key: string, orderId: string, route: KeeperRoute): DriveOrder {
    if (route.nodes.length === 0 || route.edges.length !== route.nodes.length - 1) {
      throw new RangeError(`a route of ${route.nodes.length} nodes and ${route.edges.length} edges: expected at least one node and one edge fewer`);
    }
    this.drop(key, `order ${orderId} replaced the order`);
    const k: Kept = {
      orderId,
      updateId: 0,
      nodes: route.nodes.slice(),
      edges: route.edges.slice(),
      baseEnd: Math.min(route.nodes.length - 1, this.releasedNodes),
      passed: 0,
      acknowledged: false,
      hold: undefined,
    };
    this.kept.set(key, k);
    return this.message(k, 0);
  }

  /** Forgets vehicle `key`'s order (it could not be sent). */
  forget(key: string): void {
    this.drop(key, 'the order could not be sent');
  }

  /**
   * Holds vehicle `key` at lane node `nodeId`: nothing beyond it is released before `untilMs`. Refused, with the
   * reason, when the vehicle has no order from the twin, the node is not ahead on its route, or lies inside the
   * base already released. A later hold of the same vehicle replaces an earlier one.
   */
  hold(key: string, nodeId: string, untilMs: number, id: string, nowMs: number): HoldResult {
    const k = this.kept.get(key);
    if (!k) return { ok: false, reason: `${key} has no order from the twin to hold` };
    if (!(untilMs > nowMs)) return { ok: false, reason: `the hold would end (${new Date(untilMs).toISOString()}) before it begins` };
    const lane = this.nodeIndex.get(nodeId);
    const index = lane === undefined ? -1 : k.nodes.indexOf(lane, k.passed + 1);
    if (index < 0) return { ok: false, reason: `node ${nodeId} is not ahead on ${key}'s route` };
    if (index < k.baseEnd) {
      return {
        ok: false,
        reason: `node ${nodeId} lies inside ${key}'s released base (up to node ${this.nodes[k.nodes[k.baseEnd]!]!.id}), which cannot be taken back`,
      };
    }
    if (k.hold) this.settle(key, k.hold.id, 'failed', `replaced by a later hold at node ${nodeId}`);
    k.hold = { id, index, untilMs };
    return { ok: true };
  }

  /**
   * A state of vehicle `key`: its progress along the order, or that the order is over (no nodes left: finished or
   * cancelled; another order id once this one was taken; refused). Returns the update to send, if any.
   */
  state(key: string, report: AgvReport, nowMs: number): KeeperUpdate[] {
    const k = this.kept.get(key);
    if (!k) return [];
    if (report.orderId !== k.orderId) {
      const refusal = report.errors.find((e) => e.errorDescription?.includes(k.orderId));
      if (k.acknowledged) this.drop(key, `order ${report.orderId ?? '(none)'} replaced the order`);
      else if (refusal) this.drop(key, `the vehicle refused the order: ${refusal.errorDescription!}`);
      return [];
    }
    k.acknowledged = true;
    if (report.nodeStates.length === 0) {
      this.drop(key, 'the order ended (finished or cancelled)');
      return [];
    }
    const seq = report.lastNodeSequenceId;
    const lane = report.lastNodeId === undefined ? undefined : this.nodeIndex.get(report.lastNodeId);
    let at = seq !== undefined && seq % 2 === 0 && lane !== undefined && k.nodes[seq / 2] === lane ? seq / 2 : -1;
    if (at < 0 && lane !== undefined) at = k.nodes.indexOf(lane, k.passed);
    if (at > k.passed) k.passed = Math.min(at, k.baseEnd);
    const u = this.release(key, k, nowMs);
    return u ? [u] : [];
  }

  /** Releases what is due at `nowMs` (holds that have ended); returns the updates to send. */
  tick(nowMs: number): readonly KeeperUpdate[] {
    // Called every frame: nothing is allocated unless an update is due.
    let out: KeeperUpdate[] | undefined;
    for (const [key, k] of this.kept) {
      const u = this.release(key, k, nowMs);
      if (u) (out ??= []).push(u);
    }
    return out ?? NONE;
  }

  /** The holds settled since the last call, oldest first. */
  settled(): readonly SettledHold[] {
    if (this.settledHolds.length === 0) return NONE;
    const out = this.settledHolds;
    this.settledHolds = [];
    return out;
  }

  /** Whether vehicle `key` drives an order the twin keeps; if so, writes its hold into `out`. Allocates nothing. */
  commitment(key: string, out: KeptCommitment): boolean {
    const k = this.kept.get(key);
    if (!k) return false;
    out.holdNode = k.hold ? k.nodes[k.hold.index]! : -1;
    out.holdUntilMs = k.hold ? k.hold.untilMs : Number.NaN;
    return true;
  }

  /** The order id the twin keeps for vehicle `key`, if any. */
  orderOf(key: string): string | undefined {
    return this.kept.get(key)?.orderId;
  }

  private release(key: string, k: Kept, nowMs: number): KeeperUpdate | undefined {
    const h = k.hold;
    const over = h !== undefined && nowMs >= h.untilMs;
    let want = Math.min(k.nodes.length - 1, k.passed + this.releasedNodes);
    if (h && !over) want = Math.min(want, h.index);
    let update: KeeperUpdate | undefined;
    if (want > k.baseEnd) {
      const from = k.baseEnd;
      k.baseEnd = want;
      k.updateId++;
      update = { key, order: this.message(k, from), releasedUpTo: this.nodes[k.nodes[want]!]!.id };
    }
    if (h && over) {
      k.hold = undefined;
      const node = this.nodes[k.nodes[h.index]!]!.id;
      const detail =
        update && k.baseEnd > h.index
          ? `released past node ${node} (order update ${k.updateId})`
          : `ended before ${key} came near node ${node}: nothing was held back`;
      this.settle(key, h.id, 'finished', detail);
    }
    return update;
  }

  /** The order from route index `from` (the stitching node; 0 for the first): released up to the base end, then horizon. */
  private message(k: Kept, from: number): DriveOrder {
    return {
      orderId: k.orderId,
      orderUpdateId: k.updateId,
      firstSequenceId: 2 * from,
      nodes: k.nodes.slice(from).map((n, j) => ({ nodeId: this.nodes[n]!.id, released: from + j <= k.baseEnd })),
      edgeIds: k.edges.slice(from).map((e) => this.edges[e]!.id),
    };
  }

  private drop(key: string, why: string): void {
    const k = this.kept.get(key);
    if (!k) return;
    this.kept.delete(key);
    if (k.hold) this.settle(key, k.hold.id, 'failed', `${why} before the hold ended`);
  }

  private settle(key: string, id: string, result: SettledHold['result'], detail: string): void {
    this.settledHolds.push({ id, key, result, detail });
  }
}
