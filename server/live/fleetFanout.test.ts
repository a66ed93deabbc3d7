import { describe, expect, it } from 'vitest';
import { packedLength, type FrameLayout } from '../../src/domain/packedFrame';
import { applyDelta } from '../../src/telemetry/fanout/fleetDelta';
import type { LiveSnapshot } from '../../src/telemetry/live/LiveEngine';
import { FleetFanout, type FanoutSocket, type FanoutWatch } from './FleetFanout';

const layout: FrameLayout = { agvCapacity: 10, truckCapacity: 0, facilityCount: 2 };

/** A watch whose packed frame the test writes. */
function watch(): FanoutWatch & { frame: Float32Array } {
  const frame = new Float32Array(packedLength(layout));
  return { layout, frame, pack: () => ({ frame, atMs: 1000 }), fleet: () => ({ agvs: 1 }) as LiveSnapshot };
}

/** A console's socket that keeps what it was sent and reports as much unsent as the test says. */
function socket() {
  const got: (Uint8Array | string)[] = [];
  const s: FanoutSocket & { got: typeof got; bufferedAmount: number } = { got, bufferedAmount: 0, send: (d) => got.push(d) };
  return s;
}

describe('FleetFanout', () => {
  it('skips frames for a console that has not taken the earlier ones, and brings it to the present after', () => {
    const w = watch();
    const fanout = new FleetFanout(w, 'scene');
    const fast = socket();
    const slow = socket();
    const stop = [fanout.add(fast), fanout.add(slow)];
    const copies = [new Float32Array(w.frame.length), new Float32Array(w.frame.length)];
    const apply = (s: ReturnType<typeof socket>, copy: Float32Array) => {
      for (const d of s.got.splice(0)) if (typeof d !== 'string') applyDelta(d, copy);
    };

    w.frame[5] = 1;
    fanout.tick(0);
    slow.bufferedAmount = 10 * 2 ** 20;
    w.frame[6] = 2;
    fanout.tick(1);
    w.frame[7] = 3;
    fanout.tick(2);
    expect(fanout.stats()).toMatchObject({ consoles: 2, framesPacked: 3, framesSent: 4, framesSkipped: 2 });

    slow.bufferedAmount = 0;
    fanout.tick(3); // nothing changed since the last tick: the fast console gets nothing, the slow one catches up
    apply(fast, copies[0]!);
    apply(slow, copies[1]!);
    expect(Array.from(copies[1]!)).toEqual(Array.from(w.frame));
    expect(Array.from(copies[0]!)).toEqual(Array.from(w.frame));
    expect(fanout.stats()).toMatchObject({ framesSent: 5, framesSkipped: 2 });
    for (const s of stop) s();
    expect(fanout.stats().consoles).toBe(0);
  });

  it('greets each console with the scene and layout, and sends the counts at most twice a second', () => {
    const fanout = new FleetFanout(watch(), '1119-1120-proposed');
    const s = socket();
    const stop = fanout.add(s);
    const texts = () => s.got.filter((d): d is string => typeof d === 'string').map((d) => JSON.parse(d) as { type: string });
    expect(texts()[0]).toEqual({ type: 'hello', sceneId: '1119-1120-proposed', layout, frameHz: 30 });
    expect(texts()[1]).toEqual({ type: 'snapshot', skippedFrames: 0, sentFrames: 0, snapshot: { agvs: 1 } });
    for (const t of [1000, 1100, 1400, 1500, 1999, 2000]) fanout.tick(t);
    expect(texts().filter((m) => m.type === 'snapshot')).toHaveLength(1 + 3);
    stop();
  });
});
