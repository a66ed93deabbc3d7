/**
 * The simulated fleet speaking VDA 5050, as `npm run fleet` publishes it: every AGV of a running {@link Simulation}
 * is a vehicle with its own serial number; `visualization` at the caller's rate, `state` when something the
 * operator sees changes (moving or not, load, pause, an action's result) and at least every 30 s, `connection`
 * retained. `order` and `instantActions` sent to a vehicle are carried out by the simulation (pause, resume,
 * cancel, drive to a node) and answered in the vehicle's next state: the action's FINISHED or FAILED with the
 * reason, an order's id, or an `orderError`. The vehicles speak one exact version (2.0.0, 2.1.0 or 3.0.0) under one
 * interface name (`uagv`, or 3.0's `vda5050`), and take commands only in their own major.minor version.
 *
 * Orders are honoured the VDA 5050 way: a new order (new orderId) drives to its base's last node only and reports
 * the route there (released) and the order's horizon beyond (not released), waiting at the base's end for more; an
 * update (same orderId) is taken only with a higher orderUpdateId (an equal one is a duplicate and ignored, a lower
 * one an `orderUpdateError`) and only when it starts at the base's last node (the stitching node), and moves the
 * goal to the new base end. An AGV whose order's whole route has been released and reached goes back to the jobs.
 *
 * Each state carries the AGV's remaining route on the scene's lane network ({@link LaneRoutes}): `lastNodeId` the
 * lane node it last passed (sequence id 0), then the lane edges (odd sequence ids) and nodes (even) still ahead,
 * numbered afresh in every state. What is released (the base; the rest is the horizon) is what a master control
 * would release ({@link RouteReleases}): up to the next `vdaReleasedNodes` nodes (data/simulation.json) that no
 * other AGV holds, with the edges into them; an AGV on an operator's order reports its route to the order's base end
 * released (and the order's horizon after it), the drill's rogue AGV its whole route. Node and edge ids are the scene's, so the console draws the route on the lanes.
 *
 * A 3.0 vehicle also says where it will drive, in `state` and `visualization`: its `plannedPath`, a degree-1 NURBS
 * from where it is through its remaining route nodes (`traversedNodes` their ids), and while it drives its
 * `intermediatePath`, the next few lane nodes along its way with the simulation's own arrival times as etas (each
 * cell move ends when the motion says, the moves after it take their cells' entry steps; a free-flow time that the
 * plan's waits can make late). `clockRate` turns simulated seconds into the header clock's.
 */
import { z } from 'zod';
import simulation from '../../../data/simulation.json' with { type: 'json' };
import type { MapPlacement } from '../../domain/sceneSchema';
import { AGV_MANUAL } from '../../sim/AgvFleet';
import type { Simulation } from '../../sim/Simulation';
import type { ActionStateReport, ConnectionState, ErrorReport, MotionFields, VdaMajor } from '../vda5050/agvReport';
import { encodeConnection, encodeState, encodeVisualization, versionString, type WireMessage } from '../vda5050/encode';
import { DEFAULT_INTERFACE_NAME, formatTopic, parseTopic } from '../vda5050/topic';
import { LaneRoutes, type LaneRouteOut } from './laneRoute';
import { RouteReleases, type ReleaseMode } from './RouteReleases';

export type Publish = (topic: string, message: WireMessage, retain: boolean) => void;

export interface FleetPublisherOptions {
  readonly version: VdaMajor;
  /** The exact version in every header, e.g. "2.0.0"; default the twin's own for the major (2.1.0, 3.0.0). */
  readonly protocolVersion?: string;
  readonly manufacturer: string;
  /** Where the vehicles' map sits in the zone: positions are published in map coordinates. */
  readonly map: MapPlacement;
  /** The topics' first level; default `uagv` (3.0's own is `vda5050`). */
  readonly interfaceName?: string;
  /** Simulated seconds per second of the clock `tick` is given (`npm run fleet --speed`), for the etas; default 1. */
  readonly clockRate?: number;
}

