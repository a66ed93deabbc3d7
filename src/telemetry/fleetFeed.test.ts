import { describe, expect, it } from 'vitest';
import { FleetFeed } from './FleetFeed';
import { encodeVisualization } from './vda5050/encode';

const T0 = Date.UTC(2026, 10, 23, 1);

describe('the fleet feed’s rows', () => {
  it('calls a vehicle seen only moving (no state yet) driving, and one seen standing idle', () => {
    const feed = new FleetFeed({ maps: [{ mapId: 'site', origin: [0, 0], rotation: 0 }], capacity: 4, staleAfterMs: 35_000, facilityCount: 0 });
    const seen = (serial: string, headerId: number, vx: number) =>
      feed.receive(
        `uagv/v2/acme/${serial}/visualization`,
        JSON.stringify(
          encodeVisualization({
            version: 2,
            manufacturer: 'acme',
            serialNumber: serial,
            headerId,
            timestampMs: T0 + headerId * 1000,
            referenceStateHeaderId: 0,
            position: { mapId: 'site', x: 10 * headerId, y: 0, theta: 0, localized: true },
            velocity: { vx, vy: 0, omega: 0 },
          }),
        ),
        T0 + headerId * 1000,
      );
    seen('MOVING', 1, 3.5);
    seen('STILL', 1, 0);
    const rows = feed.counts().vehicles;
    expect(rows.map((r) => [r.serialNumber, r.operatingState, r.speedMps])).toEqual([
      ['MOVING', 'driving', 3.5],
      ['STILL', 'idle', 0],
    ]);
  });
});
