import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScene } from '../../domain/parseScene';
import type { Scene } from '../../domain/sceneSchema';
import { tourPlan } from './tourPlan';

function load(file: string): Scene {
  const r = parseScene(readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8'), file);
  if (!r.ok) throw new Error(`${file} is invalid`);
  return r.scene;
}

const a = load('scenes/1119-1120/proposed.json');
const b = load('scenes/1088-2-1089/proposed.json');

describe('tourPlan', () => {
  it("runs through each zone's tour in the scene file's order, then the next zone", () => {
    const plan = tourPlan([a, b], 12);
    expect(plan).toHaveLength(a.tour!.length + b.tour!.length);
    expect(plan.map((s) => s.zone)).toEqual([...a.tour!.map(() => 0), ...b.tour!.map(() => 1)]);
    expect(plan[0]!.view.id).toBe(a.tour![0]!.view);
    expect(plan[0]!.caption).toEqual(a.tour![0]!.caption);
    expect(plan[0]!.dwellS).toBe(a.tour![0]!.dwellS);
    expect(plan.at(-1)!).toMatchObject({ n: b.tour!.length, count: b.tour!.length });
  });

  it('falls back to the preset views with the default dwell when a scene has no tour', () => {
    const { tour: _tour, ...plain } = a;
    const plan = tourPlan([plain], 9);
    expect(plan.map((s) => s.view.id)).toEqual(a.views.map((v) => v.id));
    expect(plan.every((s) => s.dwellS === 9)).toBe(true);
    expect(plan[1]!.caption).toEqual(a.views[1]!.name);
  });
});
