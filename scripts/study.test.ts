import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

function study(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'scripts/study.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  const lines = r.stdout.split('\n').filter((l) => l !== '');
  return { status: r.status, lines, stderr: r.stderr };
}

const REQUIRED = [
  'vehiclesPerDay',
  'cleared',
  'timeInSystemP50S',
  'timeInSystemP95S',
  'utilisation',
  'queueMax',
  'bottleneck',
  'nearMisses',
  'contacts',
  'simSeconds',
  'wallMs',
];

describe('scripts/study.ts', { timeout: 240_000 }, () => {
  it('prints the KPIs as JSON on its last line, the same for the same seed but for the wall time', () => {
    const args = ['scenes/1119-1120/proposed.json', '--vehicles-per-day', '2000', '--agvs', '30', '--hours', '4', '--seed', '9'];
    const a = study(...args);
    const b = study(...args);
    expect(a.status).toBe(0);
    const ja = JSON.parse(a.lines.at(-1)!) as Record<string, unknown>;
    const jb = JSON.parse(b.lines.at(-1)!) as Record<string, unknown>;
    for (const key of REQUIRED) expect(ja).toHaveProperty(key);
    expect(ja).toMatchObject({ vehiclesPerDay: 2000, agvs: 30, hours: 4, seed: 9, simSeconds: 14400 });
    expect(typeof ja.wallMs).toBe('number');
    delete ja.wallMs;
    delete jb.wallMs;
    expect(JSON.stringify(jb)).toBe(JSON.stringify(ja));
    expect(Object.keys(ja.utilisation as object)).toContain(ja.bottleneck);
  });

  it('exits 2 on wrong usage and 1 on an invalid scene, saying why', () => {
    const none = study();
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/usage: npm run study/);
    const flag = study('scenes/1119-1120/today.json', '--agvs', 'many');
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/--agvs needs a number \(got many\)/);
    const broken = study('src/domain/fixtures/broken/missing-comma.json');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/missing-comma\.json:\d+:\d+/);
  });
});
