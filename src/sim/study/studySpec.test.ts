import { describe, expect, it } from 'vitest';
import { loadScene } from '../testScenes';
import { defaultStudySpec, resolveStudySpec, studyPoints, sweepValues } from './studySpec';

const proposed = loadScene('scenes/1119-1120/proposed.json');

describe('study spec', () => {
  it('defaults to the zone target minimum, the scene fleet and data/study.json', () => {
    expect(defaultStudySpec(proposed)).toEqual({ vehiclesPerDay: 3000, agvs: 40, hours: 24, replications: 5, warmupDays: 1, target: 3000 });
  });

  it('sweeps from..to by step, including `to` when a step lands on it', () => {
    expect(sweepValues({ parameter: 'agvs', from: 50, to: 400, step: 50 })).toEqual([50, 100, 150, 200, 250, 300, 350, 400]);
    expect(sweepValues({ parameter: 'agvs', from: 10, to: 35, step: 10 })).toEqual([10, 20, 30]);
    expect(sweepValues({ parameter: 'vehiclesPerDay', from: 0.1, to: 0.3, step: 0.1 })).toEqual([0.1, 0.2, 0.3]);
  });

  it('runs the base point once when the sweep passes through it', () => {
    const r = resolveStudySpec(proposed, { agvs: 20, sweep: { parameter: 'agvs', from: 10, to: 30, step: 10 } });
    expect(studyPoints(r).map((p) => p.agvs)).toEqual([20, 10, 30]);
  });

  it('names every value out of range', () => {
    expect(() => resolveStudySpec(proposed, { replications: 0, hours: -1 })).toThrow(/replications must be .*; |hours must be/);
    expect(() => resolveStudySpec(proposed, { sweep: { parameter: 'agvs', from: 40, to: 10, step: 10 } })).toThrow(/must go up: from 40 is above to 10/);
    expect(() => resolveStudySpec(proposed, { sweep: { parameter: 'agvs', from: 1, to: 9, step: 0.5 } })).toThrow(/whole numbers/);
    expect(() => resolveStudySpec(proposed, { replications: 50, sweep: { parameter: 'agvs', from: 1, to: 100, step: 1 } })).toThrow(
      /runs asked .* at most 500/,
    );
  });
});