/** VDA 5050 §6.10: a vehicle publishes its state at least this often even when nothing changes. */
const STATE_EVERY_MS = 30_000;
/** Action results kept in each state (the newest). */
const ACTIONS_KEPT = 10;
/** Lane nodes ahead in a 3.0 vehicle's `intermediatePath`: what its sensors would see of its way. */
const INTERMEDIATE_NODES = 3;
/** Nodes ahead of an AGV released to it (the VDA 5050 base); those beyond are the horizon. */
const RELEASED_NODES = simulation.vdaReleasedNodes.value;

/** Commands are checked for their header's version only when they carry one (tests send bare bodies). */
const InstantActions = z.object({
  version: z.string().optional(),
  actions: z.array(z.object({ actionId: z.string().min(1), actionType: z.string() })),
});
const Order = z.object({
  version: z.string().optional(),
  orderId: z.string().min(1),
  orderUpdateId: z.number().int().min(0),
  nodes: z.array(z.object({ nodeId: z.string().min(1), released: z.boolean().optional() })).min(1),
  edges: z.array(z.object({ edgeId: z.string().min(1) })).optional(),
});

/** Of an AGV's order: the base's last node, and the horizon beyond it (each node with the edge leading into it). */
interface HeldOrder {
  baseEnd: string;
  horizon: { readonly nodeId: string; readonly edgeId: string }[];
}

const COMMAND: Readonly<Record<string, 'pause' | 'resume' | 'cancel'>> = { startPause: 'pause', stopPause: 'resume', cancelOrder: 'cancel' };

export class FleetPublisher {
  readonly serials: string[];
  private readonly index = new Map<string, number>();
  private readonly headerId: Int32Array;
  private readonly lastStateMs: Float64Array;
  private readonly lastSignature: string[];
  private readonly actions: ActionStateReport[][];
  private readonly errors: ErrorReport[][];
  private readonly orderId: string[];
  private readonly orderUpdateId: Int32Array;
  /** Per AGV: its order's base end and horizon (undefined: no order from a master control, or none left). */
  private readonly held: (HeldOrder | undefined)[];
  private readonly pose = new Float64Array(3);
  private readonly lanes: LaneRoutes | undefined;
  /** Scratch for one AGV's way through the cells. */
  private readonly path: Int32Array;
  /** Each AGV's lane route as of the last tick. */
  private readonly routes: LaneRouteOut[];
  private readonly releases: RouteReleases;
  /** Per AGV: how many of its route's nodes are released to it, as of the last tick. */
  private readonly released: Int32Array;
  /** Per AGV: where it is, what it stands on and how its route is released, handed to {@link releases} each tick. */
  private readonly requests: { x: number; y: number; route: number[]; routeEdges: number[]; onNodes: number[]; onEdges: number[]; mode: ReleaseMode }[];
  private readonly nodeIndex: ReadonlyMap<string, number>;
  /** Per planner vertex: the lane nodes on it. */
  private readonly nodesAt: number[][];
  /** The version every header says, and the `major.minor.` a command's header must start with. */
  private readonly protocolVersion: string;
  private readonly accepts: string;

