import { afterEach, describe, expect, it, vi } from 'vitest';
import { packedLength, type FrameLayout } from '../../domain/packedFrame';
import { DeltaEncoder } from './fleetDelta';
import { FanoutEngine, type FanoutSocket } from './FanoutEngine';

/**
 * The engine's own decisions on sockets the test drives (the real server's socket is in server/live/fanout.test.ts):
 * what a closed socket, a malformed frame and the server's broker state make of the snapshot, and the reconnects.
 */

const layout: FrameLayout = { agvCapacity: 4, truckCapacity: 0, facilityCount: 1 };
const options = { url: 'ws://server/api/fleet', httpBase: 'http://server', sceneId: 'scene-a' };

interface TestSocket extends FanoutSocket {
  server(text: string | Uint8Array): void;
  drop(code: number, reason?: string): void;
}

function sockets() {
  const opened: TestSocket[] = [];
  const open = () => {
    const s: TestSocket = {
      binaryType: '',
      onmessage: null,
      onclose: null,
      onerror: null,
      close: () => undefined,
      server: (data) => (s.onmessage as ((e: { data: unknown }) => void) | null)?.({ data: typeof data === 'string' ? data : data.buffer }),
      drop: (code, reason = '') => (s.onclose as ((e: { code: number; reason: string }) => void) | null)?.({ code, reason }),
    };
    opened.push(s);
    return s;
  };
  return { opened, open };
}

const hello = (sceneId = 'scene-a') => JSON.stringify({ type: 'hello', sceneId, layout, frameHz: 30 });
const snapshot = (status: string, agvs: number) => JSON.stringify({ type: 'snapshot', skippedFrames: 2, sentFrames: 9, snapshot: { status, agvs } });

afterEach(() => {
  vi.useRealTimers();
});

describe('FanoutEngine', () => {
  it('applies frames into the page’s buffer at advance(), stamped with the server’s pack time', async () => {
    const { opened, open } = sockets();
    const engine = new FanoutEngine(open);
    const connecting = engine.connect(options);
    opened[0]!.server(hello());
    expect(await connecting).toEqual(layout);
    const buffer = new Float32Array(packedLength(layout));
    engine.attach(buffer);
    const frame = new Float32Array(packedLength(layout));
    frame[3] = 42;
    opened[0]!.server(new DeltaEncoder(frame.length).encode(frame, 5000, 1)!);
    expect(buffer[3]).toBe(0);
    expect(engine.advance()).toBe(5);
    expect(buffer[3]).toBe(42);
    opened[0]!.server(snapshot('live', 3));
    expect(engine.snapshot()).toMatchObject({ status: 'live', agvs: 3, canCommand: false, audit: [], fanout: { frames: 1, skippedFrames: 2 } });
  });

  it('counts and names a malformed frame or message, keeping what it had', async () => {
    const { opened, open } = sockets();
    const engine = new FanoutEngine(open);
    const connecting = engine.connect(options);
    opened[0]!.server(hello());
    await connecting;
    engine.attach(new Float32Array(packedLength(layout)));
    opened[0]!.server(new Uint8Array(7));
    expect(engine.snapshot()).toMatchObject({
      fanout: { badFrames: 1, frames: 0 },
      error: expect.stringMatching(/fleet frame from the server was refused: .*7 bytes/),
    });
    opened[0]!.server('<b>not json</b>');
    expect(engine.snapshot().error).toBe('the control-room server sent a message that is not a JSON object: <b>not json</b>');
  });

  it('says when the server has lost its broker, and reconnects a lost socket with a doubling wait', async () => {
    vi.useFakeTimers();
    const { opened, open } = sockets();
    const engine = new FanoutEngine(open);
    const connecting = engine.connect(options);
    opened[0]!.server(hello());
    await connecting;
    opened[0]!.server(snapshot('reconnecting', 5));
    expect(engine.snapshot()).toMatchObject({ status: 'reconnecting', error: "the control-room server's broker connection: reconnecting" });

    opened[0]!.drop(1006);
    expect(engine.snapshot()).toMatchObject({ status: 'reconnecting', error: expect.stringMatching(/did not open the fleet socket \(code 1006\)/) });
    vi.advanceTimersByTime(999);
    expect(opened).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(opened).toHaveLength(2);
    opened[1]!.drop(1013, 'going away');
    vi.advanceTimersByTime(1999);
    expect(opened).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(opened).toHaveLength(3);
    opened[2]!.server(hello());
    opened[2]!.server(snapshot('live', 5));
    expect(engine.snapshot()).toMatchObject({ status: 'live', reconnects: 1 });
    expect(engine.snapshot().error).toBeUndefined();
  });

  it('refuses a server watching another scene, and a socket closed before its hello, saying why', async () => {
    const { opened, open } = sockets();
    const engine = new FanoutEngine(open);
    const other = engine.connect(options);
    opened[0]!.server(hello('scene-b'));
    await expect(other).rejects.toThrow('the control-room server watches scene scene-b; this page shows scene-a: open that scene to see the live fleet');
    const closed = engine.connect(options);
    opened[1]!.drop(4404, 'this server watches no live fleet (TWIN_BROKER_URL is not set)');
    await expect(closed).rejects.toThrow(
      'the control-room server closed the fleet socket: this server watches no live fleet (TWIN_BROKER_URL is not set)',
    );
    expect(engine.snapshot().status).toBe('error');
  });
});
