import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `npx tsx scripts/validate.ts ...` as a real process, from the repository root. */
function validate(...files: string[]) {
  const r = spawnSync('npx', ['tsx', 'scripts/validate.ts', ...files], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, lines: r.stdout.split('\n').filter((l) => l !== ''), stderr: r.stderr };
}

const PROBLEM_LINE = /^(?<file>[^:\s]+):(?<line>\d+):(?<col>\d+) (?<path>\S+): (?<message>.+)$/;

describe('scripts/validate.ts', { timeout: 120_000 }, () => {
  it('exits 0 and says ok for a valid scene', () => {
    const r = validate('src/domain/fixtures/minimal.json');
    expect(r.status).toBe(0);
    expect(r.lines).toEqual(['src/domain/fixtures/minimal.json: ok (11 facilities, 9 lane edges)']);
  });

  it('exits 1 with one file:line:col path: message line per problem', () => {
    const good = 'src/domain/fixtures/minimal.json';
    const comma = 'src/domain/fixtures/broken/missing-comma.json';
    const several = 'src/domain/fixtures/broken/several-faults.json';
    const r = validate(good, comma, several);
    expect(r.status).toBe(1);
    expect(r.lines[0]).toBe(`${good}: ok (11 facilities, 9 lane edges)`);
    expect(r.lines.at(-1)).toBe('2 of 3 file(s) invalid');
    const problems = r.lines.slice(1, -1).map((l) => PROBLEM_LINE.exec(l)?.groups);
    expect(problems.every((g) => g !== undefined)).toBe(true);
    expect(problems[0]).toEqual({ file: comma, line: '6', col: '3', path: '(file)', message: 'malformed JSON: expected a comma between items' });
    expect(problems.slice(1).map((g) => g!.file)).toEqual([several, several, several, several]);
    expect(problems.slice(1).map((g) => g!.path)).toEqual([
      'facilities[10].id',
      'lanes.edges[3].crossBorder',
      'facilities[3].footprint',
      'process.riskChannels',
    ]);
  });

  it('exits 1 for a file it cannot read and 2 without arguments', () => {
    const missing = validate('scenes/no-such-zone/proposed.json');
    expect(missing.status).toBe(1);
    expect(missing.lines[0]).toBe('scenes/no-such-zone/proposed.json: cannot read (ENOENT)');
    const usage = validate();
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: npm run validate');
  });
});
