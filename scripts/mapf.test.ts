import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MAP = 'data/mapf/random-32-32-20.map';
const SCEN = 'data/mapf/random-32-32-20-random-1.scen';

/** `npx tsx scripts/mapf.ts ...` as a real process, from the repository root. */
function mapf(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'scripts/mapf.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('scripts/mapf.ts', { timeout: 120_000 }, () => {
  it('solves 50 agents on random-32-32-20, refines them, and writes a plan that checks out on its own', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'mapf-')), 'plan.json');
    const r = mapf('--map', MAP, '--scen', SCEN, '--agents', '50', '--seed', '3', '--time-limit-ms', '1500', '--out', out);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBe(1);
    type Summary = { solved: boolean; agents: number; soc: number; sumOfLoss: number; lowerBound: number; makespan: number; ms: number };
    const summary = JSON.parse(lines[0]!) as Summary & { firstSoc: number; firstSumOfLoss: number; firstMs: number; iterations: number };
    expect(summary).toMatchObject({ solved: true, agents: 50 });
    expect(summary.firstMs).toBeGreaterThan(0);
    expect(summary.ms).toBeGreaterThanOrEqual(summary.firstMs);
    expect(summary.iterations).toBeGreaterThan(0);
    // The refinement never makes the first solution worse in the measure it optimises (LaCAM3's sum of loss).
    expect(summary.sumOfLoss).toBeLessThanOrEqual(summary.firstSumOfLoss);
    expect(summary.sumOfLoss).toBeGreaterThanOrEqual(summary.lowerBound);

    // Independent check, from the files alone: free cells, starts and goals, moves, conflicts, costs.
    const rows = readFileSync(join(ROOT, MAP), 'utf8').trim().split('\n').slice(4);
    const free = (x: number, y: number) => '.GS'.includes(rows[y]?.[x] ?? '@');
    const scen = readFileSync(join(ROOT, SCEN), 'utf8')
      .trim()
      .split('\n')
      .slice(1, 51)
      .map((l) => l.split('\t').map(Number));
    const { paths } = JSON.parse(readFileSync(out, 'utf8')) as { paths: [number, number][][] };
    expect(paths.length).toBe(50);
    let soc = 0;
    let loss = 0;
    paths.forEach((p, i) => {
      expect(p.length).toBe(summary.makespan + 1);
      expect(p[0]).toEqual([scen[i]![4], scen[i]![5]]);
      expect(p.at(-1)).toEqual([scen[i]![6], scen[i]![7]]);
      let last = 0;
      p.forEach(([x, y], t) => {
        expect(free(x, y)).toBe(true);
        if (t === 0) return;
        const [px, py] = p[t - 1]!;
        expect(Math.abs(x - px) + Math.abs(y - py)).toBeLessThanOrEqual(1);
        const atGoal = (cx: number, cy: number) => cx === scen[i]![6] && cy === scen[i]![7];
        if (!atGoal(px, py)) last = t;
        if (!(atGoal(px, py) && atGoal(x, y))) loss++;
      });
      soc += last;
    });
    expect(soc).toBe(summary.soc);
    expect(loss).toBe(summary.sumOfLoss);
    for (let t = 0; t <= summary.makespan; t++) {
      const cells = paths.map((p) => p[t]!.join(','));
      expect(new Set(cells).size).toBe(50);
      if (t === 0) continue;
      const moves = new Set(paths.map((p) => `${p[t - 1]!.join(',')}>${p[t]!.join(',')}`));
      for (const p of paths) {
        const a = p[t - 1]!.join(',');
        const b = p[t]!.join(',');
        if (a !== b) expect(moves.has(`${b}>${a}`)).toBe(false);
      }
    }
  });

  it('exits 2 with a message on wrong usage and unreadable files, 1 when not solved in time', () => {
    for (const [args, message] of [
      [['--map', MAP, '--scen', SCEN], 'missing --agents'],
      [['--map', MAP, '--scen', SCEN, '--agents', '5', '--fast'], 'unknown argument "--fast"'],
      [['--map', MAP, '--scen', SCEN, '--agents', 'many'], '--agents must be an integer'],
      [['--map', 'no/such.map', '--scen', SCEN, '--agents', '5'], 'cannot read no/such.map (ENOENT)'],
      [['--map', SCEN, '--scen', SCEN, '--agents', '5'], `${SCEN}:1: expected "type"`],
    ] as const) {
      const r = mapf(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('usage: npm run mapf');
      expect(r.stdout).toBe('');
    }
    const unsolved = mapf('--map', MAP, '--scen', SCEN, '--agents', '400', '--time-limit-ms', '1');
    expect(unsolved.status).toBe(1);
    expect(JSON.parse(unsolved.stdout)).toMatchObject({ solved: false, agents: 400 });
  });
});
