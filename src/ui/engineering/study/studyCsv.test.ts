import { describe, expect, it } from 'vitest';
import { runStudy } from '../../../sim/study/runStudy';
import { loadScene } from '../../../sim/testScenes';
import { studyCsv } from './studyCsv';

const proposed = loadScene('scenes/1119-1120/proposed.json');

/** One CSV line's cells, quoted cells (with commas or quotes inside) read back as written. */
function cells(line: string): string[] {
  return [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!));
}

describe('studyCsv', () => {
  it('writes one row per run and mean / ci95 rows per point, with a column per resource', { timeout: 60_000 }, () => {
    const result = runStudy(proposed, { vehiclesPerDay: 2000, hours: 1, replications: 2, sweep: { parameter: 'agvs', from: 20, to: 40, step: 20 } });
    const lines = studyCsv([{ layout: 'edited', result }])
      .trimEnd()
      .split('\n');
    const header = cells(lines[0]!);
    expect(header.slice(0, 6)).toEqual(['layout', 'scene', 'vehiclesPerDay', 'agvs', 'hours', 'seed']);
    expect(header).toContain('utilisation:agv-fleet');
    expect(header.at(-1)).toBe('note');
    // Points: base (40 AGVs, also the sweep's last) and 20 AGVs: 2 × 2 runs, then 2 × 3 summary rows.
    expect(lines).toHaveLength(1 + 4 + 6);
    const rows = lines.slice(1).map(cells);
    expect(rows.map((r) => r[5])).toEqual(['1', '2', '1', '2', 'mean', 'ci95-low', 'ci95-high', 'mean', 'ci95-low', 'ci95-high']);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    const mean = rows[4]!;
    expect(Number(mean[8])).toBeCloseTo(result.base.clearedPerDay.mean, 3);
    // The study's caveats on the first mean row: a 1-h window scaled × 24, two replications.
    expect(mean.at(-1)).toMatch(/^a window of 1 h from 00:00, scaled to a day \(× 24\).*; 2 replications: too few/);
  });

  it('keeps every bound within what its quantity allows and says where it cut (issue 14)', { timeout: 60_000 }, () => {
    const result = runStudy(proposed, { hours: 6, replications: 2 });
    const lines = studyCsv([{ layout: 'edited', result }])
      .trimEnd()
      .split('\n')
      .map(cells);
    const header = lines[0]!;
    const col = (name: string) => header.indexOf(name);
    const low = lines.find((r) => r[5] === 'ci95-low')!;
    const high = lines.find((r) => r[5] === 'ci95-high')!;
    for (const name of ['cleared', 'clearedPerDay', 'timeInSystemP50S', 'timeInSystemP95S']) expect(Number(low[col(name)])).toBeGreaterThanOrEqual(0);
    for (const name of header.filter((h) => h.startsWith('utilisation:'))) {
      if (low[col(name)] !== '') expect(Number(low[col(name)])).toBeGreaterThanOrEqual(0);
      if (high[col(name)] !== '') expect(Number(high[col(name)])).toBeLessThanOrEqual(1);
    }
    if (result.base.timeInSystemP95S.cut?.low !== undefined) expect(low.at(-1)).toMatch(/cut to the quantity's range: .*timeInSystemP95S \(t gave -\d/);
  });
});
