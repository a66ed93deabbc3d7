import { describe, expect, it } from 'vitest';
import { runStudy } from '../../../sim/study/runStudy';
import { loadScene } from '../../../sim/testScenes';
import { studyCsv } from './studyCsv';

const proposed = loadScene('scenes/1119-1120/proposed.json');

describe('studyCsv', () => {
  it('writes one row per run and mean / ci95 rows per point, with a column per resource', { timeout: 60_000 }, () => {
    const result = runStudy(proposed, { vehiclesPerDay: 2000, hours: 1, replications: 2, sweep: { parameter: 'agvs', from: 20, to: 40, step: 20 } });
    const lines = studyCsv([{ layout: 'edited', result }])
      .trimEnd()
      .split('\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 6)).toEqual(['layout', 'scene', 'vehiclesPerDay', 'agvs', 'hours', 'seed']);
    expect(header).toContain('utilisation:agv-fleet');
    // Points: base (40 AGVs, also the sweep's last) and 20 AGVs: 2 × 2 runs, then 2 × 3 summary rows.
    expect(lines).toHaveLength(1 + 4 + 6);
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => r[5])).toEqual(['1', '2', '1', '2', 'mean', 'ci95-low', 'ci95-high', 'mean', 'ci95-low', 'ci95-high']);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    const mean = rows[4]!;
    expect(Number(mean[8])).toBeCloseTo(result.base.clearedPerDay.mean, 3);
  });
});
