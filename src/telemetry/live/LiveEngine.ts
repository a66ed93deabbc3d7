/**
 * Live VDA 5050 telemetry, as the telemetry worker serves it: an MQTT client (mqtt.js, WebSocket in the browser,
 * TCP or WebSocket in Node) subscribed to every vehicle's `state`, `visualization` and `connection`, and to the
 * `order` master controls send it (another's, or the twin's own coming back: their blocking actions time the
 * vehicle's stops for traffic prediction), each message through the {@link MessageGate} into the {@link FleetTable}; frames packed into a buffer shared with the main
 * thread, like the simulation's; a snapshot (status, counts, drops by reason, latency) for the UI. It reconnects
 * by itself with a doubling back-off (1 s to 30 s) and keeps the last known fleet meanwhile, marked stale as the
 * vehicles fall silent.
 *
 * Vehicles may publish under any interface name (`uagv`, 3.0's `vda5050`; the broker's ACL grants both) and in any
 * 2.x or 3.x version; each is commanded under the interface name and in the exact version of its latest message,
 * since some vehicles accept only their own.
 *
 * Given the scene's lane network, the twin is the master control of the orders it sends ({@link OrderKeeper}): a
 * "drive to node" goes out on the quickest lane route, a few nodes released and the rest as horizon, and order
 * updates release more as the vehicle goes on (on its states, and on every pack, so a hold's end is released even
 * while the vehicle is silent); an operator's hold withholds those releases until its time. Without the lane
 * network, a drive order goes out released whole, from the vehicle's last node to the target.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { buildLaneGraph, type LaneGraph } from '../../domain/laneGraph';
import { laneShortestRoute } from '../../domain/laneShortestRoute';
import type { FrameLayout } from '../../domain/packedFrame';
import type { LaneEdge, LaneNode } from '../../domain/sceneSchema';
import { FleetFeed, type FeedCounts, type FleetFeedOptions, type TrafficPack } from '../FleetFeed';
import type { VehicleDetail } from '../vehicleRow';
import type { AgvReport, ReportHeader } from '../vda5050/agvReport';
import { encodeInstantAction, encodeOrder } from '../vda5050/encode';
import { MessageGate } from '../vda5050/MessageGate';
import { formatTopic } from '../vda5050/topic';
import { McapRecorder } from '../recording/McapRecorder';
import { RECORDING_LIMIT } from '../recording/recordingLimit';
import type { CommitmentOf } from '../traffic/packTraffic';
import {
  TWIN_ORDER_PREFIX,
  describeCommand,
  describeRelease,
  settleFromState,
  settleUpdateFromState,
  type AuditEntry,
  type OperatorCommand,
} from './operatorCommands';
import type { FanoutCounts } from '../fanout/FanoutEngine';
import { OrderKeeper, type KeeperUpdate, type KeptCommitment } from './OrderKeeper';

export interface LiveConnectOptions extends FleetFeedOptions {
  /** `ws://127.0.0.1:9001` in the browser; `mqtt://` works in Node too. */
  readonly url: string;
  readonly username: string;
  readonly password: string;
  /** The scene's lane network and the AGVs' top speed: with them the twin routes its orders and keeps releasing them. */
  readonly laneNetwork?: { readonly nodes: readonly LaneNode[]; readonly edges: readonly LaneEdge[]; readonly agvMaxSpeedMps: number };
}

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'error';

export interface LiveSnapshot extends FeedCounts {
  readonly status: LiveStatus;
  readonly error?: string;
  /** Times the connection was lost and made again. */
  readonly reconnects: number;
  /** Whether the broker lets this user publish commands (probed at login). */
  readonly canCommand: boolean;
  readonly audit: readonly AuditEntry[];
  /** Present when the fleet comes through the control-room server (telemetry/fanout): the fan-out's own counts. */
  readonly fanout?: FanoutCounts;
}

/** A probe no vehicle listens to: publishing it (empty actions) shows whether the ACL lets this user command. */
const PROBE_TOPIC = 'uagv/v2/twin/permission-probe/instantActions';

