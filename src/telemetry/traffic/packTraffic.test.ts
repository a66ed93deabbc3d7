import { describe, expect, it } from 'vitest';
import {
  FLAG_COMMITTED,
  FLAG_DRIVING,
  FLAG_FATAL,
  FLAG_HAS_ORDER,
  FLAG_PAUSED,
  FLAG_PLACED,
  FLAG_ROUTE_CUT,
  META_CLOCK_S,
  META_COUNT,
  META_ROUND,
  NO_HOLD,
  trafficInput,
  trafficInputBytes,
} from '../../domain/trafficFrame';
import { FleetFeed } from '../FleetFeed';
import type { AgvReport, StateFields } from '../vda5050/agvReport';

const maps = [{ mapId: 'site', origin: [0, 0] as [number, number], rotation: 0 }];
const laneNodes = ['A', 'B', 'C', 'D', 'E'].map((id, k) => ({ id, position: [10 * k, 0] as [number, number] }));
const T0 = Date.UTC(2026, 10, 23, 1);

function feed() {
  return new FleetFeed({ maps, capacity: 4, staleAfterMs: 35_000, facilityCount: 0, laneNodes });
}

let headerId = 0;
function report(serial: string, atS: number, x: number, vx: number, more: Partial<StateFields> = {}): AgvReport {
  headerId++;
  return {
    key: `acme/${serial}`,
    version: 2,
    protocolVersion: '2.1.0',
    interfaceName: 'uagv',
    manufacturer: 'acme',
    serialNumber: serial,
    headerId,
    timestampMs: T0 + atS * 1000,
    receivedMs: T0 + atS * 1000,
    position: { mapId: 'site', x, y: 0, theta: 0, localized: true },
    velocity: { vx, vy: 0, omega: 0 },
    errors: [],
    nodeStates: [],
    edgeStates: [],
    actionStates: [],
    ...more,
  };
}

const node = (nodeId: string, sequenceId: number, released: boolean) => ({ nodeId, sequenceId, released });

/** The fleet of feed `f` packed at `at` seconds after T0, read back from a fresh buffer. */
function packedAt(f: FleetFeed, at: number) {
  const buffer = new ArrayBuffer(trafficInputBytes(4, 8));
  f.attachTraffic(buffer, 4, 8);
  f.packTraffic(T0 + at * 1000, at);
  return trafficInput(4, 8, buffer);
}

