import { describe, expect, it } from 'vitest';
import { CRANE_AGV_TO_STACK, CRANE_IDLE, craneCycles } from './craneCycles';
import { fleetFrame, LOAD_IMPORT } from './fleetFrame';
import { alertBuffers, packedLength, packFrame, unpackFrame } from './packedFrame';

const layout = { agvCapacity: 2, truckCapacity: 3, facilityCount: 4 };

describe('crane cycles in the packed frame', () => {
  it('cross with the frame: move, elapsed, duration, where the vehicle stands, cycle number, load, and the clock', () => {
    const c = craneCycles(4);
    c.move[2] = CRANE_AGV_TO_STACK;
    c.elapsedS[2] = 12.25;
    c.durationS[2] = 45;
    c.handoverX[2] = 301.5;
    c.handoverY[2] = -47;
    c.cycle[2] = 1234;
    c.load[2] = LOAD_IMPORT;
    const out = new Float32Array(packedLength(layout));
    packFrame(layout, 3600.5, fleetFrame(2, 3), new Uint8Array(4), alertBuffers(), out, c);
    const got = craneCycles(4);
    unpackFrame(layout, out, fleetFrame(2, 3), new Uint8Array(4), alertBuffers(), got);
    expect(got.clockS).toBe(3600.5);
    expect([got.move[2], got.elapsedS[2], got.durationS[2], got.handoverX[2], got.handoverY[2], got.cycle[2], got.load[2]]).toEqual([
      CRANE_AGV_TO_STACK,
      12.25,
      45,
      301.5,
      -47,
      1234,
      LOAD_IMPORT,
    ]);
    expect(Array.from(got.move)).toEqual([0, 0, CRANE_AGV_TO_STACK, 0]);
  });

  it('are all at rest from a source that knows none (live, replay), whatever the buffer held before', () => {
    const out = new Float32Array(packedLength(layout)).fill(3);
    packFrame(layout, 10, fleetFrame(2, 3), new Uint8Array(4), alertBuffers(), out);
    const got = craneCycles(4);
    unpackFrame(layout, out, fleetFrame(2, 3), new Uint8Array(4), alertBuffers(), got);
    expect(Array.from(got.move)).toEqual([CRANE_IDLE, CRANE_IDLE, CRANE_IDLE, CRANE_IDLE]);
  });
});
