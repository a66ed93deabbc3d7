import { describe, expect, it } from 'vitest';
import { FleetFeed } from './FleetFeed';
import { encodeState, encodeVisualization } from './vda5050/encode';

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

describe('a vehicle’s speed in its row', () => {
  const feed = () => new FleetFeed({ maps: [{ mapId: 'site', origin: [0, 0], rotation: 0 }], capacity: 4, staleAfterMs: 35_000, facilityCount: 0 });
  const header = (headerId: number) => ({ version: 2 as const, manufacturer: 'acme', serialNumber: 'AGV-1', headerId, timestampMs: T0 + headerId * 1000 });
  const position = (x: number) => ({ mapId: 'site', x, y: 0, theta: 0, localized: true });
  const drivingState = (headerId: number, x: number) =>
    JSON.stringify(
      encodeState({
        ...header(headerId),
        position: position(x),
        battery: { chargePercent: 80, charging: false },
        operatingMode: 'AUTOMATIC',
        driving: true,
        safety: { emergencyStop: 'NONE', fieldViolation: false },
        errors: [],
        nodeStates: [],
        edgeStates: [],
        actionStates: [],
      }),
    );
  const pose = (headerId: number, x: number) =>
    JSON.stringify(encodeVisualization({ ...header(headerId), referenceStateHeaderId: 0, position: position(x) }));

  it('is unknown, not 0 m/s, for a driving AGV seen at one position without a velocity (a replay paused at its first instant)', () => {
    const f = feed();
    f.receive('uagv/v2/acme/AGV-1/state', drivingState(1, 0), T0 + 1000);
    const [first] = f.counts().vehicles;
    expect(first).toMatchObject({ operatingState: 'driving', driving: true });
    expect(first!.speedMps).toBeUndefined();
    f.receive('uagv/v2/acme/AGV-1/visualization', pose(2, 4.5), T0 + 2000);
    expect(f.counts().vehicles[0]!.speedMps).toBeCloseTo(4.5, 9);
  });

  it('is known from the first message that reports a velocity', () => {
    const f = feed();
    const withVelocity = encodeVisualization({ ...header(1), referenceStateHeaderId: 0, position: position(0), velocity: { vx: 0, vy: 0, omega: 0 } });
    f.receive('uagv/v2/acme/AGV-1/visualization', JSON.stringify(withVelocity), T0 + 1000);
    expect(f.counts().vehicles[0]!.speedMps).toBe(0);
  });
});
