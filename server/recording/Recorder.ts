/**
 * Records every message of the live feed as it came off the wire into MCAP segments under
 * `<data>/recordings/<day>/`, one an hour or by size (data/server.json `recordings`), each indexed in the database.
 * The file grows as chunks close (McapRecorder's sink), and the open chunk is flushed every `flushS`, so a server
 * killed mid-segment leaves a file that replays up to the kill; the next start marks that segment `cut` and
 * records into a new one. Old segments go by age and by total size. A write that fails (a full disk) stops
 * recording with an error in the log and in health; it never takes the server down.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import settings from '../../data/server.json' with { type: 'json' };
import { McapRecorder } from '../../src/telemetry/recording/McapRecorder';
import type { RecordingStore, Segment } from './RecordingStore';

export interface RecorderLog {
  info(o: object, msg: string): void;
  error(o: object, msg: string): void;
}

export interface RecorderOptions {
  readonly segmentMs: number;
  readonly segmentBytes: number;
  readonly keepMs: number;
  readonly keepBytes: number;
  /** Writes bytes to an open file (fs.writeSync by default; a test makes it fail as a full disk does). */
  readonly write?: (fd: number, bytes: Uint8Array) => void;
}

export const RECORDING_DEFAULTS: RecorderOptions = {
  segmentMs: settings.recordings.segmentS * 1000,
  segmentBytes: settings.recordings.segmentBytes,
  keepMs: settings.recordings.keepDays * 86_400_000,
  keepBytes: settings.recordings.keepBytes,
};

interface Open {
  readonly segment: Segment;
  readonly fd: number;
  readonly recorder: McapRecorder;
}

const NS_PER_MS = 1_000_000n;
/** After a failed write, recording is tried again a minute later (a full disk may have been cleared). */
const RETRY_MS = 60_000;
const pad = (n: number) => String(n).padStart(2, '0');

export class Recorder {
  private open: Open | undefined;
  private failure: string | undefined;
  private failedAtMs = 0;
  private lastMs = 0;
  private saving: Promise<void> = Promise.resolve();
  private readonly write: (fd: number, bytes: Uint8Array) => void;

  constructor(
    private readonly dir: string,
    private readonly store: RecordingStore,
    private readonly log: RecorderLog,
    private readonly options: RecorderOptions = RECORDING_DEFAULTS,
  ) {
    this.write = options.write ?? ((fd, bytes) => void writeSync(fd, bytes));
  }

  /** Marks what a killed server left as cut, and opens a new segment. */
  async start(nowMs: number): Promise<void> {
    for (const s of await this.store.cutLeftovers()) {
      const bytes = fileSize(join(this.dir, s.file));
      await this.store.update(s.id, { endMs: s.endMs, messages: s.messages, bytes, state: 'cut' });
      this.log.info({ file: s.file, bytes }, 'recording segment cut by the last stop: it replays up to the cut');
    }
    await this.openSegment(nowMs);
  }

  /** True while messages are being written. */
  recording(): boolean {
    return this.open !== undefined;
  }

  /** Why recording stopped, if it stopped on an error. */
  problem(): string | undefined {
    return this.failure;
  }

  /** Records one message as it came off the wire (called for every message: synchronous, never throws). */
  record(topic: string, payload: Uint8Array, nowMs: number): void {
    const open = this.open;
    if (!open) return;
    this.lastMs = nowMs;
    try {
      open.recorder.record(topic, BigInt(Math.round(nowMs)) * NS_PER_MS, payload);
    } catch (e) {
      this.fail(e);
    }
  }

  /** Once a second: flushes the open chunk, updates the index, rotates the segment when due, enforces retention. */
  tick(nowMs: number): Promise<void> {
    this.saving = this.saving.then(() => this.step(nowMs)).catch((e: unknown) => this.log.error({ err: e }, 'recording index not updated'));
    return this.saving;
  }

  async close(nowMs: number): Promise<void> {
    await this.saving;
    await this.closeSegment(nowMs);
  }