  constructor(
    private readonly sim: Simulation,
    private readonly o: FleetPublisherOptions,
  ) {
    this.protocolVersion = versionString(o.version, o.protocolVersion);
    this.accepts = this.protocolVersion.slice(0, this.protocolVersion.lastIndexOf('.') + 1);
    const n = sim.fleet?.n ?? 0;
    this.serials = Array.from({ length: n }, (_, i) => `AGV-${String(i + 1).padStart(3, '0')}`);
    this.serials.forEach((s, i) => this.index.set(s, i));
    this.headerId = new Int32Array(n * 3);
    this.lastStateMs = new Float64Array(n).fill(-Infinity);
    this.lastSignature = new Array<string>(n).fill('');
    this.actions = this.serials.map(() => []);
    this.errors = this.serials.map(() => []);
    this.orderId = new Array<string>(n).fill('');
    this.orderUpdateId = new Int32Array(n);
    this.held = new Array<HeldOrder | undefined>(n).fill(undefined);
    const m = sim.motion;
    const { nodes, edges } = sim.scene.lanes;
    this.lanes = m && new LaneRoutes(nodes, edges, m.graph, m.vertexOfNode);
    this.path = new Int32Array(m?.graph.nodeCount ?? 0);
    this.routes = this.serials.map(() => ({ lastNode: -1, nodes: [], edges: [] }));
    const nodeIndex = new Map(nodes.map((node, k) => [node.id, k]));
    this.nodeIndex = nodeIndex;
    this.releases = new RouteReleases(
      nodes,
      edges.map((e) => nodeIndex.get(e.to) ?? -1),
      RELEASED_NODES,
    );
    this.released = new Int32Array(n);
    this.requests = this.routes.map((r) => ({ x: 0, y: 0, route: r.nodes, routeEdges: r.edges, onNodes: [], onEdges: [], mode: 'planned' }));
    this.nodesAt = Array.from({ length: m?.graph.nodeCount ?? 0 }, () => []);
    m?.vertexOfNode.forEach((v, k) => this.nodesAt[v]!.push(k));
  }

  topic(i: number, subtopic: 'state' | 'visualization' | 'connection' | 'order' | 'instantActions'): string {
    return formatTopic({
      interfaceName: this.o.interfaceName ?? DEFAULT_INTERFACE_NAME,
      majorVersion: this.o.version,
      manufacturer: this.o.manufacturer,
      serialNumber: this.serials[i]!,
      subtopic,
    });
  }

  /** The retained `connection` message of vehicle i (the last will uses CONNECTIONBROKEN). */
  connection(i: number, state: ConnectionState, nowMs: number): WireMessage {
    return encodeConnection(this.header(i, 2, nowMs), state);
  }

  /** Publishes every vehicle's visualization, and the states that are due. */
  tick(nowMs: number, publish: Publish): void {
    if (this.serials.length > 0) this.release();
    for (let i = 0; i < this.serials.length; i++) {
      const position = this.position(i);
      publish(
        this.topic(i, 'visualization'),
        encodeVisualization({ ...this.header(i, 1, nowMs), position, referenceStateHeaderId: this.headerId[i * 3]!, ...this.paths(i, nowMs) }),
        false,
      );
      const sig = this.signature(i);
      if (sig !== this.lastSignature[i] || nowMs - this.lastStateMs[i]! >= STATE_EVERY_MS) {
        this.lastSignature[i] = sig;
        this.lastStateMs[i] = nowMs;
        publish(this.topic(i, 'state'), this.state(i, nowMs), false);
      }
    }
  }

  /**
   * Carries out an `order` or `instantActions` message sent to one of the vehicles; returns false for a topic
   * that is not ours. Malformed commands become errors in the vehicle's state, not exceptions.
   */
  handle(topic: string, payload: string): boolean {
    const parsed = parseTopic(topic);
    if (!parsed.ok) return false;
    const i = this.index.get(parsed.address.serialNumber);
    if (i === undefined || (parsed.address.subtopic !== 'order' && parsed.address.subtopic !== 'instantActions')) return false;
    let body: unknown;
    try {
      body = JSON.parse(payload);
    } catch {
      this.addError(i, { errorType: 'validationError', errorLevel: 'WARNING', errorDescription: `${parsed.address.subtopic}: not JSON` });
      return true;
    }
    if (parsed.address.subtopic === 'instantActions') {
      const msg = InstantActions.safeParse(body);
      if (!msg.success) {
        this.addError(i, {
          errorType: 'validationError',
          errorLevel: 'WARNING',
          errorDescription: `instantActions: ${msg.error.issues[0]?.message ?? 'wrong fields'}`,
        });
        return true;
      }
      if (this.refusesVersion(i, 'instantActions', msg.data.version)) return true;
      for (const a of msg.data.actions) {
        const kind = COMMAND[a.actionType];
        const result = kind ? this.sim.command(i, { kind }) : { ok: false as const, reason: `action type ${a.actionType} is not supported` };
        if (result.ok) this.errors[i]!.length = 0;
        this.addAction(i, {
          actionId: a.actionId,
          actionType: a.actionType,
          actionStatus: result.ok ? 'FINISHED' : 'FAILED',
          ...(result.ok ? {} : { resultDescription: result.reason }),
        });
      }
      return true;
    }
    const order = Order.safeParse(body);
    if (!order.success) {
      this.addError(i, {
        errorType: 'validationError',
        errorLevel: 'WARNING',
        errorDescription: `order: ${order.error.issues[0]?.message ?? 'wrong fields'}`,
      });
      return true;
    }
    if (this.refusesVersion(i, 'order', order.data.version)) return true;
    this.takeOrder(i, order.data);
    return true;
  }

