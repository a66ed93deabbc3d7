/**
 * The orders master controls have sent each vehicle (observed on `…/order`: another master control's, or the twin's
 * own coming back through the broker), and what they make the vehicle stand for: per remaining route node, the
 * summed duration of the node's blocking actions (HARD or SOFT: the vehicle stands while they run; NONE and 3.0's
 * SINGLE let it drive) that its state does not yet report FINISHED or FAILED, and before it sets off, what is left
 * of the blocking actions at the node it stands on. Durations by action type from data/traffic.json
 * `actionDurationS` (else its `default`): the wire says what a vehicle will do, not how long it takes.
 *
 * Per vehicle the latest order is kept: a new orderId replaces it; an update (same orderId, higher orderUpdateId)
 * replaces it from its stitching node (its first node's sequenceId) on, as VDA 5050 orders are stitched; an equal
 * or lower orderUpdateId is a duplicate or stale and ignored. A state matches the order by orderId, and each of its
 * remaining nodes the order's node by nodeId and sequenceId: a vehicle that has not taken an order yet is timed
 * without it.
 *
 * Stops are worked out again only when the vehicle's state (headerId, timestamp) or its order changes, so a round
 * costs each unchanged vehicle a lookup and its departure's sum; how long a running action has run is counted
 * from the feed time its state first said RUNNING.
 *
 * @example
 *   const actions = new OrderActions();
 *   actions.apply(orderReport); // from the feed
 *   const s = actions.stops(i, table.keys[i], table.latest[i], nowMs, 48); // s.stopS[0 … s.length), s.departS
 */
import traffic from '../../../data/traffic.json' with { type: 'json' };
import type { ActionStateReport, AgvReport, NodeStateReport, OrderActionReport, OrderNodeReport, OrderReport } from '../vda5050/agvReport';

/** One vehicle's stops; the tracker owns it and overwrites it when the vehicle's state or order changes. */
export interface OrderStops {
  /** `stopS[k]`: seconds the vehicle will stand at the k-th of its state's remaining nodes (in sequence order). */
  readonly stopS: Float32Array;
  /** Nodes in `stopS` (the state's remaining nodes, at most the route capacity). */
  length: number;
  /** Seconds it will still stand at the node it last passed before it sets off, as of the last {@link OrderActions.stops} call. */
  departS: number;
}

interface KeptOrder {
  readonly orderId: string;
  readonly orderUpdateId: number;
  /** In sequence order. */
  readonly nodes: readonly OrderNodeReport[];
  /** Bumped with each order kept for the vehicle, so its stops know to be worked out again. */
  readonly revision: number;
}

/** Blocking actions running or waiting at the node a vehicle stands on, counted for its departure. */
const DEPART_CAP = 8;

interface VehicleStops extends OrderStops {
  headerId: number;
  timestampMs: number;
  revision: number;
  key: string;
  /** Feed time (ms) each running action was first reported RUNNING. */
  readonly runningSince: Map<string, number>;
  /** Departure: each action's duration (s) and since when it runs (ms; NaN: not started). */
  readonly departDurS: Float64Array;
  readonly departSinceMs: Float64Array;
  departLen: number;
}

type Durations = Readonly<Record<string, { readonly value: number }>> & { readonly default: { readonly value: number } };

const bySequence = (a: { sequenceId: number }, b: { sequenceId: number }) => a.sequenceId - b.sequenceId;

export class OrderActions {
  private readonly orders = new Map<string, KeptOrder>();
  private readonly vehicles: VehicleStops[] = [];
  private revisions = 0;

  constructor(private readonly durations: Durations = traffic.actionDurationS) {}

  /** Keeps `order` as its vehicle's latest, or ignores it (an equal or lower update of the kept one); returns whether it was kept. */
  apply(order: OrderReport): boolean {
    const kept = this.orders.get(order.key);
    const nodes = [...order.nodes].sort(bySequence);
    if (kept && kept.orderId === order.orderId) {
      if (order.orderUpdateId <= kept.orderUpdateId) return false;
      const stitch = nodes[0]?.sequenceId ?? Infinity;
      const before = kept.nodes.filter((n) => n.sequenceId < stitch);
      this.orders.set(order.key, { orderId: order.orderId, orderUpdateId: order.orderUpdateId, nodes: [...before, ...nodes], revision: ++this.revisions });
      return true;
    }
    this.orders.set(order.key, { orderId: order.orderId, orderUpdateId: order.orderUpdateId, nodes, revision: ++this.revisions });
    return true;
  }

  /** The kept order of vehicle `key`: its ids and nodes in sequence order. */
  orderOf(key: string): Pick<KeptOrder, 'orderId' | 'orderUpdateId' | 'nodes'> | undefined {
    return this.orders.get(key);
  }

