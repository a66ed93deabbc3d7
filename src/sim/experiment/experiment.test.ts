import { describe, expect, it } from 'vitest';
import { loadScene } from '../testScenes';
import { experimentJobs, experimentProblems, jobKey, type ExperimentSpec } from './experiment';
import { ExperimentFile, generatorGrid } from './experimentFile';

const spec: ExperimentSpec = { vehiclesPerDay: 1200, target: 800, hours: 24, warmupDays: 1, seeds: 2, agvs: [12, 16] };
const scene = loadScene('scenes/1088-2-1089/2027.json');

describe('experiment jobs and checks', () => {
  it('orders the jobs seed by seed, every layout and fleet at each, none twice', () => {
    const jobs = experimentJobs(['a', 'b'], spec);
    expect(jobs).toHaveLength(8);
    expect(jobs.slice(0, 4).map((j) => j.seed)).toEqual([1, 1, 1, 1]);
    expect(jobs.slice(0, 4).map((j) => `${j.layout}${j.agvs}`)).toEqual(['a12', 'a16', 'b12', 'b16']);
    expect(new Set(jobs.map(jobKey)).size).toBe(8);
  });

  it('names every problem of a spec at once', () => {
    const bad = experimentProblems({ ...spec, seeds: 0, agvs: [12, 12, 0.5], hours: 0 }, [
      { id: 'x', label: 'x', scene },
      { id: 'x', label: 'y', scene },
    ]);
    expect(bad).toEqual([
      'hours: in (0, 336] (got 0)',
      'seeds: a whole number from 1 to 50 (got 0)',
      'agvs[2]: a whole number from 0 to 400 (got 0.5)',
      'agvs: a fleet size appears twice (12, 12, 0.5)',
      'layouts: two have the same id (x, x)',
    ]);
    expect(
      experimentProblems({ ...spec, seeds: 50, agvs: Array.from({ length: 30 }, (_, k) => k + 1) }, [
        { id: 'x', label: 'x', scene },
        { id: 'y', label: 'y', scene },
      ]),
    ).toEqual(['3000 runs asked (layouts × fleet sizes × seeds); at most 2000: fewer of one of them']);
  });

  it('makes every combination of the varied generator parameters, the first slowest', () => {
    expect(generatorGrid({ cranesPerYard: [2, [3, 3, 2, 2]], scannerLanes: [1, 2] })).toEqual([
      { cranesPerYard: 2, scannerLanes: 1 },
      { cranesPerYard: 2, scannerLanes: 2 },
      { cranesPerYard: [3, 3, 2, 2], scannerLanes: 1 },
      { cranesPerYard: [3, 3, 2, 2], scannerLanes: 2 },
    ]);
    expect(generatorGrid({})).toEqual([{}]);
  });

  it('refuses a file without layouts and one with an unknown parameter, naming the field', () => {
    const none = ExperimentFile.safeParse({ zone: '1119-1120', vehiclesPerDay: 3500, agvs: [40] });
    expect(none.success).toBe(false);
    expect(none.error?.issues[0]?.message).toMatch(/needs "generate" or "scenes"/);
    const unknown = ExperimentFile.safeParse({ zone: '1119-1120', vehiclesPerDay: 3500, agvs: [40], generate: { vary: { cranes: [2] } } });
    expect(unknown.error?.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['unrecognized_keys', 'generate.vary']]);
  });
});