  /** A new order, or an update of the one AGV i drives (same orderId): checked as VDA 5050 asks, then driven to its base end. */
  private takeOrder(i: number, order: z.infer<typeof Order>): void {
    const { orderId, orderUpdateId, nodes } = order;
    const update = orderId === this.orderId[i];
    if (update && orderUpdateId === this.orderUpdateId[i]) return;
    const refuse = (why: string) =>
      this.addError(i, { errorType: 'orderUpdateError', errorLevel: 'WARNING', errorDescription: `order ${orderId} update ${orderUpdateId}: ${why}` });
    const held = this.held[i];
    if (update && orderUpdateId < this.orderUpdateId[i]!) return refuse(`older than update ${this.orderUpdateId[i]} already taken`);
    if (update && (!held || this.sim.fleet!.state[i] !== AGV_MANUAL)) return refuse('the order is no longer active');
    if (update && nodes[0]!.nodeId !== held!.baseEnd)
      return refuse(`starts at node ${nodes[0]!.nodeId}, which does not start at the base end (node ${held!.baseEnd})`);
    const base = nodes.findIndex((n) => n.released === false);
    const end = (base < 0 ? nodes.length : base) - 1;
    if (end < 0) {
      this.addError(i, { errorType: 'orderError', errorLevel: 'WARNING', errorDescription: `order ${orderId}: no node is released` });
      return;
    }
    const horizon = nodes
      .slice(end + 1)
      .map((n, j) => ({ nodeId: n.nodeId, edgeId: order.edges?.[end + j]?.edgeId ?? `${nodes[end + j]!.nodeId}_${n.nodeId}` }));
    const result = this.sim.command(i, { kind: 'goto', nodeId: nodes[end]!.nodeId, wait: horizon.length > 0 });
    if (!result.ok) {
      if (update) refuse(result.reason);
      else this.addError(i, { errorType: 'orderError', errorLevel: 'WARNING', errorDescription: `order ${orderId}: ${result.reason}` });
      return;
    }
    this.errors[i]!.length = 0;
    this.orderId[i] = orderId;
    this.orderUpdateId[i] = orderUpdateId;
    this.held[i] = { baseEnd: nodes[end]!.nodeId, horizon };
  }

  /**
   * A vehicle that speaks 2.0 takes 2.0.x only, as strict vehicles do: a command in another version becomes a
   * validation error in its state rather than something half understood.
   */
  private refusesVersion(i: number, subtopic: 'order' | 'instantActions', version: string | undefined): boolean {
    if (version === undefined || version.startsWith(this.accepts)) return false;
    this.addError(i, {
      errorType: 'validationError',
      errorLevel: 'WARNING',
      errorDescription: `${subtopic}: version ${version}; this vehicle speaks ${this.accepts}x`,
    });
    return true;
  }

  private header(i: number, slot: number, nowMs: number) {
    const k = i * 3 + (slot === 1 ? 1 : slot === 2 ? 2 : 0);
    this.headerId[k]!++;
    return {
      version: this.o.version,
      protocolVersion: this.protocolVersion,
      manufacturer: this.o.manufacturer,
      serialNumber: this.serials[i]!,
      headerId: this.headerId[k]!,
      timestampMs: nowMs,
    };
  }

  private position(i: number) {
    const m = this.sim.motion!;
    m.pose(i, this.sim.now, this.pose);
    const rotation = this.o.map.rotation;
    const theta = Math.atan2(Math.sin(this.pose[2]! - rotation), Math.cos(this.pose[2]! - rotation));
    return { ...this.toMap(this.pose[0]!, this.pose[1]!), theta, localized: true };
  }