/** Any interface name: the broker's ACL decides which the twin sees. */
const TOPICS = ['+/+/+/+/state', '+/+/+/+/visualization', '+/+/+/+/connection', '+/+/+/+/order'];
const NS_PER_MS = 1_000_000n;
/**
 * Audit entries kept in memory, so that a tab or a server open for weeks does not grow without end (assumption: at a
 * command or release every 10 s, more than 5 hours); the control-room server stores every one in its database.
 */
export const AUDIT_KEPT = 2000;
const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30_000;

export class LiveEngine {
  private client: MqttClient | undefined;
  private feed: FleetFeed | undefined;
  private status: LiveStatus = 'connecting';
  private error: string | undefined;
  private reconnects = 0;
  private user = '';
  private canCommand = false;
  private readonly audit: AuditEntry[] = [];
  /** Sent commands still waiting for the vehicle's answer: the only ones a state message is checked against. */
  private pending: AuditEntry[] = [];
  private commandCount = 0;
  private headerCount = 0;
  private recorder: McapRecorder | undefined;
  /** Each vehicle's latest accepted header: the interface name and exact version to command it in. */
  private readonly speaks = new Map<string, ReportHeader>();
  private recorded = 0;
  private listener: ((topic: string, payload: Uint8Array, nowMs: number) => void) | undefined;
  private orders: { readonly keeper: OrderKeeper; readonly graph: LaneGraph; readonly maxSpeedMps: number } | undefined;
  /** Holds waiting for their end, by audit entry id. */
  private readonly holds = new Map<string, AuditEntry>();
  /** Order updates sent and not yet confirmed by the vehicle's state. */
  private updates: { readonly entry: AuditEntry; readonly orderId: string; readonly orderUpdateId: number }[] = [];
  private readonly kept: KeptCommitment = { holdNode: -1, holdUntilMs: Number.NaN };
  /** The keeper's orders for the traffic packer, by table index (no allocation per vehicle). */
  private readonly commitmentOf: CommitmentOf = (i, out) => {
    const key = this.feed?.table.keys[i];
    if (key === undefined || !this.orders?.keeper.commitment(key, this.kept)) return false;
    out.holdNode = this.kept.holdNode;
    out.holdUntilS = this.kept.holdUntilMs / 1000;
    return true;
  };

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Connects and subscribes; resolves with the frame layout once the broker has accepted us, rejects with a
   * message naming the cause (wrong user or password, broker unreachable) when the first attempt fails.
   */
  connect(o: LiveConnectOptions): Promise<FrameLayout> {
    this.disconnect();
    const feed = new FleetFeed(o);
    this.feed = feed;
    this.speaks.clear();
    this.holds.clear();
    this.updates = [];
    const lanes = o.laneNetwork;
    this.orders = lanes && {
      keeper: new OrderKeeper(lanes.nodes, lanes.edges),
      graph: buildLaneGraph(lanes.nodes, lanes.edges),
      maxSpeedMps: lanes.agvMaxSpeedMps,
    };
    this.status = 'connecting';
    const client = mqtt.connect(o.url, {
      username: o.username,
      password: o.password,
      protocolVersion: 5,
      reconnectPeriod: FIRST_RETRY_MS,
      connectTimeout: 10_000,
    });
    this.client = client;
    client.on('message', (topic, payload) => this.receive(topic, payload));
    client.on('close', () => {
      if (this.status === 'live') this.status = 'reconnecting';
      client.options.reconnectPeriod = Math.min(LAST_RETRY_MS, (client.options.reconnectPeriod ?? FIRST_RETRY_MS) * 2);
    });
    client.on('connect', () => {
      if (this.status === 'reconnecting') this.reconnects++;
      client.options.reconnectPeriod = FIRST_RETRY_MS;
      this.status = 'live';
      this.error = undefined;
    });
    this.user = o.username;
    this.canCommand = false;
    return new Promise((resolve, reject) => {
      client.once('connect', () => {
        client.subscribe(TOPICS, { qos: 0 }, (err) => {
          if (err) {
            reject(new Error(`subscribing to the vehicles' topics failed: ${err.message}`));
            return;
          }
          const probe = JSON.stringify({
            headerId: 0,
            timestamp: new Date(this.now()).toISOString(),
            version: '2.1.0',
            manufacturer: 'twin',
            serialNumber: 'permission-probe',
            actions: [],
          });
          client.publishAsync(PROBE_TOPIC, probe, { qos: 1 }).then(
            () => {
              this.canCommand = true;
              resolve(feed.layout);
            },
            () => resolve(feed.layout),
          );
        });
      });
      const fail = (message: string) => {
        if (this.status !== 'connecting') return;
        this.status = 'error';
        this.error = message;
        client.end(true);
        reject(new Error(message));
      };
      client.once('error', (err) => fail(describe(err, o.url)));
      client.once('close', () => fail(`no broker answers at ${o.url}`));
    });
  }

