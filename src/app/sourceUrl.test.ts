import { describe, expect, it } from 'vitest';
import { readSourceUrl } from './sourceUrl';

describe('readSourceUrl', () => {
  it('defaults to the simulation and reads a live broker address', () => {
    expect(readSourceUrl('?zone=1119-1120')).toEqual({ request: { kind: 'sim' }, problems: [] });
    expect(readSourceUrl('?source=live&broker=ws://127.0.0.1:9001')).toEqual({ request: { kind: 'live', broker: 'ws://127.0.0.1:9001' }, problems: [] });
  });

  it('reads the live fleet through the control-room server, and names a wrong way through', () => {
    expect(readSourceUrl('?source=live&via=server')).toEqual({ request: { kind: 'live-server' }, problems: [] });
    const wrong = readSourceUrl('?source=live&via=proxy&broker=ws://h:1');
    expect(wrong.request).toEqual({ kind: 'live', broker: 'ws://h:1' });
    expect(wrong.problems[0]).toMatchObject({ path: 'via', code: 'url-one-of', params: { value: 'proxy', known: ['server'] } });
  });

  it('names a missing or wrong broker, an unknown source and credentials put in the URL', () => {
    expect(readSourceUrl('?source=live').request).toEqual({ kind: 'live-unreachable', reason: 'missing' });
    expect(readSourceUrl('?source=live&broker=http://x').request).toEqual({ kind: 'live-unreachable', reason: 'not-ws', broker: 'http://x' });
    expect(readSourceUrl('?source=live&broker=not a url').request).toEqual({ kind: 'live-unreachable', reason: 'not-ws', broker: 'not a url' });
    expect(readSourceUrl('?source=live&broker=mqtt://127.0.0.1:1883').request).toEqual({
      kind: 'live-unreachable',
      reason: 'mqtt',
      broker: 'mqtt://127.0.0.1:1883',
    });
    expect(readSourceUrl('?source=tape').problems[0]!.message).toMatch(/unknown source "tape"/);
    expect(readSourceUrl('?source=live&broker=ws://h:1&password=x').problems.map((p) => p.path)).toEqual(['password']);
  });

  it('gives each problem a code and what the parameter allows, for the UI to say in its language', () => {
    expect(readSourceUrl('?source=tape').problems[0]).toMatchObject({ code: 'url-one-of', params: { value: 'tape', known: ['sim', 'live', 'replay'] } });
    expect(readSourceUrl('?source=live&broker=mqtt://h:1883').problems[0]).toMatchObject({ code: 'url-broker', params: { value: 'mqtt://h:1883' } });
    expect(readSourceUrl('?source=live').problems[0]!.code).toBe('url-broker-missing');
    expect(readSourceUrl('?username=a').problems[0]!.code).toBe('url-credentials');
    expect(readSourceUrl('?source=replay&file=javascript:x').problems[0]).toMatchObject({
      code: 'url-recording-address',
      params: { value: 'javascript:x' },
    });
  });

  it('reads stale=<seconds> for a live feed and names a wrong value, keeping the default', () => {
    expect(readSourceUrl('?source=live&broker=ws://h:1&stale=5')).toEqual({ request: { kind: 'live', broker: 'ws://h:1', staleAfterS: 5 }, problems: [] });
    expect(readSourceUrl('?source=live&broker=ws://h:1&stale=2.5').request).toEqual({ kind: 'live', broker: 'ws://h:1', staleAfterS: 2.5 });
    for (const bad of ['abc', '0', '-3', '', '1e3', '5000']) {
      const r = readSourceUrl(`?source=live&broker=ws://h:1&stale=${bad}`);
      expect(r.request).toEqual({ kind: 'live', broker: 'ws://h:1' });
      expect(r.problems).toEqual([
        {
          path: 'stale',
          message: `stale="${bad}" is not a number of seconds from 1 to 3600; using 35 s`,
          code: 'url-number-range',
          params: { value: bad, min: 1, max: 3600 },
        },
      ]);
    }
  });

  it('reads a replay with or without a file, and refuses an address that is not one', () => {
    expect(readSourceUrl('?source=replay').request).toEqual({ kind: 'replay' });
    expect(readSourceUrl('?source=replay&file=sample:1119-1120-proposed').request).toEqual({ kind: 'replay', file: 'sample:1119-1120-proposed' });
    expect(readSourceUrl('?source=replay&file=/recordings/a.mcap').request).toEqual({ kind: 'replay', file: '/recordings/a.mcap' });
    expect(readSourceUrl('?source=replay&file=http://127.0.0.1:8080/a.mcap').request).toEqual({ kind: 'replay', file: 'http://127.0.0.1:8080/a.mcap' });
    const bad = readSourceUrl('?source=replay&file=javascript:alert(1)');
    expect(bad.request).toEqual({ kind: 'replay' });
    expect(bad.problems[0]).toMatchObject({ path: 'file', message: expect.stringMatching(/not an address/) });
  });
});
