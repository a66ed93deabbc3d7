import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScene } from '../src/domain/parseScene';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SCENE = 'scenes/1119-1120/proposed.json';

function run(tool: 'lif' | 'geojson', ...args: string[]) {
  const r = spawnSync('npx', ['tsx', `scripts/${tool}.ts`, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, lines: r.stdout.split('\n').filter((l) => l !== ''), stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'layout-files-'));
const scene = parseScene(readFileSync(join(ROOT, SCENE), 'utf8'), SCENE);
if (!scene.ok) throw new Error(`${SCENE} is invalid`);

describe('npm run lif', { timeout: 120_000 }, () => {
  it('exports a scene and imports the file back into the same lanes (exit 0)', () => {
    const lif = join(dir, 'p.lif.json');
    const out = join(dir, 'from-lif.json');
    const ex = run('lif', 'export', SCENE, '--out', lif);
    expect(ex.status).toBe(0);
    expect(ex.lines).toEqual([`wrote ${lif}: 72 nodes, 84 edges, 13 stations (LIF 1.0.0)`]);
    const im = run('lif', 'import', lif, '--scene', SCENE, '--out', out);
    expect(im.lines).toEqual([
      `wrote ${out}: 72 nodes, 84 edges, 13 stations from layout "1119-1120-proposed" for vehicle type "smart-gate-twin.container-agv"`,
    ]);
    expect(im.status).toBe(0);
    const back = parseScene(readFileSync(out, 'utf8'), out);
    expect(back.ok && back.scene).toEqual(scene.scene);
  });

  it('refuses a broken file with a line per problem (exit 1), and a scene that fails the checker', () => {
    const lif = join(dir, 'bad.lif.json');
    const text = readFileSync(join(dir, 'p.lif.json'), 'utf8');
    writeFileSync(lif, text.replace('"endNodeId": "vn-park-a1"', '"endNodeId": "nowhere"').replace('"lifVersion": "1.0.0"', '"lifVersion": 1'));
    const r = run('lif', 'import', lif, '--scene', SCENE, '--out', join(dir, 'never.json'));
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([`${lif}:6:5 metaInformation.lifVersion: must be string`]);
    expect(r.stderr).toContain('refused, nothing written');

    writeFileSync(lif, text.replace('"laneWidthM": 4.5', '"laneWidthM": 1'));
    const narrow = run('lif', 'import', lif, '--scene', SCENE, '--out', join(dir, 'never.json'));
    expect(narrow.status).toBe(1);
    expect(narrow.lines).toEqual([
      expect.stringMatching(/:\d+:9 layouts\[0\]\.edges\[0\] → lanes\.edges\[0\]\.widthM: 1 m is narrower than an AGV \(3 m, fleet\.agv\.widthM\)$/),
    ]);
    expect(() => readFileSync(join(dir, 'never.json'))).toThrow();
  });

  it('says wrong usage with exit 2', () => {
    expect(run('lif', 'import', 'x.json', '--out', 'y.json').status).toBe(2);
    expect(run('lif', 'convert', 'x.json').status).toBe(2);
    expect(run('lif', 'export', SCENE, '--out', 'a', '--colour', 'red').status).toBe(2);
  });
});

describe('npm run geojson', { timeout: 120_000 }, () => {
  it('exports a scene and imports the file back (exit 0); a broken polygon is refused (exit 1)', () => {
    const g = join(dir, 'p.geojson');
    const out = join(dir, 'from-geojson.json');
    expect(run('geojson', 'export', SCENE, '--out', g).status).toBe(0);
    const im = run('geojson', 'import', g, '--scene', SCENE, '--out', out);
    expect(im.status).toBe(0);
    expect(im.lines.at(-1)).toBe(`wrote ${out}: 37 facilities, 72 lane nodes, 84 lane edges from the file`);
    const back = parseScene(readFileSync(out, 'utf8'), out);
    expect(back.ok && back.scene).toEqual(scene.scene);

    const bad = join(dir, 'bad.geojson');
    const json = JSON.parse(readFileSync(g, 'utf8')) as { features: { geometry: { coordinates: unknown[] } }[] };
    json.features[0]!.geometry.coordinates = [[[106.71, 21.97]]];
    writeFileSync(bad, JSON.stringify(json, null, 2));
    const r = run('geojson', 'import', bad, '--scene', SCENE, '--out', join(dir, 'never.json'));
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([
      `${bad}:10:11 features[0].geometry.coordinates[0]: a facility is a rectangle: 4 corners and the first again at the end (got 1 positions)`,
    ]);
  });
});
