/**
 * A recording played back, as the replay worker serves it: the file opened through {@link openRecording} (its
 * index when sound, otherwise read forward up to the damage), every message through the same {@link FleetFeed}
 * as the live feed, on the recording's clock. Playing forward reads the next messages in order; a seek rebuilds
 * the fleet at the new time from the latest message of every topic at or before it (the reader's
 * `latestBefore`), so jumping to the end of an hour-long file costs one lookup per topic, not an hour of replay.
 *
 * Clock values cross the worker boundary as seconds since the Unix epoch (a float64 keeps microseconds there);
 * the recording's nanosecond `bigint`s stay inside.
 */
import type { FrameLayout } from '../../domain/packedFrame';
import { FleetFeed, type FeedCounts, type FleetFeedOptions, type TrafficPack } from '../FleetFeed';
import type { VehicleDetail } from '../vehicleRow';
import type { RecordingBytes } from '../recording/byteSource';
import { openRecording } from '../recording/openRecording';
import { httpRangeBlob, isHttpRangeRef, type HttpRangeRef } from '../recording/httpRange';
import { formatBytes, type RecordedMessage, type RecordingReader } from '../recording/RecordingReader';
import { findAlerts, type ReplayAlert } from './findAlerts';
import { recordingTruth, type RecordingTruth } from './recordingTruth';

export interface ReplayOpenOptions extends FleetFeedOptions {
  /**
   * The file: bytes, a `File` from the disk, the `Blob` of a fetched URL, or a recording on a server read by range
   * requests (its data-section CRC is not checked up front and its alerts are not scanned ahead, which would each
   * download the whole file; chunks are checked as they are read).
   */
  readonly source: RecordingBytes | HttpRangeRef;
  /** For messages: the file's name or address. */
  readonly name: string;
}

export interface ReplayInfo {
  readonly layout: FrameLayout;
  /** First and last message time (s since the epoch); both 0 for a recording without messages. */
  readonly startS: number;
  readonly endS: number;
  readonly messageCount: number;
  readonly topicCount: number;
  readonly alerts: readonly ReplayAlert[];
  /** Set for a damaged file: where reading stopped and why, in words; playback ends there. */
  readonly damage?: string;
  /** How the file is read (through its index, or forward), for the diagnostics. */
  readonly readBy: string;
}

export type ReplaySnapshot = FeedCounts;

const FEED_TOPIC = /\/(state|visualization|connection|order)$/;
const NS_PER_MS = 1_000_000n;
const NS_PER_US = 1000n;

const toNs = (s: number): bigint => BigInt(Math.round(s * 1e6)) * NS_PER_US;
const toMs = (ns: bigint): number => Number(ns / NS_PER_MS) + Number(ns % NS_PER_MS) / 1e6;

export class ReplayEngine {
  private reader: RecordingReader | undefined;
  private options: ReplayOpenOptions | undefined;
  private topics: readonly string[] = [];
  private feed: FleetFeed | undefined;
  private buffer: Float32Array | undefined;
  private traffic: { readonly buffer: ArrayBufferLike; readonly capacity: number; readonly routeCap: number } | undefined;
  /** Messages from the playhead on, and the first one not yet applied. */
  private cursor: AsyncGenerator<RecordedMessage, void, void> | undefined;
  private next: RecordedMessage | undefined;
  /** Log time of the last message applied (ns); reading forward from here continues, going back seeks. */
  private appliedNs = -1n;
  private startNs = 0n;
  private endNs = 0n;

  /** Opens the recording and scans it for alerts; never throws for a bad file (damage is reported instead). */
  async open(o: ReplayOpenOptions): Promise<ReplayInfo> {
    const source = o.source;
    const ranged = isHttpRangeRef(source);
    const { reader, info, why } = ranged ? await openRecording(httpRangeBlob(source), { verifyDataCrc: false }) : await openRecording(source);
    this.reader = reader;
    this.options = o;
    // What the live feed subscribes to: the fleet's messages and the orders sent to it (their actions time the stops);
    // `instantActions` are not fleet data.
    this.topics = info.topics.map((t) => t.topic).filter((t) => FEED_TOPIC.test(t));
    this.startNs = info.startNs ?? 0n;
    this.endNs = info.endNs ?? 0n;
    this.reset();
    const alerts = ranged ? [] : await findAlerts(reader, this.topics);
    const damage =
      info.damage &&
      `${o.name} is damaged: reading stopped at byte ${formatBytes(info.damage.stoppedAtByte)} (${info.damage.reason}); playback ends at the last message before it`;
    return {
      layout: this.feed!.layout,
      startS: toMs(info.startNs ?? 0n) / 1000,
      endS: toMs(info.endNs ?? 0n) / 1000,
      messageCount: info.messageCount,
      topicCount: info.topics.length,
      alerts,
      ...(damage ? { damage } : {}),
      readBy: ranged ? `${why}; by HTTP range requests (alerts not scanned ahead)` : why,
    };
  }

