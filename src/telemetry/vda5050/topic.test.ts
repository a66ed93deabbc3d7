import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERFACE_NAME, SUBTOPICS, formatTopic, parseTopic } from './topic';

describe('VDA 5050 topics', () => {
  it('parses the spec example', () => {
    expect(parseTopic('uagv/v2/KIT/0001/order')).toEqual({
      ok: true,
      address: { interfaceName: 'uagv', majorVersion: 2, manufacturer: 'KIT', serialNumber: '0001', subtopic: 'order' },
    });
  });

  it("parses and formats 3.0's prefix vda5050 as it does uagv", () => {
    const address = { interfaceName: 'vda5050', majorVersion: 3, manufacturer: 'acme', serialNumber: 'AGV-7', subtopic: 'state' } as const;
    expect(formatTopic(address)).toBe('vda5050/v3/acme/AGV-7/state');
    expect(parseTopic('vda5050/v3/acme/AGV-7/state')).toEqual({ ok: true, address });
    expect(formatTopic({ ...address, interfaceName: DEFAULT_INTERFACE_NAME, majorVersion: 2, subtopic: 'order' })).toBe('uagv/v2/acme/AGV-7/order');
  });

  it('says what is wrong with a bad topic', () => {
    const error = (t: string) => {
      const p = parseTopic(t);
      return p.ok ? 'ok' : p.error;
    };
    expect(error('uagv/v2/acme/AGV-7')).toMatch(/expected 5 levels .* got 4/);
    expect(error('uagv/v2/acme/AGV-7/state/extra')).toMatch(/got 6/);
    expect(error('uagv/2/acme/AGV-7/state')).toBe('majorVersion "2" is not v<number>');
    expect(error('uagv/v2//AGV-7/state')).toBe('manufacturer is empty');
    expect(error('uagv/v2/acme/AGV 7/state')).toBe('serialNumber may hold only A-Z a-z 0-9 _ . : -');
    expect(error('uagv/v2/ac+me/AGV-7/state')).toBe('manufacturer contains "+"');
    expect(error('$SYS/v2/acme/AGV-7/state')).toBe('interfaceName contains "$"');
    expect(error('uagv/v2/acme/AGV-7/State')).toBe('unknown subtopic "State"');
  });

  it('formats what it parses and parses what it formats (fast-check)', () => {
    const level = fc.string({ minLength: 1, maxLength: 10 }).filter((s) => !/[/+#$\u0000]/.test(s));
    const address = fc.record({
      interfaceName: level,
      majorVersion: fc.integer({ min: 0, max: 99 }),
      manufacturer: level,
      serialNumber: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,12}$/),
      subtopic: fc.constantFrom(...SUBTOPICS),
    });
    fc.assert(
      fc.property(address, (a) => {
        expect(parseTopic(formatTopic(a))).toEqual({ ok: true, address: a });
      }),
      { numRuns: 300, seed: 1088 },
    );
  });

  it('refuses to format a level that cannot be in a topic', () => {
    const a = { interfaceName: 'uagv', majorVersion: 2, manufacturer: 'acme', serialNumber: 'AGV-7', subtopic: 'order' } as const;
    expect(() => formatTopic({ ...a, manufacturer: 'a/b' })).toThrow(/manufacturer contains '\/'/);
    expect(() => formatTopic({ ...a, serialNumber: '<b>' })).toThrow(/serialNumber may hold only/);
    expect(() => formatTopic({ ...a, majorVersion: 2.5 })).toThrow(/majorVersion 2.5/);
  });
});
