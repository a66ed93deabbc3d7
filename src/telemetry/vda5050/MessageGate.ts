/**
 * The gate every VDA 5050 message passes before the twin believes it: decoding (size limit first), then per
 * vehicle and subtopic, a repeated `headerId` and a timestamp older than the last accepted one are dropped.
 *
 * Why these two: `connection` is retained and sent with QoS 1, so a reconnect or a redelivery hands us the same
 * message again (same headerId); and QoS 0 over Wi-Fi, or two bridges, can deliver an older state after a newer
 * one, which would make an AGV jump back. A headerId that goes down with a timestamp that goes up is a vehicle that
 * restarted and counts from 0 again: accepted. An `order` is not the vehicle's but a master control's (several
 * consoles may send, each counting its own headers): it is kept or ignored by its orderId and orderUpdateId
 * (`traffic/OrderActions`), not by its header, and only counts towards the vehicles tracked.
 *
 * At 20,000 messages a second the gate keeps one small typed array per vehicle and allocates nothing of its own
 * per message (decoding allocates the report). The number of vehicles is bounded, so a flood of invented serial
 * numbers cannot grow it without end.
 */
import { DEFAULT_MAX_BYTES, DROP_REASONS, decodeMessage, type Decoded, type DropReason, type DroppedMessage } from './decode';

export interface MessageGateOptions {
  /** Largest payload accepted, UTF-8 bytes; default 64 KiB. */
  readonly maxBytes?: number;
  /**
   * Most vehicles tracked; messages from further ones are dropped as `too-many-vehicles`. Default 10,000: a
   * hundred times the pilot's fleet, at 48 bytes each.
   */
  readonly maxVehicles?: number;
}

/** A dropped message as the diagnostics panel lists it; `topic` and `detail` come from the wire: show as text. */
export interface RecentDrop {
  readonly atMs: number;
  readonly topic: string;
  readonly reason: DropReason;
  readonly detail: string;
}

/** Drops kept for the diagnostics panel: enough to see a pattern, bounded under a flood. */
const RECENT_DROPS = 50;
/** Longest topic kept in a drop record (a hostile topic can be 64 KiB). */
const TOPIC_SHOWN = 200;

/** Slots per vehicle: last headerId and last timestamp of state, visualization and connection. */
const SLOT = { state: 0, visualization: 1, connection: 2 } as const;
const SLOTS = 3;

/**
 * Checks and counts messages; `received` always equals `accepted` plus the sum of `dropped`.
 *
 * @example
 * const gate = new MessageGate({ maxBytes: 32 * 1024 });
 * client.on('message', (topic, payload) => {
 *   const d = gate.admit(topic, payload, clock.now());
 *   if (d.kind !== 'dropped') frames.push(d);
 * });
 */
export class MessageGate {
  /** Messages offered to `admit`. */
  received = 0;
  /** Messages `admit` let through. */
  accepted = 0;
  /** Messages dropped, by reason. */
  readonly dropped: Record<DropReason, number>;

  private readonly maxBytes: number;
  private readonly maxVehicles: number;
  /** Per vehicle key: [headerId × 3 subtopics, timestampMs × 3 subtopics], NaN where nothing was accepted yet. */
  private readonly last = new Map<string, Float64Array>();
  /** Ring of the latest drops; `recentCount` counts every drop ever recorded into it. */
  private readonly recent: RecentDrop[] = [];
  private recentCount = 0;

  constructor(options: MessageGateOptions = {}) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.maxVehicles = options.maxVehicles ?? 10_000;
    this.dropped = Object.fromEntries(DROP_REASONS.map((r) => [r, 0])) as Record<DropReason, number>;
  }

  /** Decodes one message and decides whether the twin takes it; `receivedMs` is the caller's clock. */
  admit(topic: string, payload: Uint8Array | string, receivedMs: number): Decoded {
    this.received++;
    const d = decodeMessage(topic, payload, receivedMs, this.maxBytes);
    if (d.kind === 'dropped') return this.drop(d, topic, receivedMs);
    const { key, headerId, timestampMs } = d.report;
    let last = this.last.get(key);
    if (last === undefined) {
      if (this.last.size >= this.maxVehicles) {
        return this.drop({ kind: 'dropped', reason: 'too-many-vehicles', detail: `already tracking ${this.maxVehicles} vehicles` }, topic, receivedMs);
      }
      last = new Float64Array(2 * SLOTS).fill(Number.NaN);
      this.last.set(key, last);
    }
    if (d.kind === 'order') {
      this.accepted++;
      return d;
    }
    const slot = SLOT[d.kind];
    if (last[slot] === headerId) {
      return this.drop({ kind: 'dropped', reason: 'repeated-header', detail: `${d.kind} headerId ${headerId} again` }, topic, receivedMs);
    }
    const lastMs = last[SLOTS + slot]!;
    if (timestampMs < lastMs) {
      return this.drop(
        {
          kind: 'dropped',
          reason: 'out-of-order',
          detail: `${d.kind} timestamp ${lastMs - timestampMs} ms before the last accepted one`,
        },
        topic,
        receivedMs,
      );
    }
    last[slot] = headerId;
    last[SLOTS + slot] = timestampMs;
    this.accepted++;
    return d;
  }

  /** The latest dropped messages (at most 50), oldest first. */
  recentDrops(): RecentDrop[] {
    const n = this.recent.length;
    const start = this.recentCount % RECENT_DROPS;
    return n < RECENT_DROPS ? [...this.recent] : [...this.recent.slice(start), ...this.recent.slice(0, start)];
  }

  private drop(d: DroppedMessage, topic: string, atMs: number): Decoded {
    this.dropped[d.reason]++;
    const record: RecentDrop = { atMs, topic: topic.length > TOPIC_SHOWN ? `${topic.slice(0, TOPIC_SHOWN)}…` : topic, reason: d.reason, detail: d.detail };
    this.recent[this.recentCount++ % RECENT_DROPS] = record;
    return d;
  }
}
