import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compareLayouts } from './layoutCompare';
import { parseScene } from './parseScene';
import type { Scene } from './sceneSchema';

const v1 = parseScene(readFileSync(new URL('../../scenes/1119-1120/proposed.json', import.meta.url), 'utf8')).scene!;

describe('comparing two versions of a layout', () => {
  it('is empty between a version and itself', () => {
    const same = compareLayouts(v1, structuredClone(v1));
    expect(same.changes).toEqual([]);
    expect(same.sections).toEqual([]);
    expect(same.after).toEqual(same.before);
  });

  it('names what was added, moved, changed and removed, other parts that differ, and what the checker says of each', () => {
    const first = v1.facilities[0];
    // An admin building may overlap nothing: its copy on top of it is a problem.
    const at = v1.facilities.findIndex((f) => f.kind === 'admin-building');
    const second = v1.facilities[at];
    const node = v1.lanes.nodes[0]!;
    const edge = v1.lanes.edges[0]!;
    const moved = {
      ...first!,
      footprint: { ...first!.footprint, position: [first!.footprint.position[0] + 30, first!.footprint.position[1] + 40] as [number, number] },
    };
    const copy = { ...second!, id: 'copy-of-second' };
    const v2: Scene = {
      ...v1,
      facilities: v1.facilities.flatMap((f, i) => (i === 0 ? [moved] : i === at ? [{ ...second!, name: { vi: 'Tên mới', en: 'New name' } }, copy] : [f])),
      lanes: { ...v1.lanes, edges: v1.lanes.edges.slice(1) },
      fleet: { ...v1.fleet, agv: { ...v1.fleet.agv, count: { ...v1.fleet.agv.count, value: v1.fleet.agv.count.value + 10 } } },
    };
    const c = compareLayouts(v1, v2);
    const byId = new Map(c.changes.map((x) => [x.id, x]));
    expect(byId.get(first!.id)).toMatchObject({ kind: 'facility', change: 'moved', movedM: 50, fields: ['footprint'] });
    expect(byId.get(second!.id)).toMatchObject({ kind: 'facility', change: 'changed', fields: ['name'] });
    expect(byId.get('copy-of-second')).toMatchObject({ kind: 'facility', change: 'added' });
    expect(byId.get('copy-of-second')!.problems.length).toBeGreaterThan(0);
    expect(byId.get(edge.id)).toEqual({ kind: 'edge', id: edge.id, change: 'removed', problems: [] });
    expect(byId.has(node.id)).toBe(false);
    expect(c.sections).toEqual(['fleet']);
    expect(c.before).toEqual([]);
    expect(c.after.length).toBeGreaterThan(0);
  });
});