  /** The buffer frames are packed into (length `packedLength` of the layout). */
  attach(buffer: Float32Array): void {
    if (!this.feed) throw new Error('not connected: call connect() first');
    this.feed.attach(buffer);
  }

  /** The buffer the fleet is packed into for traffic prediction (shared with the planner and collision workers). */
  attachTraffic(buffer: ArrayBufferLike, capacity: number, routeCap: number): void {
    if (!this.feed) throw new Error('not connected: call connect() first');
    this.feed.attachTraffic(buffer, capacity, routeCap);
  }

  /** Packs the fleet now (wall clock) into the traffic buffer; the keys are the vehicles in input order. */
  packTraffic(): TrafficPack {
    if (!this.feed) throw new Error('not connected: call connect() and attachTraffic() first');
    const nowMs = this.now();
    this.releaseDue(nowMs);
    return this.feed.packTraffic(nowMs, nowMs / 1000, this.commitmentOf);
  }

  /** Marks silent AGVs stale and packs the current fleet into the attached buffer; returns the clock (s). */
  advance(): number {
    if (!this.feed) throw new Error('not connected: call connect() and attach() first');
    const nowMs = this.now();
    this.releaseDue(nowMs);
    this.feed.pack(nowMs, nowMs / 1000);
    return nowMs / 1000;
  }

  /** Everything known of one vehicle, for its panel. */
  vehicle(key: string): VehicleDetail | undefined {
    return this.feed?.vehicle(key);
  }

  /** The feed's state; `withAudit` false leaves the audit log out (the control-room server stores it elsewhere). */
  snapshot(withAudit = true): LiveSnapshot {
    const counts = this.feed?.counts() ?? EMPTY_COUNTS;
    return {
      ...counts,
      status: this.status,
      ...(this.error === undefined ? {} : { error: this.error }),
      reconnects: this.reconnects,
      canCommand: this.canCommand,
      audit: withAudit ? this.audit.map((e) => ({ ...e })) : [],
    };
  }