  private async step(nowMs: number): Promise<void> {
    const open = this.open;
    if (!open) {
      // Stopped on a failed write: try again after RETRY_MS, once retention has made what room it can.
      if (this.failure !== undefined && nowMs - this.failedAtMs >= RETRY_MS) {
        this.failedAtMs = nowMs;
        await this.sweep(nowMs);
        await this.openSegment(nowMs);
      }
      return;
    }
    try {
      open.recorder.flush();
    } catch (e) {
      this.fail(e);
      return;
    }
    const { segment, recorder } = open;
    const due =
      Math.floor(nowMs / this.options.segmentMs) !== Math.floor(segment.startMs / this.options.segmentMs) || recorder.bytes >= this.options.segmentBytes;
    if (due) {
      await this.closeSegment(nowMs);
      await this.openSegment(nowMs);
      await this.sweep(nowMs);
      return;
    }
    await this.store.update(segment.id, { endMs: nowMs, messages: recorder.messages, bytes: recorder.bytes, state: 'recording' });
  }

  private async openSegment(nowMs: number): Promise<void> {
    const d = new Date(nowMs);
    const id = randomUUID();
    const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const file = `${day}/${pad(d.getUTCHours())}-${pad(d.getUTCMinutes())}-${pad(d.getUTCSeconds())}-${id.slice(0, 8)}.mcap`;
    const path = join(this.dir, file);
    try {
      mkdirSync(dirname(path), { recursive: true });
      const fd = openSync(path, 'wx');
      const recorder = new McapRecorder({ library: 'smart-gate-twin server', sink: (bytes) => this.write(fd, bytes) });
      const segment: Segment = { id, file, startMs: nowMs, endMs: nowMs, messages: 0, bytes: recorder.bytes, state: 'recording' };
      await this.store.add(segment);
      this.open = { segment, fd, recorder };
      this.failure = undefined;
      this.log.info({ file }, 'recording the live feed');
    } catch (e) {
      this.fail(e);
    }
  }

  private async closeSegment(nowMs: number): Promise<void> {
    const open = this.open;
    if (!open) return;
    this.open = undefined;
    const { segment, fd, recorder } = open;
    let state: Segment['state'] = 'complete';
    try {
      recorder.finish();
    } catch (e) {
      state = 'cut';
      this.fail(e);
    } finally {
      closeSync(fd);
    }
    await this.store.update(segment.id, { endMs: nowMs, messages: recorder.messages, bytes: fileSize(join(this.dir, segment.file)), state });
  }

  /** Deletes segments older than the age limit, then the oldest while the total passes the size limit. */
  private async sweep(nowMs: number): Promise<void> {
    const done = (await this.store.list()).filter((s) => s.state !== 'recording');
    let total = done.reduce((n, s) => n + s.bytes, 0) + (this.open?.recorder.bytes ?? 0);
    for (const s of done) {
      const old = s.endMs < nowMs - this.options.keepMs;
      if (!old && total <= this.options.keepBytes) break;
      rmSync(join(this.dir, s.file), { force: true });
      await this.store.remove(s.id);
      total -= s.bytes;
      this.log.info({ file: s.file, reason: old ? 'age' : 'size' }, 'recording segment deleted');
    }
  }

  /** Stops recording on a failed write (ENOSPC: a full disk), keeping what is on disk; the server runs on. */
  private fail(e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.failure = `recording stopped: ${message}`;
    this.failedAtMs = this.lastMs;
    this.log.error({ err: e }, 'recording stopped');
    const open = this.open;
    this.open = undefined;
    if (open) {
      closeSync(open.fd);
      void this.store
        .update(open.segment.id, {
          endMs: Math.max(open.segment.startMs, this.lastMs),
          messages: open.recorder.messages,
          bytes: fileSize(join(this.dir, open.segment.file)),
          state: 'cut',
        })
        .catch((err: unknown) => this.log.error({ err }, 'recording index not updated'));
    }
  }
}

/** Bytes on disk; 0 for a file that is not there (deleted by hand, or never written). */
function fileSize(path: string): number {
  return statSync(path, { throwIfNoEntry: false })?.size ?? 0;
}
