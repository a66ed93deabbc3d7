import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadShippedScene, REPO_ROOT, SHIPPED_SCENE_FILES } from './fixtures/shippedScenes';
import { segmentCrossesPolyline } from './geometry';
import { parseScene } from './parseScene';
import { SCENE_JSON_SCHEMA_PATH, sceneJsonSchema } from './sceneJsonSchema';
import { FACILITY_KINDS, type Scene } from './sceneSchema';

const ROOT = REPO_ROOT;
const SCENE_FILES = SHIPPED_SCENE_FILES;
const load = loadShippedScene;

describe('the scene files under scenes/', () => {
  it('include the three shipped layouts', () => {
    expect(SCENE_FILES).toEqual(
      expect.arrayContaining(['scenes/1119-1120/today.json', 'scenes/1119-1120/proposed.json', 'scenes/1088-2-1089/proposed.json']),
    );
  });

  it.each(SCENE_FILES)('%s passes the checker', (file) => {
    const r = parseScene(readFileSync(`${ROOT}${file}`, 'utf8'), file);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it.each(SCENE_FILES)('%s lives in the folder of its zone and is named after its variant', (file) => {
    const s = load(file);
    expect(file).toBe(`scenes/${s.zone.id.replace('/', '-')}/${s.variant}.json`);
    expect(s.zone.border.markers[0]?.position).toEqual([0, 0]);
  });

  it.each(SCENE_FILES.filter((f) => f.endsWith('/proposed.json')))('%s has every facility kind and the standard views', (file) => {
    const s = load(file);
    expect(new Set(s.facilities.map((f) => f.kind))).toEqual(new Set(FACILITY_KINDS));
    expect(s.views.map((v) => v.id)).toEqual(expect.arrayContaining(['overview', 'corridor', 'cn-yard']));
    expect(s.fleet.agv.count.value).toBeGreaterThan(0);
    for (const e of s.lanes.edges) {
      expect(e.widthM).toBeGreaterThanOrEqual(4.5);
      expect(e.speedLimitMps).toBeLessThanOrEqual(s.fleet.agv.maxSpeedMps.value);
    }
    expect(s.process.openingHours).toMatchObject({ openHour: 0, closeHour: 24 });
  });

  it('has the AGV route lengths of domain.md: Hữu Nghị 3.1 km in China and > 500 m in Vietnam, Pò Chài ≈2.4 km to Bảo Nguyên', () => {
    // Longest distance along the lanes from the border crossing to the farthest yard node on each side.
    const reach = (s: Scene) => {
      const pos = new Map(s.lanes.nodes.map((n) => [n.id, n.position]));
      const crossing = s.lanes.edges.find((e) => e.crossBorder)!;
      const start = pos.get(crossing.to)!;
      const far = (side: 'VN' | 'CN') => {
        const storage = s.facilities.filter((f) => f.side === side && (f.kind === 'import-storage' || f.kind === 'export-storage'));
        const nodes = s.lanes.nodes.filter((n) => storage.some((f) => f.id === n.serves));
        return Math.max(...nodes.map((n) => Math.hypot(n.position[0] - start[0], n.position[1] - start[1])));
      };
      return { vn: far('VN'), cn: far('CN') };
    };
    const huuNghi = reach(load('scenes/1119-1120/proposed.json'));
    expect(huuNghi.cn).toBeGreaterThan(2900); // straight-line; the lanes bend, so the path is ~3.1 km
    expect(huuNghi.vn).toBeGreaterThan(300);
    const poChai = reach(load('scenes/1088-2-1089/proposed.json'));
    expect(poChai.vn).toBeGreaterThan(2300);
    expect(poChai.cn).toBeLessThan(600);
  });

  it('today at 1119–1120: no AGVs, and every truck route crosses the border on the road', () => {
    const today = load('scenes/1119-1120/today.json');
    expect(today.lanes).toEqual({ nodes: [], edges: [] });
    expect(today.fleet.agv.count.value).toBe(0);
    expect(today.facilities.filter((f) => f.kind === 'road').map((f) => f.kind === 'road' && f.lanes)).toEqual([6, 6]);
    const line = today.zone.border.line;
    for (const r of today.truckRoutes) {
      expect(r.points.some((p, i) => i > 0 && segmentCrossesPolyline(r.points[i - 1]!, p, line))).toBe(true);
    }
  });
});

describe('the published JSON Schema', () => {
  it(`${SCENE_JSON_SCHEMA_PATH} is what sceneJsonSchema() generates now (run npm run schema)`, () => {
    const published: unknown = JSON.parse(readFileSync(`${ROOT}${SCENE_JSON_SCHEMA_PATH}`, 'utf8'));
    expect(published).toEqual(sceneJsonSchema());
  });
});
