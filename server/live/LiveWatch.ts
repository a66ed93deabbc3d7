/**
 * The server's watch on the live fleet: the same {@link LiveEngine} the page's telemetry worker runs, connected with
 * the server's own MQTT identity whether or not a browser is open, on the scene the server is set to (its map
 * placement and lane network). It ticks once a second (silent vehicles turn stale, held releases go out when due)
 * and stores every new or changed audit entry in the database. A broker that is down at start is tried again
 * every few seconds; once connected, mqtt.js reconnects by itself. With a {@link Recorder}, every message off the
 * wire is recorded, and the recorder ticks with the watch; with {@link KpiMinutes}, each tick's fleet feeds the
 * minute-by-minute history; with {@link SharedAlerts}, the control room's alert book.
 */
import { sceneMaps } from '../../src/domain/mapPlacement';
import { packedLength, type FrameLayout } from '../../src/domain/packedFrame';
import type { Scene } from '../../src/domain/sceneSchema';
import { LiveEngine, type LiveSnapshot } from '../../src/telemetry/live/LiveEngine';
import type { VehicleDetail } from '../../src/telemetry/vehicleRow';
import type { TrafficPack } from '../../src/telemetry/FleetFeed';
import { trafficInputBytes } from '../../src/domain/trafficFrame';
import type { AuditEntry, OperatorCommand } from '../../src/telemetry/live/operatorCommands';
import type { AuditStore } from '../audit/AuditStore';
import type { BrokerSettings } from '../config';
import type { Recorder } from '../recording/Recorder';
import type { KpiMinutes } from '../kpi/KpiMinutes';
import type { SharedAlerts } from '../alerts/SharedAlerts';

export type WatchStatus = 'connecting' | 'connected';

const TICK_MS = 1000;
const RETRY_MS = 5000;
/** Most vehicles the server tracks (the page's live console draws at most as many). */
const CAPACITY = 5000;
const STALE_AFTER_MS = 35_000;

export interface WatchLog {
  info(o: object, msg: string): void;
  warn(o: object, msg: string): void;
  error(o: object, msg: string): void;
}

/** What else each tick of the watch feeds. */
export interface WatchFeeds {
  readonly recorder?: Recorder;
  readonly kpi?: KpiMinutes;
  readonly alerts?: SharedAlerts;
}

export class LiveWatch {
  private readonly engine = new LiveEngine();
  /** The packed frame's shape (the page's live console draws as many); fixed by the scene. */
  readonly layout: FrameLayout;
  private frame: Float32Array | undefined;
  /** The buffer the fleet is packed into for the consoles' traffic prediction, in the layout last asked for. */
  private traffic: { readonly buffer: ArrayBuffer; readonly capacity: number; readonly routeCap: number } | undefined;
  private connected = false;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** What the database holds of each entry still in the engine's log (`result|detail`), to store only changes. */
  private readonly stored = new Map<string, string>();
  private saving: Promise<void> = Promise.resolve();
  private readonly auditListeners = new Set<(entries: readonly AuditEntry[]) => void>();

  constructor(
    private readonly broker: BrokerSettings,
    private readonly scene: Scene,
    private readonly audit: AuditStore,
    private readonly log: WatchLog,
    private feeds: WatchFeeds = {},
  ) {
    this.layout = { agvCapacity: CAPACITY, truckCapacity: 0, facilityCount: scene.facilities.length };
  }

  start(): void {
    const recorder = this.feeds.recorder;
    if (recorder) {
      this.engine.tap((topic, payload, nowMs) => recorder.record(topic, payload, nowMs));
    }
    void this.connect();
  }

  /**
   * What the ticks feed from now on: the leading instance feeds its recorder, KPI minutes and alert book, one
   * standing by none of them (cluster/Leadership.ts). The recorder given at construction keeps its tap on the wire;
   * it records only while started.
   */
  setFeeds(feeds: WatchFeeds): void {
    this.feeds = feeds;
  }

  status(): WatchStatus {
    return this.connected && this.engine.snapshot(false).status === 'live' ? 'connected' : 'connecting';
  }

  /** Sends an operator's command as `who`, stores the entry once the broker has answered, and returns it. */
  async command(vehicle: string, c: OperatorCommand, who: string): Promise<AuditEntry> {
    const entry = await this.engine.command(vehicle, c, who);
    await this.save();
    return { ...entry };
  }

  /** Calls `listener` with the audit entries each save stored (new, or with a new result); returns the way to stop. */
  subscribeAudit(listener: (entries: readonly AuditEntry[]) => void): () => void {
    this.auditListeners.add(listener);
    return () => this.auditListeners.delete(listener);
  }

