import { describe, expect, it } from 'vitest';
import { decodeTrafficBody, encodeTrafficBody } from './trafficBody';

describe('traffic pack bodies', () => {
  it('carry the pack and the buffer’s bytes into the console’s buffer', () => {
    const bytes = Uint8Array.from({ length: 24 }, (_, i) => i);
    const body = encodeTrafficBody({ keys: ['acme/AGV-1', 'acme/<b>'], round: 7, clockS: 12.5 }, bytes);
    const into = new Uint8Array(24);
    expect(decodeTrafficBody(body, into)).toEqual({ keys: ['acme/AGV-1', 'acme/<b>'], round: 7, clockS: 12.5 });
    expect(into).toEqual(bytes);
  });

  it('refuses a body for another layout or cut short, naming what is wrong, and leaves the buffer as it was', () => {
    const body = encodeTrafficBody({ keys: [], round: 1, clockS: 0 }, new Uint8Array(16).fill(9));
    const into = new Uint8Array(8);
    expect(() => decodeTrafficBody(body, into)).toThrow('traffic pack of 16 bytes for a buffer of 8: the server packed another layout');
    expect(() => decodeTrafficBody(body.subarray(0, 3), into)).toThrow('shorter than its length prefix');
    expect(() => decodeTrafficBody(body.subarray(0, 10), into)).toThrow(/its JSON of \d+ bytes runs past the 10-byte body/);
    expect(into.every((b) => b === 0)).toBe(true);
  });
});
