import { describe, expect, it } from 'vitest';
import { vehicleBuffers } from '../../domain/fleetFrame';
import type { AgvReport, ConnectionReport } from '../vda5050/agvReport';
import { ERROR_FATAL, FleetTable } from './FleetTable';

const header = (serial: string, receivedMs: number) => ({
  version: 2 as const,
  protocolVersion: '2.1.0',
  interfaceName: 'uagv',
  manufacturer: 'acme',
  serialNumber: serial,
  key: `acme/${serial}`,
  headerId: 1,
  timestampMs: receivedMs,
  receivedMs,
});

function state(serial: string, receivedMs: number, x: number, extra: Partial<AgvReport> = {}): AgvReport {
  return {
    ...header(serial, receivedMs),
    position: { mapId: 'site', x, y: 0, theta: 0, localized: true },
    loads: [],
    errors: [],
    nodeStates: [],
    edgeStates: [],
    actionStates: [],
    ...extra,
  };
}

const connection = (serial: string, receivedMs: number, connectionState: ConnectionReport['connectionState']): ConnectionReport => ({
  ...header(serial, receivedMs),
  connectionState,
});

describe('FleetTable', () => {
  const maps = [{ mapId: 'site', origin: [1000, 0] as [number, number], rotation: 0 }];

  it('keeps one slot per vehicle, places it in the zone frame and writes the frame', () => {
    const t = new FleetTable({ maps, capacity: 10, staleAfterMs: 5000 });
    t.applyState(state('A', 0, 5));
    t.applyState(state('B', 0, 7));
    t.applyState(state('A', 100, 6, { loads: [{ loadId: 'C1' }], errors: [{ errorType: 'x', errorLevel: 'FATAL' }] }));
    expect(t.count).toBe(2);
    const out = vehicleBuffers(10);
    t.writeFrame(out);
    expect(out.count).toBe(2);
    expect(out.x[0]).toBe(1006);
    expect(out.load[0]).toBe(1);
    expect(t.errorLevel[0]).toBe(ERROR_FATAL);
  });

  it('marks a silent vehicle stale after the timeout and by its last will, and fresh again when it speaks', () => {
    const t = new FleetTable({ maps, capacity: 10, staleAfterMs: 5000 });
    t.applyState(state('A', 0, 1));
    t.applyState(state('B', 0, 2));
    t.applyState(state('B', 4000, 2));
    expect(t.markStale(6000)).toBe(1);
    expect(Array.from(t.stale.subarray(0, 2))).toEqual([1, 0]);
    t.applyConnection(connection('B', 6500, 'CONNECTIONBROKEN'));
    expect(t.staleCount()).toBe(2);
    expect(t.markStale(6600)).toBe(0);
    t.applyState(state('A', 7000, 1));
    t.applyState(state('B', 7000, 2));
    t.markStale(7100);
    expect(t.staleCount()).toBe(0);
  });

  it('lists maps the scene does not place and does not draw those vehicles; a full table ignores newcomers', () => {
    const t = new FleetTable({ maps, capacity: 1, staleAfterMs: 5000 });
    t.applyState({ ...state('A', 0, 1), position: { mapId: 'elsewhere', x: 0, y: 0, theta: 0, localized: true } });
    t.applyState(state('B', 0, 1));
    expect([...t.unknownMaps]).toEqual(['elsewhere']);
    expect(t.count).toBe(1);
    const out = vehicleBuffers(4);
    t.writeFrame(out);
    expect(out.count).toBe(0);
  });

  it('tells each vehicle’s slot in the frame and its speed, reported or estimated from its positions', () => {
    const t = new FleetTable({ maps, capacity: 10, staleAfterMs: 5000 });
    t.applyState({ ...state('A', 0, 1), position: { mapId: 'elsewhere', x: 0, y: 0, theta: 0, localized: true } });
    t.applyState(state('B', 0, 10));
    t.applyState(state('C', 0, 20, { velocity: { vx: 3, vy: 4 } }));
    t.applyState(state('B', 2000, 16));
    t.applyState(state('C', 2000, 20, { velocity: { vx: 1 } }));
    expect(Array.from(t.drawSlot.subarray(0, 3))).toEqual([-1, 0, 1]);
    const out = vehicleBuffers(10);
    t.writeFrame(out);
    expect(out.x[t.drawSlot[2]!]).toBe(1020);
    expect(t.speed[1]).toBeCloseTo(3, 9); // 6 m in 2 s, no velocity sent
    expect(t.speed[2]).toBe(1); // as reported
    const small = vehicleBuffers(1);
    t.writeFrame(small);
    expect(small.count).toBe(1);
    expect(small.x[0]).toBe(1016);
  });

  it('keeps a vehicle in its frame slot when one listed before it is placed later', () => {
    const t = new FleetTable({ maps, capacity: 10, staleAfterMs: 5000 });
    t.applyState({ ...state('A', 0, 1), position: { mapId: 'elsewhere', x: 0, y: 0, theta: 0, localized: true } });
    t.applyState(state('B', 0, 10));
    const out = vehicleBuffers(10);
    t.writeFrame(out);
    const slotOfB = t.drawSlot[1]!;
    expect(out.x[slotOfB]).toBe(1010);
    t.applyState(state('A', 1000, 30));
    t.writeFrame(out);
    expect(t.drawSlot[1]).toBe(slotOfB);
    expect(out.x[slotOfB]).toBe(1010);
    expect(out.x[t.drawSlot[0]!]).toBe(1030);
    expect(out.count).toBe(2);
  });

  it('keeps the newest intermediatePath and plannedPath from state or visualization, and forgets them when no node is left', () => {
    const t = new FleetTable({ maps, capacity: 10, staleAfterMs: 5000 });
    const ahead = [{ nodeId: 'n1', sequenceId: 2, released: true }];
    const planned = {
      controlPoints: [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
      ],
    };
    const s = state('A', 100, 0, { version: 3, nodeStates: ahead, plannedPath: planned, intermediatePath: [{ x: 5, y: 0, etaMs: 2000 }] });
    t.applyState(s);
    const vis = { ...header('A', 200), version: 3 as const, intermediatePath: [{ x: 6, y: 0, etaMs: 2100 }] };
    t.applyVisualization(vis);
    expect([t.intermediateFrom[0], t.plannedFrom[0]]).toEqual([vis, s]);
    // An older message (delivered late) does not replace a newer path.
    t.applyVisualization({ ...header('A', 50), version: 3 as const, plannedPath: planned });
    expect(t.plannedFrom[0]).toBe(s);
    t.applyState(state('A', 300, 0, { version: 3 }));
    expect([t.intermediateFrom[0], t.plannedFrom[0]]).toEqual([undefined, undefined]);
  });
});
