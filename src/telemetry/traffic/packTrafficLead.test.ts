import { describe, expect, it } from 'vitest';
import traffic from '../../../data/traffic.json' with { type: 'json' };
import { LEAD_CAP, NOT_A_NODE, trafficInput, trafficInputBytes, type TrafficInput } from '../../domain/trafficFrame';
import { FleetFeed } from '../FleetFeed';
import type { AgvReport, StateFields } from '../vda5050/agvReport';

/** The vehicles' map turned a quarter: map (x, y) is zone (100 − y, 200 + x). */
const maps = [{ mapId: 'site', origin: [100, 200] as [number, number], rotation: Math.PI / 2 }];
const zone = (x: number) => [100, 200 + x];
const T0 = Date.UTC(2026, 10, 23, 1);
/** The vehicle's clock runs a minute behind the feed's. */
const SKEW_MS = -60_000;

function feed(laneXs: readonly number[]) {
  const laneNodes = laneXs.map((x) => ({ id: `N${x}`, position: zone(x) as [number, number] }));
  const f = new FleetFeed({ maps, capacity: 4, staleAfterMs: 35_000, facilityCount: 0, laneNodes });
  const buffer = new ArrayBuffer(trafficInputBytes(4, 8));
  f.attachTraffic(buffer, 4, 8);
  return { f, input: trafficInput(4, 8, buffer), laneNodes };
}

/** A 3.0 state of AGV-1 at map (x, 0) received at T0, its route the lane nodes at `ahead` (map x). */
function state(x: number, ahead: readonly number[], more: Partial<StateFields> = {}): AgvReport {
  return {
    key: 'acme/AGV-1',
    version: 3,
    protocolVersion: '3.0.0',
    interfaceName: 'vda5050',
    manufacturer: 'acme',
    serialNumber: 'AGV-1',
    headerId: 1,
    timestampMs: T0 + SKEW_MS,
    receivedMs: T0,
    position: { mapId: 'site', x, y: 0, theta: 0, localized: true },
    velocity: { vx: 2 },
    driving: true,
    errors: [],
    nodeStates: ahead.map((a, k) => ({ nodeId: `N${a}`, sequenceId: 2 * k + 2, released: true })),
    edgeStates: [],
    actionStates: [],
    ...more,
  };
}

function lead(input: TrafficInput, i: number) {
  const n = input.leadLen[i]!;
  const at = i * LEAD_CAP;
  return {
    xy: Array.from({ length: n }, (_, p) => [input.leadX[at + p]!, input.leadY[at + p]!]),
    s: Array.from(input.leadS.subarray(at, at + n)),
    nodes: Array.from(input.leadNode.subarray(at, at + n)),
  };
}

