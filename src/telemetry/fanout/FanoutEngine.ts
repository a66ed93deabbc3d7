/**
 * The live fleet as the control-room server sends it (server/live/FleetFanout.ts), in the page's telemetry
 * worker: one WebSocket (`/api/fleet`) of binary fleet frames, each the change since the one before
 * ({@link applyDelta}), and the fleet's counts twice a second. It serves the same calls as the {@link LiveEngine}
 * that the page runs on its own broker connection, so the live console draws either alike, but its work no longer
 * grows with the message rate: the server has read the messages once for every console.
 *
 * Frames land in a copy of the packed frame; `advance` copies that into the buffer shared with the main thread, so
 * a frame arriving while the page unpacks never shows half-written. A lost socket is opened again with a doubling
 * back-off (1 s to 30 s); the server sends the whole frame to a console that (re)connects. Traffic prediction gets
 * the fleet packed by the server (`/api/fleet/traffic`), copied into its shared buffer. Commands and recording are
 * the server's (its command route and its recorder): asked here, they fail saying so.
 */
import { packedLength, type FrameLayout } from '../../domain/packedFrame';
import type { AuditEntry } from '../live/operatorCommands';
import { EMPTY_COUNTS, type LiveSnapshot, type LiveStatus } from '../live/LiveEngine';
import type { TrafficPack } from '../FleetFeed';
import type { VehicleDetail } from '../vehicleRow';
import { SampleRing } from '../../domain/SampleRing';
import { applyDelta } from './fleetDelta';
import { decodeTrafficBody } from './trafficBody';

export interface FanoutConnectOptions {
  /** The fleet socket: `ws(s)://<server>/api/fleet`. */
  readonly url: string;
  /** The server's address for one vehicle's panel: `http(s)://<server>`. */
  readonly httpBase: string;
  /** The scene the page shows: the server must watch the same (its facilities and map placement). */
  readonly sceneId: string;
}

/**
 * What the engine needs of a WebSocket: the browser's, or `ws`'s in Node. The handlers' events are typed by the
 * handlers the engine sets (`{ data }`, `{ code, reason }`), which either socket's events carry.
 */
export interface FanoutSocket {
  binaryType: string;
  onmessage: ((e: never) => void) | null;
  onclose: ((e: never) => void) | null;
  onerror: ((e: never) => void) | null;
  close(): void;
}

/** Counts of the fan-out itself, beside the server's counts of the wire. */
export interface FanoutCounts {
  /** Binary frames applied. */
  readonly frames: number;
  /** Frames refused as malformed (each named in the snapshot's error). */
  readonly badFrames: number;
  /** Frames the server skipped for this console because it had not received the earlier ones yet. */
  readonly skippedFrames: number;
  readonly bytes: number;
  /** From the server packing a frame to its arrival here (same clock on one machine), ms: p95 of the last 512, and the latest. */
  readonly arrivalP95Ms: number;
  readonly arrivalLastMs: number;
}

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30_000;
const SERVER_ONLY = 'on a twin served by the control-room server, commands go through the server';
const RECORDED_BY_SERVER = 'the control-room server records the live feed around the clock: open the replay console to play any window';

interface Hello {
  readonly sceneId: string;
  readonly layout: FrameLayout;
}

export class FanoutEngine {
  private socket: FanoutSocket | undefined;
  private options: FanoutConnectOptions | undefined;
  private status: LiveStatus = 'connecting';
  private error: string | undefined;
  private reconnects = 0;
  private retryMs = FIRST_RETRY_MS;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private layout: FrameLayout | undefined;
  private copy: Float32Array | undefined;
  private buffer: Float32Array | undefined;
  private packedAtMs = Number.NaN;
  private server: LiveSnapshot | undefined;
  private frames = 0;
  private badFrames = 0;
  private skippedFrames = 0;
  private bytes = 0;
  private readonly arrival = new SampleRing(512);
  private arrivalLastMs = 0;
  private closed = false;
  private traffic: { readonly bytes: Uint8Array; readonly capacity: number; readonly routeCap: number } | undefined;

