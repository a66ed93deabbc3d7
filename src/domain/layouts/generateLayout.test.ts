import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadShippedScene } from '../fixtures/shippedScenes';
import { parseScene } from '../parseScene';
import type { Scene } from '../sceneSchema';
import { generateLayout, LayoutError } from './generateLayout';
import { defaultLayoutParams, perYard, type LayoutParams } from './layoutParams';
import { Site } from './siteSchema';

const site = Site.parse(JSON.parse(readFileSync('data/sites/1119-1120.json', 'utf8')));
const base = loadShippedScene(`scenes/1119-1120/${site.base}.json`);

function generate(p: Partial<LayoutParams>): Scene {
  return generateLayout(base, site, { ...defaultLayoutParams(60), variant: 'test', ...p });
}

/** The generated scene through the checker, as the CLI runs it: its problems, none expected. */
function problems(scene: Scene): string[] {
  const r = parseScene(JSON.stringify(scene), 'generated.json');
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('the layout generator', () => {
  it.each(['one-way', 'loop', 'two-way'] as const)('draws a %s layout the checker passes', (corridor) => {
    const scene = generate({ corridor, cranesPerYard: { vnImport: 5, vnExport: 3, cnImport: 3, cnExport: 6 }, scannerLanes: 2 });
    expect(problems(scene)).toEqual([]);
    expect(scene.facilities.filter((f) => f.kind === 'crane')).toHaveLength(17);
    expect(scene.facilities.filter((f) => f.kind === 'scanner-bay').every((f) => f.kind === 'scanner-bay' && f.lanes === 2)).toBe(true);
  });

  it('puts each crane’s handover bay beside the work lane, or its stop on the lane with no bays', () => {
    for (const handoverBays of [0, 1]) {
      const scene = generate({ handoverBays });
      const onLane = new Set(scene.lanes.edges.filter((e) => /-t\d+$/.test(e.from) && /-t\d+$/.test(e.to)).map((e) => e.from));
      for (const crane of scene.facilities.filter((f) => f.kind === 'crane')) {
        const stops = scene.lanes.nodes.filter((n) => n.serves === crane.id);
        expect(stops, crane.id).toHaveLength(1);
        const stop = stops[0]!.id;
        const into = scene.lanes.edges.filter((e) => e.to === stop).map((e) => e.from);
        // A bay hangs off a work-lane node that also runs on past it; a stop on the lane is the lane.
        if (handoverBays === 1) expect(into.every((from) => onLane.has(from))).toBe(true);
        else expect(stop).toMatch(/-stop$/);
      }
    }
  });

  it('closes each side into a loop only when asked', () => {
    const entry = (s: Scene, side: string) => s.lanes.edges.some((e) => e.to === `${side}-in` && e.from.startsWith(`${side}-r`));
    expect(entry(generate({ corridor: 'loop' }), 'vn')).toBe(true);
    expect(entry(generate({ corridor: 'one-way' }), 'cn')).toBe(false);
  });

  it('gives the fleet parking and charging bays and the scene the fleet it was drawn for', () => {
    const scene = generate({ agvs: 90, parkBays: 90, chargeBays: 8 });
    expect(scene.lanes.nodes.filter((n) => n.role === 'park')).toHaveLength(90);
    expect(scene.lanes.nodes.filter((n) => n.role === 'charge')).toHaveLength(8);
    expect(scene.fleet.agv.count.value).toBe(90);
    expect(problems(scene)).toEqual([]);
  });

  it('refuses a strip longer than the site has room for, naming the lengths and the source of the limit', () => {
    expect(() => generate({ cranesPerYard: perYard(12) })).toThrow(/VN yards need a strip of \d+ m .* but the site has 640 m there \(assumption/);
  });

  it('names every bad parameter at once', () => {
    try {
      generate({ yards: 2, handoverBays: 3, corridor: 'ring' as never, agvs: 0, variant: 'Bad Name' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LayoutError);
      const p = (e as LayoutError).problems;
      expect(p).toHaveLength(5);
      expect(p.join('\n')).toMatch(/yards: .*one yard a side/);
      expect(p.join('\n')).toMatch(/handover-bays: 0 or 1 \(got 3\)/);
      expect(p.join('\n')).toMatch(/corridor: one of one-way, two-way, loop \(got ring\)/);
    }
  });
});
