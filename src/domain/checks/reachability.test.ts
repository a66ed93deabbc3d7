import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Scene, type LaneEdge } from '../sceneSchema';
import { checkReachability } from './reachability';

const minimal = Scene.parse(JSON.parse(readFileSync(new URL('../fixtures/minimal.json', import.meta.url), 'utf8')));
const edge = (from: string, to: string): LaneEdge => ({ id: `${from}:${to}`, from, to, widthM: 4.5, speedLimitMps: 5, crossBorder: false });
const withLanes = (nodes: { id: string; position: [number, number] }[], edges: LaneEdge[]): Scene => ({
  ...minimal,
  lanes: {
    nodes: [...minimal.lanes.nodes, ...nodes.map((n) => ({ ...n, role: 'waypoint' as const }))],
    edges: [...minimal.lanes.edges, ...edges],
  },
});
const said = (scene: Scene) => checkReachability(scene).map((p) => ({ path: p.path, code: p.code, params: p.params }));

describe('checkReachability: lane pieces cut off from the AGV network', () => {
  it('finds nothing on the minimal scene', () => {
    expect(said(minimal)).toEqual([]);
  });

  it('names a lane between two new nodes joined to nothing else: no way in, no way out', () => {
    const scene = withLanes(
      [
        { id: 'vn-e', position: [200, -60] },
        { id: 'vn-f', position: [200, -30] },
      ],
      [edge('vn-e', 'vn-f')],
    );
    expect(said(scene)).toEqual([{ path: 'lanes.edges[9]', code: 'lane-stranded', params: { from: 'vn-e', to: 'vn-f', way: 'both' } }]);
  });

  it('names a dead end (a way in, none back) and a spur only leading in (a way back, none in)', () => {
    const scene = withLanes(
      [
        { id: 'vn-dead', position: [200, -60] },
        { id: 'vn-spring', position: [200, -30] },
      ],
      [edge('vn-a', 'vn-dead'), edge('vn-spring', 'vn-a')],
    );
    expect(said(scene)).toEqual([
      { path: 'lanes.edges[9]', code: 'lane-stranded', params: { from: 'vn-a', to: 'vn-dead', way: 'out' } },
      { path: 'lanes.edges[10]', code: 'lane-stranded', params: { from: 'vn-spring', to: 'vn-a', way: 'in' } },
    ]);
  });

  it('names a node no lane joins, but not a work node (its facility is said unreachable instead)', () => {
    const scene = withLanes([{ id: 'vn-alone', position: [200, -60] }], []);
    expect(said(scene)).toEqual([{ path: 'lanes.nodes[8]', code: 'node-unjoined', params: { id: 'vn-alone' } }]);
  });

  it('says nothing of lanes in a layout with no work node: there is no network yet to belong to', () => {
    const scene: Scene = { ...minimal, facilities: [], lanes: { nodes: [{ id: 'a', position: [0, -50], role: 'waypoint' }], edges: [] } };
    expect(said(scene)).toEqual([]);
  });
});
