import { describe, expect, it } from 'vitest';
import { packedLength } from '../domain/packedFrame';
import { FleetFeed } from './FleetFeed';
import { encodeVisualization } from './vda5050/encode';

const T0 = Date.UTC(2026, 10, 23, 1);
const headerIds = new Map<string, number>();

/** A visualization of `serial` at (x, 0) heading east, at `ms`. */
function at(feed: FleetFeed, serial: string, x: number, ms: number, vx = 0): void {
  const headerId = (headerIds.get(serial) ?? 0) + 1;
  headerIds.set(serial, headerId);
  const msg = encodeVisualization({
    version: 2,
    manufacturer: 'acme',
    serialNumber: serial,
    headerId,
    timestampMs: ms,
    referenceStateHeaderId: 0,
    position: { mapId: 'site', x, y: 0, theta: 0, localized: true },
    velocity: { vx, vy: 0, omega: 0 },
  });
  expect(feed.receive(`uagv/v2/acme/${serial}/visualization`, JSON.stringify(msg), ms).kind).toBe('visualization');
}

describe('collision checks on incoming telemetry', () => {
  it('counts a contact or near miss once per episode and rings it where it happened, for 30 s', () => {
    const feed = new FleetFeed({
      maps: [{ mapId: 'site', origin: [0, 0], rotation: 0 }],
      capacity: 8,
      staleAfterMs: 60_000,
      facilityCount: 0,
      collision: { lengthM: 15.6, widthM: 3, horizonS: 3, nearMissClearanceM: 1 },
    });
    const frame = new Float32Array(packedLength(feed.layout));
    feed.attach(frame);
    const alertCount = () => frame[3];
    at(feed, 'A', 0, T0);
    at(feed, 'B', 40, T0);
    feed.pack(T0, 0);
    expect(feed.counts()).toMatchObject({ contacts: 0, nearMisses: 0 });
    expect(alertCount()).toBe(0);

    at(feed, 'B', 15, T0 + 1000); // footprints 15.6 m long, centres 15 m apart: they overlap
    feed.pack(T0 + 1000, 1);
    at(feed, 'B', 14, T0 + 2000);
    feed.pack(T0 + 2000, 2); // still touching: the same episode
    expect(feed.counts()).toMatchObject({ contacts: 1, nearMisses: 0 });
    expect(alertCount()).toBe(1);
    const ring = 4 + 4 * 8;
    expect(frame[ring]).toBeCloseTo(7.5, 5); // half-way between the two when it began
    expect(frame[ring + 2]).toBe(1); // contact

    at(feed, 'B', 40, T0 + 3000); // apart: the episode ends
    feed.pack(T0 + 3000, 3);
    at(feed, 'B', 16.2, T0 + 4000); // 0.6 m between footprints: a near miss, a new episode
    feed.pack(T0 + 4000, 4);
    expect(feed.counts()).toMatchObject({ contacts: 1, nearMisses: 1 });
    // Each event listed once with when, where and the two vehicles, for the alerts.
    expect(feed.counts().collisionEvents).toEqual([
      { kind: 'contact', atS: (T0 + 1000) / 1000, x: 7.5, y: 0, a: 'acme/A', b: 'acme/B' },
      { kind: 'near-miss', atS: (T0 + 4000) / 1000, x: expect.closeTo(8.1, 4), y: 0, a: 'acme/A', b: 'acme/B' },
    ]);
    at(feed, 'B', 60, T0 + 5000);
    feed.pack(T0 + 40_000, 40);
    expect(alertCount()).toBe(0); // rings fade after 30 s
  });
});
