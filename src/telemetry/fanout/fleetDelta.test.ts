import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDelta, DeltaEncoder, HEADER_BYTES } from './fleetDelta';

const LENGTH = 64;

describe('fleet deltas', () => {
  it('bring a console from any frame to any later one, word for word (NaN included)', () => {
    const value = fc.oneof(fc.float({ noDefaultInfinity: true }), fc.constant(Number.NaN), fc.constant(0));
    const frames = fc.array(fc.array(fc.tuple(fc.nat(LENGTH - 1), value), { maxLength: 20 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(frames, (changes) => {
        const server = new Float32Array(LENGTH);
        const consoleCopy = new Float32Array(LENGTH).fill(123);
        const encoder = new DeltaEncoder(LENGTH);
        changes.forEach((change, seq) => {
          for (const [i, v] of change) server[i] = v;
          const bytes = encoder.encode(server, 1000 + seq, seq);
          if (bytes) expect(applyDelta(bytes, consoleCopy).seq).toBe(seq);
          expect(new Uint32Array(consoleCopy.buffer)).toEqual(new Uint32Array(server.buffer));
        });
      }),
    );
  });

  it('sends the whole frame first, then only what changed, and nothing when nothing did', () => {
    const frame = new Float32Array(1000);
    const encoder = new DeltaEncoder(frame.length);
    expect(encoder.encode(frame, 1, 1)!.byteLength).toBe(HEADER_BYTES + 8 + 4 * 1000);
    expect(encoder.encode(frame, 2, 2)).toBeUndefined();
    frame[10] = 1;
    frame[12] = 2; // two words apart: one run of three
    frame[500] = 3;
    const bytes = encoder.encode(frame, 3, 3)!;
    expect(bytes.byteLength).toBe(HEADER_BYTES + (8 + 4 * 3) + (8 + 4));
    const copy = new Float32Array(1000);
    copy[11] = 7;
    const head = applyDelta(bytes, copy);
    expect(head).toEqual({ packedAtMs: 3, seq: 3, changed: 4 });
    expect([copy[10], copy[11], copy[12], copy[500]]).toEqual([1, 0, 2, 3]);
  });

  it('refuses a malformed frame, naming what is wrong, and leaves the copy as it was', () => {
    const frame = new Float32Array(8).fill(5);
    const bytes = new DeltaEncoder(8).encode(frame, 1, 9)!;
    const copy = new Float32Array(8);
    expect(() => applyDelta(bytes.subarray(0, 10), copy)).toThrow(/shorter than its 16-byte header/);
    expect(() => applyDelta(bytes.subarray(0, bytes.byteLength - 4), copy)).toThrow(/fleet frame 9: run 1 has 8 words, the frame holds 7/);
    expect(() => applyDelta(bytes, new Float32Array(4))).toThrow(/run 1 reaches word 8 of a 4-word frame/);
    const longer = new Uint8Array(bytes.byteLength + 4);
    longer.set(bytes);
    expect(() => applyDelta(longer, copy)).toThrow(/4 bytes after its last run/);
    expect(copy.every((v) => v === 0)).toBe(true);
  });
});
