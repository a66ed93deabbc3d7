import { describe, expect, it } from 'vitest';
import { readSourceUrl } from './sourceUrl';

describe('readSourceUrl', () => {
  it('defaults to the simulation and reads a live broker address', () => {
    expect(readSourceUrl('?zone=1119-1120')).toEqual({ request: { kind: 'sim' }, problems: [] });
    expect(readSourceUrl('?source=live&broker=ws://127.0.0.1:9001')).toEqual({ request: { kind: 'live', broker: 'ws://127.0.0.1:9001' }, problems: [] });
  });

  it('names a missing or wrong broker, an unknown source and credentials put in the URL', () => {
    expect(readSourceUrl('?source=live').problems.map((p) => p.path)).toEqual(['broker']);
    expect(readSourceUrl('?source=live&broker=http://x').request).toEqual({ kind: 'sim' });
    expect(readSourceUrl('?source=tape').problems[0]!.message).toMatch(/unknown source "tape"/);
    expect(readSourceUrl('?source=live&broker=ws://h:1&password=x').problems.map((p) => p.path)).toEqual(['password']);
  });
});