  /** The buffer frames are packed into (length `packedLength` of the layout). */
  attach(buffer: Float32Array): void {
    this.need().attach(buffer);
    this.buffer = buffer;
  }

  /** The buffer the fleet is packed into for traffic prediction; a seek's new fleet packs into it too. */
  attachTraffic(buffer: ArrayBufferLike, capacity: number, routeCap: number): void {
    this.need().attachTraffic(buffer, capacity, routeCap);
    this.traffic = { buffer, capacity, routeCap };
  }

  /** Packs the fleet at the playhead (the last `advanceTo` or `seek`) into the traffic buffer. */
  packTraffic(): TrafficPack {
    const feed = this.need();
    const ms = toMs(this.appliedNs < 0n ? this.startNs : this.appliedNs);
    return feed.packTraffic(ms, ms / 1000);
  }

  /**
   * Moves the playhead to `clockS` (s since the epoch) and packs the fleet there. Forward from the last call it
   * applies the messages in between; backwards it seeks. Returns the clock.
   */
  async advanceTo(clockS: number): Promise<number> {
    this.need();
    const targetNs = toNs(clockS);
    if (targetNs < this.appliedNs || !this.cursor) await this.rebuildAt(targetNs);
    else {
      while (this.next && this.next.logTimeNs <= targetNs) {
        this.apply(this.next);
        this.next = (await this.cursor.next()).value ?? undefined;
      }
    }
    this.appliedNs = targetNs;
    // After the loop: a rebuild replaced the feed.
    this.feed!.pack(toMs(targetNs), clockS);
    return clockS;
  }

  /** Rebuilds the fleet at `clockS` from the latest message of every topic, then packs it. */
  async seek(clockS: number): Promise<number> {
    await this.rebuildAt(toNs(clockS));
    return this.advanceTo(clockS);
  }

  /** Log time (s) of the first message after `clockS`, or undefined at the end: a step forward. */
  async nextTimeAfter(clockS: number): Promise<number | undefined> {
    const after = toNs(clockS) + 1n;
    for await (const m of this.reader!.messages({ start: after, topics: this.topics })) return toMs(m.logTimeNs) / 1000;
    return undefined;
  }

  /** Log time (s) of the last message before `clockS`, or undefined at the start: a step back. */
  async previousTimeBefore(clockS: number): Promise<number | undefined> {
    const before = toNs(clockS) - 1n;
    if (before < this.startNs) return undefined;
    let latest: bigint | undefined;
    for (const m of (await this.reader!.latestBefore(before, this.topics)).values())
      if (latest === undefined || m.logTimeNs > latest) latest = m.logTimeNs;
    return latest === undefined ? undefined : toMs(latest) / 1000;
  }

  /** What the recording shows over the hour after `clockS` (s since the epoch), to score a forecast; the playhead stays. */
  truthAfter(clockS: number): Promise<RecordingTruth> {
    this.need();
    return recordingTruth(this.reader!, this.topics, this.options!, toNs(clockS), this.endNs);
  }

  /** Everything known of one vehicle at the playhead, for its panel. */
  vehicle(key: string): VehicleDetail | undefined {
    return this.need().vehicle(key);
  }

  snapshot(): ReplaySnapshot {
    return this.need().counts();
  }

  private async rebuildAt(targetNs: bigint): Promise<void> {
    await this.cursor?.return(undefined);
    const latest = [...(await this.reader!.latestBefore(targetNs, this.topics)).values()].sort((a, b) =>
      a.logTimeNs < b.logTimeNs ? -1 : a.logTimeNs > b.logTimeNs ? 1 : 0,
    );
    // Reset only once the messages are read: a traffic pack asked for meanwhile sees the old fleet, not an empty one.
    this.reset();
    for (const m of latest) this.apply(m);
    this.cursor = this.reader!.messages({ start: targetNs + 1n, topics: this.topics });
    this.next = (await this.cursor.next()).value ?? undefined;
    this.appliedNs = targetNs;
  }

  private apply(m: RecordedMessage): void {
    this.feed!.receive(m.topic, m.data, toMs(m.logTimeNs));
  }

  /** A fresh fleet (a seek forgets what was seen), on the same frame and traffic buffers. */
  private reset(): void {
    this.feed = new FleetFeed(this.options!);
    if (this.buffer) this.feed.attach(this.buffer);
    if (this.traffic) this.feed.attachTraffic(this.traffic.buffer, this.traffic.capacity, this.traffic.routeCap);
    this.cursor = undefined;
    this.next = undefined;
    this.appliedNs = -1n;
  }

  private need(): FleetFeed {
    if (!this.feed) throw new Error('no recording: call open() first');
    return this.feed;
  }
}