describe('packing a 3.0 vehicle’s own path ahead', () => {
  it('puts its intermediatePath first (zone frame, etas from the packed instant, passed points left out), then its plannedPath untimed', () => {
    const { f, input } = feed([0, 10, 20, 30, 40]);
    const eta = (s: number) => T0 + SKEW_MS + s * 1000;
    f.table.applyState(
      state(5, [10, 20, 30, 40], {
        intermediatePath: [
          { x: 10, y: 0, etaMs: eta(2) },
          { x: 15, y: 0, etaMs: eta(4) },
          { x: 20, y: 0, etaMs: eta(6) },
        ],
        plannedPath: {
          controlPoints: [
            { x: 20, y: 0 },
            { x: 30, y: 0 },
            { x: 40, y: 0 },
          ],
          traversedNodes: ['N20', 'N30', 'N40'],
        },
      }),
    );
    f.packTraffic(T0 + 3000, 3);
    const l = lead(input, 0);
    // Timed: seconds from the pack, 3 s after the state came (its own clock a minute behind).
    expect(l.s.slice(0, 2)).toEqual([1, 3]);
    expect(l.xy.slice(0, 2)).toEqual([zone(15), zone(20)]);
    expect(l.nodes.slice(0, 2)).toEqual([NOT_A_NODE, 1]);
    // Untimed: the NURBS from the last timed point on, to its end, in the zone frame.
    expect(l.s.slice(2).every(Number.isNaN)).toBe(true);
    expect(l.xy[2]).toEqual(zone(20));
    expect(l.xy.at(-1)).toEqual(zone(40));
    expect(l.xy.every(([x]) => x === 100)).toBe(true);
    const marked = l.nodes.flatMap((k, p) => (k === NOT_A_NODE ? [] : [[k, p]]));
    expect(marked.map(([k]) => k)).toEqual([1, 2, 3]);
    for (const [k, p] of marked) expect(Math.abs(l.xy[p!]![1]! - (210 + 10 * k!))).toBeLessThanOrEqual(traffic.nodeMatchM.value);
    // A later round moves the etas on; the passed timed point drops out.
    f.packTraffic(T0 + 5000, 5);
    expect(lead(input, 0).s.slice(0, 1)).toEqual([1]);
  });

  it('puts in the route nodes the sampled path passes between samples, and leaves out the part behind the vehicle', () => {
    const { f, input } = feed([30, 60, 100]);
    const plannedPath = {
      controlPoints: [
        { x: 0, y: 0 },
        { x: 100, y: 0 },
      ],
    };
    f.table.applyState(state(0, [30, 60, 100], { plannedPath }));
    f.packTraffic(T0, 0);
    const from0 = lead(input, 0);
    expect(from0.xy.map(([, y]) => y! - 200)).toEqual([0, 12.5, 25, 30, 37.5, 50, 60, 62.5, 75, 87.5, 100]);
    expect(from0.nodes.flatMap((k, p) => (k === NOT_A_NODE ? [] : [[k, p]]))).toEqual([
      [0, 3],
      [1, 6],
      [2, 10],
    ]);
    f.table.applyState({ ...state(40, [60, 100], { plannedPath }), headerId: 2 });
    f.packTraffic(T0, 0);
    const from40 = lead(input, 0);
    expect(from40.xy.map(([, y]) => y! - 200)).toEqual([50, 60, 62.5, 75, 87.5, 100]);
    expect(from40.nodes.flatMap((k, p) => (k === NOT_A_NODE ? [] : [[k, p]]))).toEqual([
      [0, 1],
      [1, 5],
    ]);
  });

  it('has no lead for a vehicle without a path, nor for a plannedPath it cannot evaluate', () => {
    const { f, input } = feed([0, 10]);
    f.table.applyState(state(0, [10]));
    f.packTraffic(T0, 0);
    expect(input.leadLen[0]).toBe(0);
    f.table.applyState({
      ...state(0, [10], {
        plannedPath: {
          degree: 3,
          controlPoints: [
            { x: 0, y: 0 },
            { x: 10, y: 0 },
          ],
        },
      }),
      headerId: 2,
    });
    f.packTraffic(T0, 0);
    expect(input.leadLen[0]).toBe(0);
  });

  it('packs the stop an observed order’s pick makes at a route node, and the departure of one running where it stands', () => {
    const { f, input } = feed([0, 10, 20]);
    const header = {
      key: 'acme/AGV-1',
      version: 3 as const,
      protocolVersion: '3.0.0',
      interfaceName: 'vda5050',
      manufacturer: 'acme',
      serialNumber: 'AGV-1',
    };
    f.orders.apply({
      ...header,
      headerId: 1,
      timestampMs: T0,
      receivedMs: T0,
      orderId: 'wms-1',
      orderUpdateId: 0,
      nodes: [
        { nodeId: 'N0', sequenceId: 0, released: true, actions: [{ actionId: 'drop-0', actionType: 'drop', blockingType: 'HARD' }] },
        { nodeId: 'N10', sequenceId: 2, released: true, actions: [] },
        { nodeId: 'N20', sequenceId: 4, released: true, actions: [{ actionId: 'pick-1', actionType: 'pick', blockingType: 'HARD' }] },
      ],
      edges: [],
    });
    f.table.applyState(
      state(0, [10, 20], {
        orderId: 'wms-1',
        lastNodeId: 'N0',
        lastNodeSequenceId: 0,
        driving: false,
        actionStates: [{ actionId: 'drop-0', actionStatus: 'RUNNING' }],
      }),
    );
    f.packTraffic(T0 + 10_000, 10);
    expect([input.stopS[0], input.stopS[1], input.departS[0]]).toEqual([0, traffic.actionDurationS.pick.value, traffic.actionDurationS.drop.value - 10]);
  });
});
