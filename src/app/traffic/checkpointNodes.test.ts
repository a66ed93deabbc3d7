import { describe, expect, it } from 'vitest';
import type { Scene } from '../../domain/sceneSchema';
import { loadScene } from '../../sim/testScenes';
import { checkpointNodes } from './checkpointNodes';

const scene = loadScene('scenes/1119-1120/proposed.json');

/** The scene with one barrier moved onto the middle of the lane edge `edge` (5 m square). */
function barrierOn(edge: number): { scene: Scene; barrier: string; far: number } {
  const e = scene.lanes.edges[edge]!;
  const k = (id: string) => scene.lanes.nodes.findIndex((n) => n.id === id);
  const a = scene.lanes.nodes[k(e.from)]!.position;
  const b = scene.lanes.nodes[k(e.to)]!.position;
  const barrier = scene.facilities.find((f) => f.kind === 'barrier')!;
  const moved = {
    ...barrier,
    footprint: {
      ...barrier.footprint,
      position: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] as [number, number],
      size: [5, 5] as [number, number],
      rotation: 0,
    },
  };
  return { scene: { ...scene, facilities: scene.facilities.map((f) => (f.id === barrier.id ? moved : f)) }, barrier: barrier.id, far: k(e.to) };
}

describe('checkpointNodes', () => {
  it('names the far node of a lane edge that runs through a checkpoint', () => {
    const { scene: s, barrier, far } = barrierOn(0);
    expect(checkpointNodes(s).get(barrier)).toContain(far);
  });

  it('lists only barriers and scanner bays, each with scene lane nodes', () => {
    for (const [id, list] of checkpointNodes(scene)) {
      expect(scene.facilities.find((f) => f.id === id)?.kind).toMatch(/^(barrier|scanner-bay)$/);
      for (const k of list) expect(scene.lanes.nodes[k]).toBeDefined();
    }
  });
});