describe('packing the fleet for traffic prediction', () => {
  it('writes pose, speed, flags and route at the table’s indices and hands back the keys in that order', () => {
    const f = feed();
    const buffer = new ArrayBuffer(trafficInputBytes(4, 3));
    f.attachTraffic(buffer, 4, 3);
    f.table.applyState(
      report('1', 0, 5, 2, {
        driving: true,
        lastNodeId: 'A',
        nodeStates: [node('B', 2, true), node('C', 4, true), node('D', 6, false), node('E', 8, false)],
      }),
    );
    f.table.applyState(report('2', 0, 30, 0, { paused: true, errors: [{ errorType: 'motor', errorLevel: 'FATAL' }] }));
    const pack = f.packTraffic(T0 + 1000, 1);
    const input = trafficInput(4, 3, buffer);
    expect(pack).toEqual({ keys: ['acme/1', 'acme/2'], round: 1, clockS: 1 });
    expect([input.meta[META_COUNT], input.meta[META_CLOCK_S], input.meta[META_ROUND]]).toEqual([2, 1, 1]);
    expect([input.x[0], input.speed[0], input.lastNode[0]]).toEqual([5, 2, 0]);
    expect([...input.route.subarray(0, 3)]).toEqual([1, 2, 3]);
    expect([input.routeLen[0], input.baseLen[0]]).toEqual([3, 2]);
    expect(input.flags[0]).toBe(FLAG_PLACED | FLAG_DRIVING | FLAG_HAS_ORDER | FLAG_ROUTE_CUT);
    expect(input.flags[1]).toBe(FLAG_PLACED | FLAG_PAUSED | FLAG_FATAL);
    expect([input.routeLen[1], input.lastNode[1]]).toEqual([0, 3]);
  });

  it('marks the vehicles whose orders the master control keeps, with the index of a held node in the packed route', () => {
    const f = feed();
    const buffer = new ArrayBuffer(trafficInputBytes(4, 8));
    f.attachTraffic(buffer, 4, 8);
    const route = { lastNodeId: 'A', nodeStates: [node('B', 2, true), node('C', 4, false), node('D', 6, false)] };
    for (const serial of ['1', '2', '3', '4']) f.table.applyState(report(serial, 0, 5, 2, route));
    // 1: committed, held at D (lane node 3); 2: committed, no hold; 3: held at E, not on its packed route; 4: not the twin's.
    const holds = [3, -1, 4];
    f.packTraffic(T0, 1, (i, out) => {
      if (i >= holds.length) return false;
      out.holdNode = holds[i]!;
      out.holdUntilS = 100 + i;
      return true;
    });
    const input = trafficInput(4, 8, buffer);
    expect([0, 1, 2, 3].map((i) => input.flags[i]! & FLAG_COMMITTED)).toEqual([FLAG_COMMITTED, FLAG_COMMITTED, FLAG_COMMITTED, 0]);
    expect([...input.holdAt]).toEqual([2, NO_HOLD, NO_HOLD, NO_HOLD]);
    expect(input.holdUntilS[0]).toBe(100);
    // One held at the node it stands on (its last node, A): not in its route, and waiting at its base end, not committed.
    f.packTraffic(T0, 2, (i, out) => {
      out.holdNode = i === 0 ? 0 : -1;
      out.holdUntilS = 100;
      return i === 0;
    });
    expect([input.flags[0]! & FLAG_COMMITTED, input.holdAt[0]]).toEqual([0, NO_HOLD]);
    // Without the hook (replay, simulation) nobody is committed or held.
    f.packTraffic(T0, 2);
    expect([0, 1, 2, 3].map((i) => input.flags[i]! & FLAG_COMMITTED)).toEqual([0, 0, 0, 0]);
    expect([...input.holdAt]).toEqual([NO_HOLD, NO_HOLD, NO_HOLD, NO_HOLD]);
  });

  it('counts a driving vehicle on another twin console’s order as committed, not once it stands at its base end', () => {
    const f = feed();
    const buffer = new ArrayBuffer(trafficInputBytes(4, 8));
    f.attachTraffic(buffer, 4, 8);
    const route = { lastNodeId: 'A', nodeStates: [node('B', 2, true), node('C', 4, false)] };
    f.table.applyState(report('1', 0, 5, 2, { ...route, orderId: 'twin-operator-1-1', driving: true }));
    f.table.applyState(report('2', 0, 5, 0, { ...route, orderId: 'twin-operator-1-2', driving: false }));
    f.table.applyState(report('3', 0, 5, 2, { ...route, orderId: 'wms-77', driving: true }));
    f.packTraffic(T0, 1);
    const input = trafficInput(4, 8, buffer);
    expect([0, 1, 2].map((i) => input.flags[i]! & FLAG_COMMITTED)).toEqual([FLAG_COMMITTED, 0, 0]);
  });

  it('counts standing time on the feed’s clock from when the speed fell below the standing speed, 0 while driving', () => {
    const f = feed();
    f.table.applyState(report('1', 0, 0, 3));
    expect(packedAt(f, 1).standingS[0]).toBe(0);
    f.table.applyState(report('1', 2, 6, 0.05));
    f.table.applyState(report('1', 5, 6, 0));
    expect(packedAt(f, 12).standingS[0]).toBe(10);
    f.table.applyState(report('1', 13, 6, 1));
    expect(packedAt(f, 14).standingS[0]).toBe(0);
  });

  it('starts the standing clock afresh after a silence longer than the stale timeout (nobody saw it stand then)', () => {
    const f = feed();
    f.table.applyState(report('1', 0, 6, 0));
    f.table.applyState(report('1', 3600, 6, 0));
    expect(packedAt(f, 3610).standingS[0]).toBe(10);
  });

  it('goes on counting rounds from the buffer’s last one when another feed takes it over (a replay’s seek)', () => {
    const buffer = new ArrayBuffer(trafficInputBytes(4, 8));
    const a = feed();
    a.attachTraffic(buffer, 4, 8);
    a.packTraffic(T0, 0);
    a.packTraffic(T0, 0);
    const b = feed();
    b.attachTraffic(buffer, 4, 8);
    expect(b.packTraffic(T0, 0).round).toBe(3);
  });

  it('refuses to pack without lane nodes or before a buffer is attached, saying what is missing', () => {
    const bare = new FleetFeed({ maps, capacity: 4, staleAfterMs: 35_000, facilityCount: 0 });
    expect(() => bare.attachTraffic(new ArrayBuffer(trafficInputBytes(4, 8)), 4, 8)).toThrow(/lane nodes/);
    expect(() => bare.packTraffic(T0, 0)).toThrow(/lane nodes/);
    expect(() => feed().packTraffic(T0, 0)).toThrow(/attachTraffic/);
    expect(() => feed().attachTraffic(new ArrayBuffer(64), 4, 8)).toThrow(/buffer of 64 bytes/);
  });
});
