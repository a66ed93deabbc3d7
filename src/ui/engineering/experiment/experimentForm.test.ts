import { describe, expect, it } from 'vitest';
import { loadScene } from '../../../sim/testScenes';
import { experimentFileOf, initialExperimentForm } from './experimentForm';

const scene = loadScene('scenes/1119-1120/2030.json');

describe('the experiment form', () => {
  it('opens on the zone’s target and fleets around the scene’s, trying the edited layout', () => {
    const f = initialExperimentForm(scene);
    expect(f).toMatchObject({ vehiclesPerDay: '3500', target: '3000', agvs: '40, 80, 120, 160', edited: 'yes', generate: 'no' });
    const r = experimentFileOf(f, scene.zone.id);
    expect(r.ok && r.edited && r.file.agvs).toEqual([40, 80, 120, 160]);
  });

  it('reads the generated variants: cranes one value or four per variant, lists with commas', () => {
    const r = experimentFileOf(
      { ...initialExperimentForm(scene), generate: 'yes', cranes: '2; 6,4,3,8', scannerLanes: '1, 2', corridor: 'loop', slots: '16,8,8,8' },
      scene.zone.id,
    );
    expect(r.ok && r.file.generate).toEqual({
      base: { slots: [16, 8, 8, 8] },
      vary: { cranesPerYard: [2, [6, 4, 3, 8]], scannerLanes: [1, 2], corridor: ['loop'] },
    });
  });

  it('names every problem: no layout, a fleet that is not a number, a corridor unknown, a crane list of three', () => {
    const r = experimentFileOf({ ...initialExperimentForm(scene), edited: 'no', generate: 'no', agvs: '40, many' }, scene.zone.id);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]).toBe('layouts: try the edited layout, generated variants or both');
    expect(!r.ok && r.problems.some((p) => p.startsWith('agvs[1]: '))).toBe(true);
    const g = experimentFileOf({ ...initialExperimentForm(scene), generate: 'yes', cranes: '2,2,2', corridor: 'loop, ring' }, scene.zone.id);
    expect(!g.ok && g.problems.map((p) => p.split(':')[0])).toEqual(['generate.vary.cranesPerYard[0]', 'generate.vary.corridor[1]']);
  });
});