  constructor(
    private readonly open: (url: string) => FanoutSocket,
    /** HTTP for the panel and the traffic pack: the worker's `fetch` (same origin: the session cookie goes along). */
    private readonly http: (url: string) => Promise<Response> = (url) => fetch(url, { credentials: 'same-origin' }),
  ) {}

  /**
   * Opens the fleet socket; resolves with the frame layout once the server has said hello, rejects naming the
   * cause (no live fleet on the server, signed out, another scene) when the first attempt fails.
   */
  connect(o: FanoutConnectOptions): Promise<FrameLayout> {
    this.disconnect();
    this.closed = false;
    this.options = o;
    this.status = 'connecting';
    return new Promise((resolve, reject) => {
      this.dial(
        o,
        (hello) => {
          if (hello.sceneId !== o.sceneId) {
            const message = `the control-room server watches scene ${hello.sceneId}; this page shows ${o.sceneId}: open that scene to see the live fleet`;
            this.fail(message);
            reject(new Error(message));
            return;
          }
          resolve(hello.layout);
        },
        reject,
      );
    });
  }

  attach(buffer: Float32Array): void {
    if (!this.layout) throw new Error('not connected: call connect() first');
    if (buffer.length !== packedLength(this.layout)) throw new Error(`buffer of ${buffer.length} floats for a frame of ${packedLength(this.layout)}`);
    this.buffer = buffer;
  }

  /** Copies the latest frame into the attached buffer; returns when the server packed it (its clock, s). */
  advance(): number {
    if (!this.buffer || !this.copy) throw new Error('not connected: call connect() and attach() first');
    this.buffer.set(this.copy);
    return (Number.isNaN(this.packedAtMs) ? Date.now() : this.packedAtMs) / 1000;
  }

  snapshot(): LiveSnapshot {
    const s = this.server;
    const status: LiveStatus = this.status === 'live' && s ? (s.status === 'connecting' ? 'reconnecting' : s.status) : this.status;
    const error = this.error ?? (s && s.status !== 'live' ? `the control-room server's broker connection: ${s.error ?? s.status}` : undefined);
    return {
      ...(s ?? EMPTY),
      status,
      ...(error === undefined ? {} : { error }),
      reconnects: this.reconnects,
      canCommand: false,
      audit: [],
      fanout: {
        frames: this.frames,
        badFrames: this.badFrames,
        skippedFrames: this.skippedFrames,
        bytes: this.bytes,
        arrivalP95Ms: this.arrival.percentile(0.95),
        arrivalLastMs: this.arrivalLastMs,
      },
    };
  }