  /**
   * Sends an operator's command to vehicle `key` (`manufacturer/serial`) as `instantActions` or `order`, in the
   * version it speaks, and records it in the audit log; resolves with the entry once the broker has answered
   * (sent, or refused). The vehicle's answer settles the entry later, from its states. A drive order that finds
   * no lane route, and a hold the keeper refuses, fail at once with the reason; nothing is sent. `who` is the
   * person in the audit log: the MQTT user by default, the signed-in user where the control-room server sends it.
   */
  async command(key: string, c: OperatorCommand, who: string = this.user): Promise<AuditEntry> {
    const table = this.feed?.table;
    const client = this.client;
    const i = table ? table.keys.indexOf(key) : -1;
    const speaks = this.speaks.get(key);
    const nowMs = this.now();
    const id = `${TWIN_ORDER_PREFIX}${who}-${nowMs}-${++this.commandCount}`;
    const entry: AuditEntry = { id, who, atMs: nowMs, vehicle: key, what: describeCommand(c), result: 'sent' };
    this.log(entry);
    if (!client || i < 0 || !speaks) {
      entry.result = 'failed to send';
      entry.detail = client ? 'no message from this vehicle yet' : 'not connected';
      return entry;
    }
    if (c.kind === 'hold') {
      const held = this.orders
        ? this.orders.keeper.hold(key, c.nodeId, c.untilMs, id, nowMs)
        : { ok: false as const, reason: 'the twin knows no lane network here' };
      if (held.ok) this.holds.set(id, entry);
      else fail(entry, held.reason);
      return entry;
    }
    let message;
    if (c.kind !== 'goto') message = encodeInstantAction(this.header(key, nowMs), c.kind, id);
    else if (!this.orders) {
      const state = table!.latest[i];
      message = encodeOrder(this.header(key, nowMs), {
        orderId: id,
        orderUpdateId: 0,
        nodes: [...(state?.lastNodeId ? [{ nodeId: state.lastNodeId }] : []), { nodeId: c.nodeId }],
      });
    } else {
      const { keeper, graph, maxSpeedMps } = this.orders;
      const state = table!.latest[i];
      const from = state?.lastNodeId ?? this.nearestNode(table!.x[i]!, table!.y[i]!);
      // A vehicle driving on is past its last node already: the route goes by the node it drives to.
      const next = state?.driving ? state.nodeStates[0]?.nodeId : undefined;
      const route =
        from === undefined
          ? { ok: false as const, reason: 'the vehicle has not said where it is' }
          : laneShortestRoute(graph, from, c.nodeId, maxSpeedMps, next);
      if (!route.ok) {
        fail(entry, route.reason);
        return entry;
      }
      message = encodeOrder(this.header(key, nowMs), keeper.order(key, id, route));
    }
    // Waiting for the vehicle's answer from now: it may come in the same read from the socket as the broker's ack.
    this.pending.push(entry);
    try {
      await client.publishAsync(this.topicOf(key, c.kind === 'goto' ? 'order' : 'instantActions'), JSON.stringify(message), { qos: 1 });
    } catch (e) {
      this.pending = this.pending.filter((p) => p !== entry);
      if (c.kind === 'goto') this.orders?.keeper.forget(key);
      this.settleHolds();
      const code = (e as { code?: number }).code;
      entry.result = code === 135 ? 'refused by the broker' : 'failed to send';
      entry.detail = code === 135 ? 'this user may not publish commands (not authorised)' : e instanceof Error ? e.message : String(e);
    }
    return entry;
  }

  /** Records every message from now on as it came off the wire (dropped ones too), stamped with its arrival. */
  startRecording(): void {
    if (this.recorder) throw new Error('already recording');
    this.recorder = new McapRecorder({ library: 'smart-gate-twin' });
    this.recorded = 0;
  }

  /** Messages recorded so far (at most {@link RECORDING_LIMIT}). */
  recordedMessages(): number {
    return this.recorded;
  }

  stopRecording(): Uint8Array<ArrayBuffer> {
    const recorder = this.recorder;
    if (!recorder) throw new Error('not recording');
    this.recorder = undefined;
    return recorder.finish();
  }

  disconnect(): void {
    this.client?.end(true);
    this.client = undefined;
  }

  /**
   * Hands every message to `listener` as it comes off the wire, before anything checks it (the control-room
   * server's recorder); `undefined` stops. The listener must not throw.
   */
  tap(listener: ((topic: string, payload: Uint8Array, nowMs: number) => void) | undefined): void {
    this.listener = listener;
  }

  private receive(topic: string, payload: Uint8Array): void {
    const nowMs = this.now();
    this.listener?.(topic, payload, nowMs);
    if (this.recorder && this.recorded < RECORDING_LIMIT) {
      this.recorder.record(topic, BigInt(Math.round(nowMs)) * NS_PER_MS, payload);
      this.recorded++;
    }
    const d = this.feed?.receive(topic, payload, nowMs);
    // An order's header is its master control's: the vehicle is answered in what it speaks itself.
    if (d === undefined || d.kind === 'dropped' || d.kind === 'order') return;
    this.speaks.set(d.report.key, d.report);
    if (d.kind !== 'state') return;
    if (this.pending.length > 0 || this.updates.length > 0) this.settle(d.report);
    if (this.orders) {
      this.sendUpdates(this.orders.keeper.state(d.report.key, d.report, nowMs), nowMs);
      this.settleHolds();
    }
  }

  private settle(state: AgvReport): void {
    for (const entry of this.pending) if (entry.vehicle === state.key) settleFromState(entry, state);
    this.pending = this.pending.filter((e) => e.result === 'sent');
    for (const u of this.updates) if (u.entry.vehicle === state.key) settleUpdateFromState(u.entry, u.orderId, u.orderUpdateId, state);
    this.updates = this.updates.filter((u) => u.entry.result === 'sent');
  }

