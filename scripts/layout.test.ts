import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScene } from '../src/domain/parseScene';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'layout-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function layout(...args: string[]) {
  return spawnSync('npx', ['tsx', 'scripts/layout.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
}

describe('scripts/layout.ts', { timeout: 240_000 }, () => {
  it('writes a generated layout the checker passes, and its drawings from above', () => {
    const out = join(dir, 'v.json');
    const r = layout('--zone', '1088/2-1089', '--variant', 'v', '--cranes-per-yard', '3,2,2,3', '--agvs', '30', '--out', out, '--svg', join(dir, 'v'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const scene = parseScene(readFileSync(out, 'utf8'), out);
    expect(scene.ok && scene.scene.id).toBe('1088-2-1089-v');
    expect(readFileSync(join(dir, 'v-vn.svg'), 'utf8')).toMatch(/^<svg [^>]*>[\s\S]*1088-2-1089-v: Vietnamese side[\s\S]*<\/svg>$/);
  });

  it('exits 1 with a line per problem and writes nothing when the layout cannot be made', () => {
    const out = join(dir, 'long.json');
    const r = layout('--zone', '1119-1120', '--cranes-per-yard', '12', '--handover-bays', '3', '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^layout: handover-bays: 0 or 1 \(got 3\)/m);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 on wrong usage, naming it', () => {
    expect(layout('--zone', '1119-1120').status).toBe(2);
    const r = layout('--zone', '1119-1120', '--out', join(dir, 'x.json'), '--cranes-per-yard', '1,2');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--cranes-per-yard needs one number or four/);
  });
});
