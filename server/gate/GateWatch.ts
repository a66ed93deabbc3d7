/**
 * The server's watch on the gate's own event feed (domain/gateEvent.ts: barrier passes and scans under gate/v1/),
 * on the broker the live fleet uses, with the server's identity: each event checked (a bad one is counted and its
 * reason kept, never stored), a repeat (same event id) dropped, the rest counted into the zone's minute, and the
 * counts added to the database once a second. With a recorder, every message is recorded as it came. Subscribed as
 * a shared subscription (GATE_SHARED_FILTER): two server instances on one database each get a share of the events and
 * their counts add up; one gone, the broker gives the other all of them.
 */
import mqtt, { type MqttClient } from 'mqtt';
import settings from '../../data/server.json' with { type: 'json' };
import { GATE_SHARED_FILTER, parseGateEvent } from '../../src/domain/gateEvent';
import type { BrokerSettings } from '../config';
import type { WatchLog } from '../live/LiveWatch';
import type { Recorder } from '../recording/Recorder';
import { addCounts, EMPTY_COUNTS, type GateCounts, type GateStore } from './GateStore';

const FLUSH_MS = 1000;
/** Event ids remembered to drop repeats (data/server.json `gateFeed`, with the reason). */
const REMEMBERED_IDS = settings.gateFeed.rememberedEventIds;

export interface GateFeedStatus {
  readonly connected: boolean;
  readonly accepted: number;
  readonly repeated: number;
  readonly rejected: number;
  /** Why the last bad message was refused (its topic and the problem; wire text: show as text). */
  readonly lastProblem?: string;
}

export class GateWatch {
  private client: MqttClient | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly pending = new Map<string, { zone: string; minuteMs: number; counts: GateCounts }>();
  private readonly seen = new Set<string>();
  /** The remembered ids in arrival order, a ring: the oldest is forgotten first. */
  private readonly seenRing: (string | undefined)[] = new Array<string | undefined>(REMEMBERED_IDS);
  private seenAt = 0;
  private accepted = 0;
  private repeated = 0;
  private rejected = 0;
  private lastProblem: string | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly broker: BrokerSettings,
    private readonly store: GateStore,
    private readonly log: WatchLog,
    private readonly recorder?: Recorder,
  ) {}

  start(): void {
    const client = mqtt.connect(this.broker.url, {
      username: this.broker.username ?? '',
      password: this.broker.password ?? '',
      protocolVersion: 5,
      reconnectPeriod: 5000,
      clientId: `twin-server-gate-${Math.random().toString(36).slice(2, 10)}`,
    });
    this.client = client;
    client.on('connect', () => {
      client.subscribe(GATE_SHARED_FILTER, { qos: 1 }, (err) => {
        if (err) this.log.warn({ reason: err.message }, 'gate event feed not subscribed');
      });
    });
    client.on('error', (e) => this.log.warn({ reason: e.message }, 'gate event feed: broker error'));
    client.on('message', (topic, payload) => this.take(topic, payload, Date.now()));
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  status(): GateFeedStatus {
    return {
      connected: this.client?.connected === true,
      accepted: this.accepted,
      repeated: this.repeated,
      rejected: this.rejected,
      ...(this.lastProblem === undefined ? {} : { lastProblem: this.lastProblem }),
    };
  }

  /** One message off the wire at `nowMs`. */
  take(topic: string, payload: Uint8Array, nowMs: number): void {
    this.recorder?.record(topic, payload, nowMs);
    const r = parseGateEvent(topic, Buffer.from(payload).toString('utf8'));
    if (!r.ok) {
      this.rejected++;
      this.lastProblem = `${topic.slice(0, 200)}: ${r.problem}`;
      return;
    }
    const e = r.event;
    const key = `${e.facilityId}|${e.eventId}`;
    if (this.seen.has(key)) {
      this.repeated++;
      return;
    }
    this.remember(key);
    this.accepted++;
    const minuteMs = Math.floor(Date.parse(e.timestamp) / 60_000) * 60_000;
    const slot = `${e.zone}|${minuteMs}`;
    const p = this.pending.get(slot) ?? { zone: e.zone, minuteMs, counts: { ...EMPTY_COUNTS } };
    const c = p.counts as { -readonly [K in keyof GateCounts]: number };
    if (e.kind === 'barrier-pass') {
      if (e.direction === 'in') c.entered++;
      else c.cleared++;
    } else if (e.channel === 'green') c.scansGreen++;
    else if (e.channel === 'yellow') c.scansYellow++;
    else c.scansRed++;
    this.pending.set(slot, p);
  }

  /** Adds what was counted since the last flush to the database; what fails stays for the next. */
  flush(): Promise<void> {
    this.saving = this.saving.then(async () => {
      for (const [slot, p] of [...this.pending]) {
        this.pending.delete(slot);
        try {
          await this.store.add(p.zone, p.minuteMs, p.counts);
        } catch (err) {
          this.log.error({ err, zone: p.zone, minuteMs: p.minuteMs }, 'gate minute not stored (tried again next second)');
          const now = this.pending.get(slot);
          this.pending.set(slot, now ? { ...p, counts: addCounts(p.counts, now.counts) } : p);
        }
      }
    });
    return this.saving;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.client?.endAsync();
    await this.flush();
  }

  private remember(key: string): void {
    const old = this.seenRing[this.seenAt];
    if (old !== undefined) this.seen.delete(old);
    this.seenRing[this.seenAt] = key;
    this.seenAt = (this.seenAt + 1) % REMEMBERED_IDS;
    this.seen.add(key);
  }
}
