import { describe, expect, it } from 'vitest';
import { chainNear, routeSegments, type LaneIndex } from './routeSegments';

const lanes: LaneIndex = {
  node: new Map([
    ['a', [0, 0]],
    ['b', [10, 0]],
    ['c', [10, 10]],
    ['d', [0, 10]],
  ]),
  edge: new Map([
    ['a:b', ['a', 'b']],
    ['b:c', ['b', 'c']],
  ]),
};

const node = (nodeId: string, sequenceId: number, released: boolean) => ({ nodeId, sequenceId, released });
const edge = (edgeId: string, sequenceId: number, released: boolean) => ({ edgeId, sequenceId, released });

describe('route of the selected AGV', () => {
  it('draws released edges apart from planned ones, by scene edge id or else between the neighbouring nodes', () => {
    const r = routeSegments(
      {
        nodeStates: [node('c', 4, false), node('a', 0, true), node('b', 2, true), node('d', 6, false)],
        edgeStates: [edge('a:b', 1, true), edge('b:c', 3, false), edge('c-to-d', 5, false)],
      },
      lanes,
    );
    expect(r.released).toEqual([0, 0, 10, 0]);
    expect(r.planned).toEqual([10, 0, 10, 10, 10, 10, 0, 10]);
    expect(r.releasedNodes).toEqual([0, 0, 10, 0]);
    expect(r.unknownNodes).toEqual([]);
  });

  it('places a node the scene does not know by its reported position, and names those it cannot place', () => {
    const place = (mapId: string, x: number, y: number) => (mapId === 'm1' ? ([x + 100, y] as const) : undefined);
    const r = routeSegments(
      {
        nodeStates: [
          node('a', 0, true),
          { ...node('x', 2, true), nodePosition: { x: 5, y: 5, mapId: 'm1' } },
          { ...node('y', 4, false), nodePosition: { x: 1, y: 1, mapId: 'other' } },
        ],
        edgeStates: [],
      },
      lanes,
      place,
    );
    expect(r.released).toEqual([0, 0, 105, 5]);
    expect(r.planned).toEqual([]);
    expect(r.unknownNodes).toEqual(['y']);
  });

  it('draws nothing for a state with no nodes (our simulated fleet sends none)', () => {
    expect(routeSegments({ nodeStates: [], edgeStates: [] }, lanes)).toEqual({ released: [], planned: [], releasedNodes: [], unknownNodes: [] });
  });
});

describe('planned path of one simulated AGV', () => {
  // Two chains: (0,0)→(1,0)→(2,0) and (50,50)→(51,50).
  const segments = new Float32Array([0, 0, 1, 0, 1, 0, 2, 0, 50, 50, 51, 50]);
  it('takes the chain starting nearest the AGV', () => {
    expect(chainNear(segments, 0.5, 0.2, 5)).toEqual([0, 2]);
    expect(chainNear(segments, 49, 50, 5)).toEqual([2, 3]);
  });
  it('takes none when no chain starts near enough', () => {
    expect(chainNear(segments, 20, 20, 5)).toEqual([0, 0]);
    expect(chainNear(new Float32Array(0), 0, 0, 5)).toEqual([0, 0]);
  });
});
