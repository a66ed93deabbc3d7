import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'experiment-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const small = {
  zone: '1088/2-1089',
  vehiclesPerDay: 1200,
  hours: 2,
  warmupDays: 0,
  seeds: 2,
  agvs: [4, 8],
  generate: { vary: { cranesPerYard: [1, 2] } },
};

function write(name: string, content: object | string): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

function experiment(...args: string[]) {
  return spawnSync('npx', ['tsx', 'scripts/experiment.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
}

const records = (file: string) => readFileSync(file, 'utf8').trim().split('\n').slice(1);

describe('scripts/experiment.ts', { timeout: 240_000 }, () => {
  it('runs every layout × fleet × seed on threads, keeps each day in the results file, and resumes from it', () => {
    const file = write('small.json', small);
    const out = join(dir, 'small.results.jsonl');
    const r = experiment(file, '--threads', '2', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/2 layout\(s\) × 2 fleet size\(s\) × 2 seed\(s\) = 8 days; 8 to run on 2 thread\(s\)/);
    expect(records(out)).toHaveLength(8);
    const summary = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { runsDone: number; points: { layout: string; pareto: boolean }[] };
    expect(summary.runsDone).toBe(8);
    expect(summary.points.map((p) => p.layout)).toEqual(['c1', 'c1', 'c2', 'c2']);
    expect(r.stdout).toMatch(/^\| cranes 1 \| 4 \| 4 \| 2 \| /m);
    const again = experiment(file, '--threads', '1', '--out', out);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/= 8 days, 8 already in .*small\.results\.jsonl; 0 to run/);
    expect(JSON.parse(again.stdout.trim().split('\n').at(-1)!)).toMatchObject({ runsDone: 8, points: summary.points });
  });

  it('stopped with Ctrl-C, keeps the days that finished and exits 3; the next run does only the rest', async () => {
    const file = write('stop.json', { ...small, hours: 24, seeds: 5 });
    const out = join(dir, 'stop.results.jsonl');
    // Node itself, not npx, so the signal goes to the program and not to a wrapper.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/experiment.ts', file, '--threads', '1', '--out', out], { cwd: ROOT });
    let stderr = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        // The first finished day: stop the run.
        if (/^1\/20 /m.test(stderr) && !child.killed) child.kill('SIGINT');
      });
      child.on('exit', resolve);
    });
    expect(code).toBe(3);
    const kept = records(out).length;
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(kept).toBeLessThan(20);
    const rest = experiment(file, '--seeds', '5', '--threads', '2', '--out', out);
    expect(rest.stderr).toContain(`${kept} already in`);
    expect(rest.stderr).toContain(`${20 - kept} to run`);
    expect(records(out)).toHaveLength(20);
  });

  it('exits 1 naming the file, line and field of a bad experiment, and refusing another experiment’s results', () => {
    const bad = write('bad.json', '{\n  "zone": "1119-1120",\n  "vehiclesPerDay": -5,\n  "agvs": [40],\n  "scenes": ["scenes/1119-1120/2030.json"]\n}\n');
    const r = experiment(bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.json:3:\d+ vehiclesPerDay: must be > 0/);
    const other = write('other.results.jsonl', '{"experiment":{}}\n');
    const clash = experiment(write('ok.json', small), '--out', other);
    expect(clash.status).toBe(1);
    expect(clash.stderr).toMatch(/holds the results of another experiment/);
  });

  it('exits 2 on wrong usage', () => {
    expect(experiment().status).toBe(2);
    expect(experiment(write('u.json', small), '--threads', '0').status).toBe(2);
    expect(experiment(write('v.json', small), '--colour', 'red').stderr).toMatch(/unknown option --colour/);
  });
});