  async vehicle(key: string): Promise<VehicleDetail | undefined> {
    const base = this.options?.httpBase;
    if (!base) return undefined;
    const res = await this.http(`${base}/api/fleet/vehicle?key=${encodeURIComponent(key)}`);
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`the server did not give ${key}'s panel: HTTP ${res.status} ${await errorText(res)}`);
    return (await res.json()) as VehicleDetail;
  }

  command(): Promise<AuditEntry> {
    return Promise.reject(new Error(SERVER_ONLY));
  }

  startRecording(): Promise<void> {
    return Promise.reject(new Error(RECORDED_BY_SERVER));
  }

  recordedMessages(): number {
    return 0;
  }

  stopRecording(): Promise<Uint8Array<ArrayBuffer>> {
    return Promise.reject(new Error(RECORDED_BY_SERVER));
  }

  /** The buffer traffic prediction reads (shared with the planner and collision workers), in the page's layout. */
  attachTraffic(buffer: ArrayBufferLike, capacity: number, routeCap: number): void {
    this.traffic = { bytes: new Uint8Array(buffer), capacity, routeCap };
  }

  /** Asks the server for the fleet packed in the attached layout and copies it into the buffer. */
  async packTraffic(): Promise<TrafficPack> {
    const t = this.traffic;
    const base = this.options?.httpBase;
    if (!t || !base) throw new Error('not connected: call connect() and attachTraffic() first');
    const res = await this.http(`${base}/api/fleet/traffic?capacity=${t.capacity}&routeCap=${t.routeCap}`);
    if (!res.ok) throw new Error(`the server did not pack the fleet for traffic prediction: HTTP ${res.status} ${await errorText(res)}`);
    return decodeTrafficBody(new Uint8Array(await res.arrayBuffer()), t.bytes);
  }

  disconnect(): void {
    this.closed = true;
    clearTimeout(this.retry);
    const s = this.socket;
    this.socket = undefined;
    if (s) {
      s.onclose = null;
      s.close();
    }
  }

  private dial(o: FanoutConnectOptions, hello: (h: Hello) => void, refused: (e: Error) => void): void {
    const socket = this.open(o.url);
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    let greeted = false;
    socket.onmessage = (e: { data: unknown }) => {
      if (typeof e.data !== 'string') {
        this.frame(e.data);
        return;
      }
      const m = parse(e.data);
      if (!m) {
        this.error = `the control-room server sent a message that is not a JSON object: ${e.data.slice(0, 80)}`;
      } else if (m.type === 'hello' && !greeted) {
        greeted = true;
        this.greet(m as unknown as Hello);
        hello(m as unknown as Hello);
      } else if (m.type === 'snapshot') {
        this.server = m.snapshot as LiveSnapshot;
        this.skippedFrames = typeof m.skippedFrames === 'number' ? m.skippedFrames : this.skippedFrames;
      } else if (m.type === 'error') {
        this.error = `the control-room server: ${String(m.error)}`;
      }
    };
    socket.onerror = () => undefined;
    socket.onclose = (e: { code: number; reason: string }) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      if (!greeted && this.status === 'connecting') {
        const message = closeReason(e, o.url);
        this.fail(message);
        refused(new Error(message));
        return;
      }
      if (this.closed) return;
      this.status = 'reconnecting';
      this.error = closeReason(e, o.url);
      this.retry = setTimeout(() => this.redial(o), this.retryMs);
      this.retryMs = Math.min(LAST_RETRY_MS, 2 * this.retryMs);
    };
  }

  private redial(o: FanoutConnectOptions): void {
    if (this.closed) return;
    this.dial(
      o,
      () => {
        this.reconnects++;
        this.retryMs = FIRST_RETRY_MS;
      },
      () => undefined,
    );
  }

  /** The server's hello: the frame's layout (kept across reconnects unless the server's scene changed). */
  private greet(h: Hello): void {
    const length = packedLength(h.layout);
    if (!this.copy || this.copy.length !== length) this.copy = new Float32Array(length);
    this.layout = h.layout;
    this.status = 'live';
    this.error = undefined;
  }

  private frame(data: unknown): void {
    if (!this.copy || !(data instanceof ArrayBuffer || data instanceof Uint8Array)) return;
    try {
      const head = applyDelta(data, this.copy);
      this.packedAtMs = head.packedAtMs;
      this.arrivalLastMs = Date.now() - head.packedAtMs;
      this.arrival.push(this.arrivalLastMs);
      this.frames++;
      this.bytes += data.byteLength;
    } catch (e) {
      this.badFrames++;
      this.error = `a fleet frame from the server was refused: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  private fail(message: string): void {
    this.status = 'error';
    this.error = message;
    this.disconnect();
  }
}

const EMPTY: LiveSnapshot = { ...EMPTY_COUNTS, status: 'connecting', reconnects: 0, canCommand: false, audit: [] };

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const m: unknown = JSON.parse(text);
    return m !== null && typeof m === 'object' && !Array.isArray(m) ? (m as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Why the socket closed, in words an operator can act on. */
function closeReason(e: { code: number; reason: string }, url: string): string {
  if (e.reason) return `the control-room server closed the fleet socket: ${e.reason}`;
  return `the control-room server at ${url} did not open the fleet socket (code ${e.code}): sign in to the server, or check that it runs`;
}

async function errorText(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: unknown };
    return typeof body.error === 'string' ? body.error : '';
  } catch {
    return '';
  }
}
