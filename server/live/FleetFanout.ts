/**
 * The live fleet fanned out to the consoles: the server subscribes once (its {@link LiveWatch}) and sends each
 * console the packed fleet as one binary frame per display frame, at most `fanout.frameHz` a second and only what
 * changed since the frame that console last received (src/telemetry/fanout/fleetDelta.ts), so a browser's work
 * no longer grows with the message rate. Twice a second every console also gets the fleet's counts and the wire's
 * figures as JSON. The packing runs only while a console is connected.
 *
 * A console that cannot keep up (more than `fanout.maxBufferedBytes` unsent) skips frames, each counted, until it
 * has caught up; its next frame then brings it to the present, since each is a delta from what it last received.
 */
import settings from '../../data/server.json' with { type: 'json' };
import { packedLength, type FrameLayout } from '../../src/domain/packedFrame';
import { DeltaEncoder } from '../../src/telemetry/fanout/fleetDelta';
import type { LiveSnapshot } from '../../src/telemetry/live/LiveEngine';

const FRAME_MS = 1000 / settings.fanout.frameHz;
const SNAPSHOT_MS = settings.fanout.snapshotS * 1000;
const MAX_BUFFERED = settings.fanout.maxBufferedBytes;

/** What the fan-out needs of the watch. */
export interface FanoutWatch {
  readonly layout: FrameLayout;
  pack(): { readonly frame: Float32Array; readonly atMs: number } | undefined;
  fleet(): LiveSnapshot;
}

/** What the fan-out needs of a console's socket (a `ws` WebSocket). */
export interface FanoutSocket {
  readonly bufferedAmount: number;
  send(data: Uint8Array | string): void;
}

/** Messages a console gets as text; the fleet frames themselves are binary. */
export type FanoutMessage =
  | { readonly type: 'hello'; readonly sceneId: string; readonly layout: FrameLayout; readonly frameHz: number }
  | {
      readonly type: 'snapshot';
      /** The fleet's counts without the audit log (the console reads that from the server's log). */
      readonly snapshot: LiveSnapshot;
      /** Frames this console skipped so far because it had not received the earlier ones yet. */
      readonly skippedFrames: number;
      readonly sentFrames: number;
    }
  | { readonly type: 'error'; readonly error: string };

interface Console {
  readonly socket: FanoutSocket;
  readonly encoder: DeltaEncoder;
  sent: number;
  skipped: number;
}

export interface FanoutStats {
  readonly consoles: number;
  readonly framesPacked: number;
  readonly framesSent: number;
  readonly framesSkipped: number;
  readonly bytesSent: number;
}

export class FleetFanout {
  private readonly consoles = new Set<Console>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private seq = 0;
  private lastSnapshotAt = -Infinity;
  private packed = 0;
  private sentTotal = 0;
  private skippedTotal = 0;
  private bytes = 0;

  constructor(
    private readonly watch: FanoutWatch,
    private readonly sceneId: string,
  ) {}

  /** Adds a console: it gets the hello now and frames from the next tick; returns the way to remove it. */
  add(socket: FanoutSocket): () => void {
    const c: Console = { socket, encoder: new DeltaEncoder(packedLength(this.watch.layout)), sent: 0, skipped: 0 };
    this.consoles.add(c);
    send(socket, { type: 'hello', sceneId: this.sceneId, layout: this.watch.layout, frameHz: settings.fanout.frameHz });
    socket.send(snapshotText(c, JSON.stringify(this.watch.fleet())));
    if (!this.timer) {
      this.timer = setInterval(() => this.tick(), FRAME_MS);
      this.timer.unref?.();
    }
    return () => {
      this.consoles.delete(c);
      if (this.consoles.size === 0) this.stop();
    };
  }

  stats(): FanoutStats {
    return {
      consoles: this.consoles.size,
      framesPacked: this.packed,
      framesSent: this.sentTotal,
      framesSkipped: this.skippedTotal,
      bytesSent: this.bytes,
    };
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One display frame: pack once, send each console its delta; the counts when due. */
  tick(nowMs = Date.now()): void {
    const packed = this.watch.pack();
    if (packed) {
      this.packed++;
      const seq = ++this.seq;
      for (const c of this.consoles) {
        if (c.socket.bufferedAmount > MAX_BUFFERED) {
          c.skipped++;
          this.skippedTotal++;
          continue;
        }
        const bytes = c.encoder.encode(packed.frame, packed.atMs, seq);
        if (!bytes) continue;
        c.socket.send(bytes);
        c.sent++;
        this.sentTotal++;
        this.bytes += bytes.byteLength;
      }
    }
    if (nowMs - this.lastSnapshotAt < SNAPSHOT_MS) return;
    this.lastSnapshotAt = nowMs;
    const fleet = JSON.stringify(this.watch.fleet());
    for (const c of this.consoles) c.socket.send(snapshotText(c, fleet));
  }
}

function send(socket: FanoutSocket, message: FanoutMessage): void {
  socket.send(JSON.stringify(message));
}

/** A `snapshot` message around the fleet's JSON, stringified once for every console. */
function snapshotText(c: Console, fleetJson: string): string {
  return `{"type":"snapshot","skippedFrames":${c.skipped},"sentFrames":${c.sent},"snapshot":${fleetJson}}`;
}