  /** A zone-frame point in the vehicle's map frame. */
  private toMap(east: number, north: number) {
    const { origin, rotation } = this.o.map;
    const dx = east - origin[0];
    const dy = north - origin[1];
    const c = Math.cos(rotation);
    const s = Math.sin(rotation);
    return { mapId: this.o.map.mapId, x: c * dx + s * dy, y: -s * dx + c * dy };
  }

  /**
   * What decides whether a new state is due: anything the operator would see change, the route included (it
   * changes when the AGV passes a lane node or gets another goal, not while it drives along an edge).
   */
  private signature(i: number): string {
    const m = this.sim.motion!;
    const r = this.routes[i]!;
    return `${m.isMoving(i, this.sim.now) ? 1 : 0}${m.paused[i]}${this.sim.fleet!.carrying(i)}|${this.actions[i]!.length}|${this.errors[i]!.length}|${this.orderId[i]}/${this.orderUpdateId[i]}|${r.lastNode}>${r.edges.join('>')}|${this.released[i]}|${this.horizon(i).length}`;
  }

  /** Every AGV's lane route from where it is now, and what of it the master control releases. */
  private release(): void {
    const m = this.sim.motion!;
    const fleet = this.sim.fleet!;
    const now = this.sim.now;
    for (let i = 0; i < this.serials.length; i++) {
      this.route(i);
      const q = this.requests[i]!;
      m.pose(i, now, this.pose);
      q.x = this.pose[0]!;
      q.y = this.pose[1]!;
      q.onNodes.length = 0;
      q.onNodes.push(...this.nodesAt[m.vertex[i]!]!);
      q.onEdges.length = 0;
      if (m.edgeOfVertex[m.vertex[i]!]! >= 0) q.onEdges.push(m.edgeOfVertex[m.vertex[i]!]!);
      if (m.isMoving(i, now)) {
        q.onNodes.push(...this.nodesAt[m.fromVertex[i]!]!);
        if (m.edgeOfVertex[m.fromVertex[i]!]! >= 0) q.onEdges.push(m.edgeOfVertex[m.fromVertex[i]!]!);
      }
      q.mode = m.rogue === i ? 'rogue' : fleet.state[i] === AGV_MANUAL ? 'ordered' : 'planned';
    }
    this.releases.allocate(this.requests, this.released);
  }

  /** Recomputes AGV i's lane route from where it is now. */
  private route(i: number): LaneRouteOut {
    const m = this.sim.motion!;
    const out = this.routes[i]!;
    const count = m.remainingPath(i, this.path);
    const reached = m.isMoving(i, this.sim.now) ? m.fromVertex[i]! : m.vertex[i]!;
    this.lanes!.route(reached, this.path, count, out);
    return out;
  }

  /** The horizon of AGV i's order beyond its base end, while it drives that order (empty otherwise). */
  private horizon(i: number): readonly { readonly nodeId: string; readonly edgeId: string }[] {
    const held = this.held[i];
    if (held && this.sim.fleet!.state[i] !== AGV_MANUAL) this.held[i] = undefined;
    return this.held[i]?.horizon ?? [];
  }

  /**
   * The route of the last signature as VDA 5050 node and edge states (the last node passed has sequence id 0),
   * then the order's horizon beyond the base end, not released.
   */
  private routeStates(i: number) {
    const r = this.routes[i]!;
    const { nodes, edges } = this.sim.scene.lanes;
    const horizon = this.horizon(i);
    const position = (id: string) => {
      const k = this.nodeIndex.get(id);
      return k === undefined ? {} : { nodePosition: this.toMap(nodes[k]!.position[0], nodes[k]!.position[1]) };
    };
    const n = r.nodes.length;
    return {
      ...(r.lastNode >= 0 ? { lastNodeId: nodes[r.lastNode]!.id, lastNodeSequenceId: 0 } : {}),
      nodeStates: [
        ...r.nodes.map((k, j) => ({ nodeId: nodes[k]!.id, sequenceId: 2 * (j + 1), released: j < this.released[i]!, ...position(nodes[k]!.id) })),
        ...horizon.map((h, j) => ({ nodeId: h.nodeId, sequenceId: 2 * (n + j + 1), released: false, ...position(h.nodeId) })),
      ],
      edgeStates: [
        ...r.edges.map((k, j) => ({ edgeId: edges[k]!.id, sequenceId: 2 * j + 1, released: j < this.released[i]! })),
        ...horizon.map((h, j) => ({ edgeId: h.edgeId, sequenceId: 2 * (n + j) + 1, released: false })),
      ],
    };
  }