  /**
   * The stops of table slot `i` (vehicle `key`, latest state `state`) at `nowMs` on the feed clock, for at most
   * `routeCap` route nodes. Allocates nothing unless its state or order changed.
   */
  stops(i: number, key: string, state: AgvReport | undefined, nowMs: number, routeCap: number): OrderStops {
    const v = this.vehicleOf(i, routeCap);
    const order = this.orders.get(key);
    const revision = order?.revision ?? 0;
    const headerId = state?.headerId ?? -1;
    const timestampMs = state?.timestampMs ?? -1;
    if (v.key !== key || v.revision !== revision || v.headerId !== headerId || v.timestampMs !== timestampMs || headerId < 0) {
      v.key = key;
      v.revision = revision;
      v.headerId = headerId;
      v.timestampMs = timestampMs;
      this.work(v, state, state && order?.orderId === state.orderId ? order : undefined);
    }
    let departS = 0;
    for (let k = 0; k < v.departLen; k++) {
      const since = v.departSinceMs[k]!;
      departS += Math.max(0, v.departDurS[k]! - (Number.isNaN(since) ? 0 : Math.max(0, nowMs - since) / 1000));
    }
    v.departS = departS;
    return v;
  }

  /** Works out the stops of a vehicle from its new state and the order it drives (none: it stops nowhere for actions). */
  private work(v: VehicleStops, state: AgvReport | undefined, order: KeptOrder | undefined): void {
    v.length = 0;
    v.departLen = 0;
    v.stopS.fill(0);
    if (!state) {
      v.runningSince.clear();
      return;
    }
    for (const id of [...v.runningSince.keys()]) if (statusOf(state.actionStates, id) !== 'RUNNING') v.runningSince.delete(id);
    for (const a of state.actionStates)
      if (a.actionStatus === 'RUNNING' && !v.runningSince.has(a.actionId)) v.runningSince.set(a.actionId, state.receivedMs);
    const nodes = isSorted(state.nodeStates) ? state.nodeStates : [...state.nodeStates].sort(bySequence);
    v.length = Math.min(nodes.length, v.stopS.length);
    if (!order) return;
    for (let k = 0; k < v.length; k++) {
      const n = nodeOf(order, nodes[k]!.nodeId, nodes[k]!.sequenceId);
      if (!n) continue;
      let s = 0;
      for (const a of n.actions) {
        if (!blocks(a)) continue;
        const status = statusOf(state.actionStates, a.actionId);
        if (status !== 'FINISHED' && status !== 'FAILED') s += this.durationS(a.actionType);
      }
      v.stopS[k] = s;
    }
    const here =
      state.lastNodeId === undefined || state.lastNodeSequenceId === undefined ? undefined : nodeOf(order, state.lastNodeId, state.lastNodeSequenceId);
    for (const a of here?.actions ?? []) {
      if (!blocks(a) || v.departLen === DEPART_CAP) continue;
      const status = statusOf(state.actionStates, a.actionId);
      if (status !== 'RUNNING' && status !== 'WAITING' && status !== 'INITIALIZING') continue;
      v.departDurS[v.departLen] = this.durationS(a.actionType);
      v.departSinceMs[v.departLen++] = status === 'RUNNING' ? v.runningSince.get(a.actionId)! : Number.NaN;
    }
  }

  private durationS(actionType: string): number {
    const d = Object.hasOwn(this.durations, actionType) ? this.durations[actionType] : undefined;
    return d?.value ?? this.durations.default.value;
  }

  private vehicleOf(i: number, routeCap: number): VehicleStops {
    if (!Number.isInteger(routeCap) || routeCap < 1) throw new RangeError(`route capacity must be a positive integer, got ${routeCap}`);
    const v = this.vehicles[i];
    if (v && v.stopS.length !== routeCap) this.vehicles.length = i;
    while (this.vehicles.length <= i) {
      this.vehicles.push({
        stopS: new Float32Array(routeCap),
        length: 0,
        departS: 0,
        headerId: -1,
        timestampMs: -1,
        revision: -1,
        key: '',
        runningSince: new Map(),
        departDurS: new Float64Array(DEPART_CAP),
        departSinceMs: new Float64Array(DEPART_CAP),
        departLen: 0,
      });
    }
    return this.vehicles[i]!;
  }
}

/** HARD and SOFT make the vehicle stand while the action runs. */
const blocks = (a: OrderActionReport) => a.blockingType === 'HARD' || a.blockingType === 'SOFT';

function statusOf(states: readonly ActionStateReport[], actionId: string): ActionStateReport['actionStatus'] | undefined {
  for (const a of states) if (a.actionId === actionId && !a.instant) return a.actionStatus;
  return undefined;
}

function nodeOf(order: KeptOrder, nodeId: string, sequenceId: number): OrderNodeReport | undefined {
  for (const n of order.nodes) if (n.sequenceId === sequenceId) return n.nodeId === nodeId ? n : undefined;
  return undefined;
}

function isSorted(nodes: readonly NodeStateReport[]): boolean {
  for (let k = 1; k < nodes.length; k++) if (nodes[k]!.sequenceId < nodes[k - 1]!.sequenceId) return false;
  return true;
}
