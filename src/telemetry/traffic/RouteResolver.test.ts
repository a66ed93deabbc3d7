import { describe, expect, it } from 'vitest';
import { UNKNOWN_NODE } from '../../domain/trafficFrame';
import type { AgvReport, NodeStateReport } from '../vda5050/agvReport';
import { RouteResolver } from './RouteResolver';

/** A map turned a quarter left and moved: map (x, y) is zone (100 − y, x). */
const maps = [{ mapId: 'yard', origin: [100, 0] as [number, number], rotation: Math.PI / 2 }];
const lane = [
  { id: 'A', position: [100, 0] as [number, number] },
  { id: 'B', position: [100, 10] as [number, number] },
  { id: 'C', position: [100, 20] as [number, number] },
  { id: 'D', position: [90, 20] as [number, number] },
];

function state(headerId: number, nodeStates: NodeStateReport[], lastNodeId?: string): AgvReport {
  return {
    key: 'acme/1',
    version: 2,
    protocolVersion: '2.1.0',
    interfaceName: 'uagv',
    manufacturer: 'acme',
    serialNumber: '1',
    headerId,
    timestampMs: 1000 * headerId,
    receivedMs: 1000 * headerId,
    errors: [],
    nodeStates,
    edgeStates: [],
    actionStates: [],
    ...(lastNodeId === undefined ? {} : { lastNodeId }),
  };
}

const at = (nodeId: string, sequenceId: number, released: boolean, x?: number, y?: number): NodeStateReport => ({
  nodeId,
  sequenceId,
  released,
  ...(x === undefined ? {} : { nodePosition: { x, y: y!, mapId: 'yard' } }),
});

const routeOf = (r: { route: Int32Array; length: number }) => [...r.route.subarray(0, r.length)];

describe('RouteResolver (a VDA 5050 route on the scene’s lane nodes)', () => {
  it('resolves nodes by their position through the map placement, whatever the vehicle calls them', () => {
    const resolver = new RouteResolver(maps, lane, 8);
    // Map (10, 0) is zone (100, 10): B; map (20.5, 9.6) is zone (90.4, 20.5): D, 0.64 m off.
    const r = resolver.resolve(0, state(1, [at('n1', 2, true, 10, 0), at('n2', 4, false, 20.5, 9.6)]), 0, 0);
    expect(routeOf(r)).toEqual([1, 3]);
  });

  it('falls back to the lane node id when the position matches no lane node, and to UNKNOWN_NODE when neither does', () => {
    const resolver = new RouteResolver(maps, lane, 8);
    const r = resolver.resolve(0, state(1, [at('C', 2, true, 50, 50), at('B', 4, true), at('nowhere', 6, false), at('x', 8, false, 50, 50)]), 0, 0);
    expect(routeOf(r)).toEqual([2, 1, UNKNOWN_NODE, UNKNOWN_NODE]);
  });

  it('takes nodes in sequence order and counts the leading released ones as the base', () => {
    const resolver = new RouteResolver(maps, lane, 8);
    const r = resolver.resolve(0, state(1, [at('C', 6, true), at('A', 2, true), at('D', 8, false), at('B', 4, false)]), 0, 0);
    expect(routeOf(r)).toEqual([0, 1, 2, 3]);
    // C is released but follows an unreleased node: the base ends at the first unreleased one.
    expect(r.baseLen).toBe(1);
  });

  it('resolves the last node by id, else as the lane node the vehicle stands on', () => {
    const resolver = new RouteResolver(maps, lane, 8);
    expect(resolver.resolve(0, state(1, [], 'D'), 0, 0).lastNode).toBe(3);
    expect(resolver.resolve(1, state(1, [], 'elsewhere'), 100.5, 19.2).lastNode).toBe(2);
    expect(resolver.resolve(2, state(1, [], 'elsewhere'), 50, 50).lastNode).toBe(UNKNOWN_NODE);
  });

  it('cuts a route longer than the capacity and says so', () => {
    const resolver = new RouteResolver(maps, lane, 3);
    const r = resolver.resolve(0, state(1, [at('A', 0, true), at('B', 2, true), at('C', 4, true), at('D', 6, true)]), 0, 0);
    expect(routeOf(r)).toEqual([0, 1, 2]);
    expect(r.cut).toBe(true);
    expect(r.baseLen).toBe(3);
  });

  it('re-resolves only a new state: the same headerId and timestamp keep the last answer', () => {
    const resolver = new RouteResolver(maps, lane, 8);
    const first = state(1, [at('A', 2, true)]);
    expect(routeOf(resolver.resolve(0, first, 0, 0))).toEqual([0]);
    // A stand-in with the same header but another route: a cached answer shows the first route still.
    expect(routeOf(resolver.resolve(0, { ...first, nodeStates: [at('D', 2, true)] }, 0, 0))).toEqual([0]);
    expect(routeOf(resolver.resolve(0, state(2, [at('D', 2, true)]), 0, 0))).toEqual([3]);
  });
});