  /**
   * Packs the fleet now (silent vehicles turn stale, due releases go out) and returns the packed frame (owned by
   * the watch: read it before the next call) with the time it was packed; undefined before the first connection.
   */
  pack(): { readonly frame: Float32Array; readonly atMs: number } | undefined {
    if (!this.connected || !this.frame) return undefined;
    return { frame: this.frame, atMs: this.engine.advance() * 1000 };
  }

  /** The fleet's counts and the wire's figures, without the audit log (the server keeps that in its database). */
  fleet(): LiveSnapshot {
    return this.engine.snapshot(false);
  }

  /**
   * The fleet packed for traffic prediction in a console's layout (`capacity` AGVs, `routeCap` route nodes each,
   * domain/trafficFrame.ts), with the pack's keys, round and clock; undefined before the first connection. The bytes
   * are the watch's own buffer: send or copy them before the next call.
   */
  trafficPack(capacity: number, routeCap: number): { readonly pack: TrafficPack; readonly bytes: Uint8Array } | undefined {
    if (!this.connected) return undefined;
    const size = trafficInputBytes(capacity, routeCap);
    const t = this.traffic;
    if (!t || t.capacity !== capacity || t.routeCap !== routeCap) {
      const buffer = new ArrayBuffer(size);
      this.engine.attachTraffic(buffer, capacity, routeCap);
      this.traffic = { buffer, capacity, routeCap };
    }
    return { pack: this.engine.packTraffic(), bytes: new Uint8Array(this.traffic!.buffer) };
  }

  /** Everything known of one vehicle, for a console's panel. */
  vehicle(key: string): VehicleDetail | undefined {
    return this.engine.vehicle(key);
  }

  /** Vehicles heard so far, by key. */
  vehicles(): readonly string[] {
    return this.engine.snapshot(false).vehicles.map((v) => v.key);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.engine.disconnect();
    this.engine.tap(undefined);
    await this.save();
    await this.feeds.alerts?.settled();
    await this.feeds.recorder?.close(Date.now());
  }

  private async connect(): Promise<void> {
    const s = this.scene;
    try {
      const layout = await this.engine.connect({
        url: this.broker.url,
        username: this.broker.username ?? '',
        password: this.broker.password ?? '',
        maps: sceneMaps(s),
        capacity: CAPACITY,
        staleAfterMs: STALE_AFTER_MS,
        facilityCount: s.facilities.length,
        laneNodes: s.lanes.nodes,
        laneNetwork: { nodes: s.lanes.nodes, edges: s.lanes.edges, agvMaxSpeedMps: s.fleet.agv.maxSpeedMps.value },
      });
      if (this.closed) return this.engine.disconnect();
      this.frame = new Float32Array(packedLength(layout));
      this.engine.attach(this.frame);
      this.connected = true;
      this.log.info({ broker: this.broker.url, canCommand: this.engine.snapshot(false).canCommand }, 'watching the live fleet');
      this.schedule(TICK_MS, () => this.tick());
    } catch (e) {
      if (this.closed) return;
      this.log.warn({ broker: this.broker.url, reason: (e as Error).message, retryS: RETRY_MS / 1000 }, 'live fleet not reachable');
      this.schedule(RETRY_MS, () => void this.connect());
    }
  }

  private tick(): void {
    this.engine.advance();
    void this.save();
    const now = Date.now();
    const { recorder, kpi, alerts } = this.feeds;
    void recorder?.tick(now);
    const snapshot = this.engine.snapshot(false);
    alerts?.observe({ status: snapshot.status, fleet: snapshot }, now);
    kpi?.observe(snapshot, now).catch((err: unknown) => this.log.error({ err }, 'KPI minute not stored'));
    this.schedule(TICK_MS, () => this.tick());
  }

  private schedule(ms: number, f: () => void): void {
    if (this.closed) return;
    this.timer = setTimeout(f, ms);
    this.timer.unref?.();
  }

  /** Stores the audit entries that are new or have changed since last time, one save at a time. */
  private save(): Promise<void> {
    this.saving = this.saving.then(async () => {
      const log = this.engine.auditLog();
      const live = new Set<string>();
      const stored: AuditEntry[] = [];
      for (const e of log) {
        live.add(e.id);
        const sig = `${e.result}|${e.detail ?? ''}`;
        if (this.stored.get(e.id) === sig) continue;
        try {
          await this.audit.put(e);
          this.stored.set(e.id, sig);
          stored.push({ ...e });
        } catch (err) {
          this.log.error({ err, id: e.id }, 'audit entry not stored (tried again next tick)');
        }
      }
      for (const id of this.stored.keys()) if (!live.has(id)) this.stored.delete(id);
      if (stored.length > 0) for (const l of this.auditListeners) l(stored);
    });
    return this.saving;
  }
}
