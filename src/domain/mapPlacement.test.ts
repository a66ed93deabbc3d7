import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapToZone, sceneMaps } from './mapPlacement';

describe('mapToZone', () => {
  it('turns and shifts a map pose into the zone frame', () => {
    const out = new Float64Array(3);
    expect(mapToZone([{ mapId: 'yard', origin: [100, 0], rotation: Math.PI / 2 }], 'yard', 10, 0, 0, out)).toBe(true);
    expect(out[0]).toBeCloseTo(100);
    expect(out[1]).toBeCloseTo(10);
    expect(out[2]).toBeCloseTo(Math.PI / 2);
  });

  it('keeps distances (a rigid motion) and refuses a map the scene does not place', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (rot, [ox, oy, ax, ay, bx, by]) => {
          const maps = [{ mapId: 'm', origin: [ox!, oy!] as [number, number], rotation: rot }];
          const a = new Float64Array(3);
          const b = new Float64Array(3);
          mapToZone(maps, 'm', ax!, ay!, 0, a);
          mapToZone(maps, 'm', bx!, by!, 0, b);
          expect(Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!)).toBeCloseTo(Math.hypot(ax! - bx!, ay! - by!), 6);
        },
      ),
    );
    const out = Float64Array.of(1, 2, 3);
    expect(mapToZone([], 'elsewhere', 0, 0, 0, out)).toBe(false);
    expect(Array.from(out)).toEqual([1, 2, 3]);
  });
});

describe('sceneMaps', () => {
  it("is the scene's own maps, or one identity map named after a scene that places none", () => {
    const placed = [{ mapId: 'yard', origin: [5, 6] as [number, number], rotation: 1 }];
    expect(sceneMaps({ id: 'z', telemetry: { maps: placed } })).toBe(placed);
    expect(sceneMaps({ id: '1119-1120-today' })).toEqual([{ mapId: '1119-1120-today', origin: [0, 0], rotation: 0 }]);
  });
});
