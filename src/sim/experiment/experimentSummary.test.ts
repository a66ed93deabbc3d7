import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Site } from '../../domain/layouts/siteSchema';
import { loadScene } from '../testScenes';
import { experimentJobs, type ExperimentSpec } from './experiment';
import { ExperimentEngine } from './ExperimentEngine';
import { ExperimentFile, generatedLayouts } from './experimentFile';
import { summariseExperiment, type ExperimentPoint } from './experimentSummary';
import type { JobRecord } from './runExperiment';

const site = Site.parse(JSON.parse(readFileSync('data/sites/1088-2-1089.json', 'utf8')));
const base = loadScene(`scenes/1088-2-1089/${site.base}.json`);
const file = ExperimentFile.parse({
  zone: '1088/2-1089',
  vehiclesPerDay: 1200,
  agvs: [4, 12],
  generate: { base: { cranesPerYard: 2, slots: 8 }, vary: { cranesPerYard: [1, 2] } },
});
const spec: ExperimentSpec = { vehiclesPerDay: 1200, target: 1, hours: 6, warmupDays: 0, seeds: 2, agvs: [4, 12] };

const dominates = (a: ExperimentPoint, b: ExperimentPoint) =>
  a.agvs <= b.agvs && a.cranes <= b.cranes && a.cleared >= b.cleared && (a.agvs < b.agvs || a.cranes < b.cranes || a.cleared > b.cleared);

describe('summariseExperiment', { timeout: 60_000 }, () => {
  const made = generatedLayouts(file, base, site);
  if (!made.ok) throw new Error(made.problems.join('\n'));
  const layouts = made.layouts;
  const engine = new ExperimentEngine();
  engine.load(layouts);
  const records: JobRecord[] = experimentJobs(
    layouts.map((l) => l.id),
    spec,
  ).map((job) => ({ job, result: engine.run(job, spec) }));

  it('names each generated layout by what varies and counts its cranes', () => {
    expect(layouts.map((l) => [l.id, l.label])).toEqual([
      ['c1', 'cranes 1'],
      ['c2', 'cranes 2'],
    ]);
    const s = summariseExperiment(layouts, spec, records);
    expect(s.points.map((p) => [p.layout, p.agvs, p.cranes, p.seeds])).toEqual([
      ['c1', 4, 4, 2],
      ['c1', 12, 4, 2],
      ['c2', 4, 8, 2],
      ['c2', 12, 8, 2],
    ]);
  });

  it('marks exactly the points no other point beats, and picks the cheapest that reaches the target', () => {
    const s = summariseExperiment(layouts, spec, records);
    for (const p of s.points) expect(p.pareto).toBe(!s.points.some((q) => dominates(q, p)));
    expect(s.points.filter((p) => p.pareto).length).toBeGreaterThan(0);
    expect(s.cheapest!.cleared).toBe(s.cheapest!.point.clearedPerDay.low);
    // Asked for what the best point clears, only the points clearing that much qualify.
    const best = Math.max(...s.points.map((p) => p.cleared));
    const hard = summariseExperiment(layouts, { ...spec, target: best }, records);
    const reaching = hard.points.filter((p) => p.cleared >= best);
    expect(hard.points.filter((p) => p.reaches)).toEqual(reaching);
    expect(hard.cheapest?.cost).toBe(Math.min(...reaching.map((p) => p.cost)));
  });

  it('summarises what finished: a point with one seed is judged on its mean, a failed job is counted', () => {
    const partial = [...records.filter((r) => r.job.seed === 1), { job: records[0]!.job, error: 'worker crashed' }];
    const s = summariseExperiment(layouts, spec, partial);
    expect(s.runsDone).toBe(4);
    expect(s.failed).toBe(1);
    for (const p of s.points) expect(p.cleared).toBe(p.point.clearedPerDay.mean);
    expect(summariseExperiment(layouts, { ...spec, target: 1e6 }, records).cheapest).toBeUndefined();
  });
});