  private state(i: number, nowMs: number): WireMessage {
    const fleet = this.sim.fleet!;
    const carrying = fleet.carrying(i);
    return encodeState({
      ...this.header(i, 0, nowMs),
      position: this.position(i),
      loads: carrying >= 0 ? [{ loadId: `C${carrying}`, loadType: 'CONTAINER_40FT' }] : [],
      battery: { chargePercent: Math.round(fleet.battery[i]! * 1000) / 10, charging: fleet.state[i] === 6 },
      operatingMode: 'AUTOMATIC',
      driving: this.sim.motion!.isMoving(i, this.sim.now),
      paused: this.sim.motion!.paused[i] === 1,
      safety: { emergencyStop: 'NONE', fieldViolation: false },
      errors: this.errors[i]!,
      ...(this.orderId[i] ? { orderId: this.orderId[i]!, orderUpdateId: this.orderUpdateId[i]! } : {}),
      ...this.routeStates(i),
      actionStates: this.actions[i]!,
      ...this.paths(i, nowMs),
    });
  }

  /** A 3.0 vehicle's planned and intermediate path (see the file's comment); none in 2.x. */
  private paths(i: number, nowMs: number): Pick<MotionFields, 'plannedPath' | 'intermediatePath'> {
    if (this.o.version !== 3) return {};
    const { nodes } = this.sim.scene.lanes;
    const ahead = [...this.routes[i]!.nodes.map((k) => nodes[k]!), ...this.horizon(i).flatMap((h) => nodes[this.nodeIndex.get(h.nodeId) ?? -1] ?? [])];
    if (ahead.length === 0) return {};
    const m = this.sim.motion!;
    m.pose(i, this.sim.now, this.pose);
    const here = this.toMap(this.pose[0]!, this.pose[1]!);
    const plannedPath = {
      degree: 1,
      controlPoints: [{ x: here.x, y: here.y }, ...ahead.map((n) => this.toMap(n.position[0], n.position[1])).map(({ x, y }) => ({ x, y }))],
      traversedNodes: ahead.map((n) => n.id),
    };
    if (!m.isMoving(i, this.sim.now)) return { plannedPath };
    const rate = this.o.clockRate ?? 1;
    const count = m.remainingPath(i, this.path);
    const intermediatePath = [];
    let atS = m.moveEnd[i]!;
    for (let k = 0; k < count && intermediatePath.length < INTERMEDIATE_NODES; k++) {
      const v = this.path[k]!;
      if (k > 0) atS += m.stepsBetween(this.path[k - 1]!, v) * m.stepS;
      const onNode = this.nodesAt[v]![0];
      if (onNode === undefined) continue;
      const { x, y } = this.toMap(nodes[onNode]!.position[0], nodes[onNode]!.position[1]);
      intermediatePath.push({ x, y, etaMs: Math.round(nowMs + ((atS - this.sim.now) * 1000) / rate) });
    }
    return intermediatePath.length > 0 ? { plannedPath, intermediatePath } : { plannedPath };
  }

  private addAction(i: number, a: ActionStateReport): void {
    const list = this.actions[i]!;
    list.push(a);
    if (list.length > ACTIONS_KEPT) list.shift();
  }

  private addError(i: number, e: ErrorReport): void {
    const list = this.errors[i]!;
    list.push(e);
    if (list.length > ACTIONS_KEPT) list.shift();
  }
}