  /**
   * The audit log as it stands, entries changing in place as vehicles answer (no copy: the control-room server reads
   * it every tick to store what changed). At most {@link AUDIT_KEPT} entries: the oldest settled ones go first.
   */
  auditLog(): readonly Readonly<AuditEntry>[] {
    return this.audit;
  }

  private log(entry: AuditEntry): void {
    this.audit.push(entry);
    if (this.audit.length <= AUDIT_KEPT) return;
    const settled = this.audit.findIndex((e) => e.result !== 'sent');
    this.audit.splice(settled < 0 ? 0 : settled, 1);
  }

  /** Sends the releases due at `nowMs` (holds that have ended). */
  private releaseDue(nowMs: number): void {
    if (!this.orders) return;
    this.sendUpdates(this.orders.keeper.tick(nowMs), nowMs);
    this.settleHolds();
  }

  /** Publishes the keeper's order updates, each into the audit log under the logged-in user. */
  private sendUpdates(updates: readonly KeeperUpdate[], nowMs: number): void {
    for (const u of updates) {
      const { orderId, orderUpdateId } = u.order;
      const entry: AuditEntry = {
        id: `${orderId}/${orderUpdateId}`,
        who: this.user,
        atMs: nowMs,
        vehicle: u.key,
        what: describeRelease(u.releasedUpTo, orderUpdateId),
        result: 'sent',
      };
      this.log(entry);
      const client = this.client;
      if (!client || !this.speaks.has(u.key)) {
        fail(entry, client ? 'no message from this vehicle yet' : 'not connected');
        continue;
      }
      const message = JSON.stringify(encodeOrder(this.header(u.key, nowMs), u.order));
      this.updates.push({ entry, orderId, orderUpdateId });
      client.publishAsync(this.topicOf(u.key, 'order'), message, { qos: 1 }).catch((e: unknown) => {
        entry.result = 'failed to send';
        entry.detail = e instanceof Error ? e.message : String(e);
      });
    }
  }

  /** Settles the audit entries of the holds the keeper has finished with. */
  private settleHolds(): void {
    for (const h of this.orders?.keeper.settled() ?? []) {
      const entry = this.holds.get(h.id);
      if (!entry) continue;
      this.holds.delete(h.id);
      entry.result = h.result;
      entry.detail = h.detail;
    }
  }

  /** A message header to vehicle `key` in the version it speaks (it has spoken: callers check). */
  private header(key: string, nowMs: number) {
    const { version, protocolVersion, manufacturer, serialNumber } = this.speaks.get(key)!;
    return { version, protocolVersion, manufacturer, serialNumber, headerId: ++this.headerCount, timestampMs: nowMs };
  }

  private topicOf(key: string, subtopic: 'order' | 'instantActions'): string {
    const { version, interfaceName, manufacturer, serialNumber } = this.speaks.get(key)!;
    return formatTopic({ interfaceName, majorVersion: version, manufacturer, serialNumber, subtopic });
  }

  /** The lane node nearest a zone-frame point, for a vehicle that has not named the node it stands on. */
  private nearestNode(x: number, y: number): string | undefined {
    let best: string | undefined;
    let bestD = Infinity;
    for (const n of this.orders?.graph.nodes ?? []) {
      const d = Math.hypot(n.position[0] - x, n.position[1] - y);
      if (d < bestD) {
        bestD = d;
        best = n.id;
      }
    }
    return best;
  }
}

/** The counts of a feed that has heard nothing yet. */
export const EMPTY_COUNTS: FeedCounts = {
  agvs: 0,
  stale: 0,
  received: 0,
  dropped: new MessageGate().dropped,
  recentDrops: [],
  latencyMs: 0,
  unknownMaps: [],
  vehicles: [],
  nearMisses: 0,
  contacts: 0,
  collisionEvents: [],
};

function fail(entry: AuditEntry, reason: string): void {
  entry.result = 'failed';
  entry.detail = reason;
}

/** mqtt.js errors in words an operator can act on. */
function describe(err: Error & { code?: number | string }, url: string): string {
  if (err.code === 134 || err.code === 135 || err.code === 4 || err.code === 5) return `the broker at ${url} refused the user name or password`;
  if (err.code === 'ECONNREFUSED') return `no broker answers at ${url}`;
  return `cannot connect to ${url}: ${err.message}`;
}
