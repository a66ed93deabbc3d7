import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadShippedScene, SHIPPED_SCENE_FILES } from './fixtures/shippedScenes';
import { localToLonLat, lonLatToLocal, sceneToGeoJson, type GeoFeatureCollection } from './geojson';
import { geoJsonToScene } from './geojsonToScene';
import { readImportDefaults } from './layoutImport';
import { formatProblem } from './problem';
import type { Scene } from './sceneSchema';

const root = new URL('../../', import.meta.url);
const defaults = readImportDefaults(JSON.parse(readFileSync(new URL('data/editor.json', root), 'utf8')));
const SCENES = SHIPPED_SCENE_FILES;
const load = loadShippedScene;

const proposed = load('scenes/1119-1120/proposed.json');
const text = (g: unknown) => `${JSON.stringify(g, null, 2)}\n`;
/** The proposed scene's GeoJSON, changed by `edit`, as file text. */
function edited(edit: (g: GeoFeatureCollection & Record<string, unknown>) => void): string {
  const g = JSON.parse(JSON.stringify(sceneToGeoJson(proposed))) as GeoFeatureCollection & Record<string, unknown>;
  edit(g);
  return text(g);
}
function imported(source: string, base: Scene = proposed) {
  const r = geoJsonToScene(source, base, { defaults });
  if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p)).join('\n'));
  return r;
}
function refusal(source: string): string[] {
  const r = geoJsonToScene(source, proposed, { defaults });
  if (r.ok) throw new Error('expected the file to be refused');
  return r.problems.map((p) => formatProblem(p));
}
const feature = (g: GeoFeatureCollection, id: string) => g.features.find((f) => f.id === id)!;
const MM = 1e-3;

describe('GeoJSON export → import', () => {
  it('inverts the projection exactly (to a micrometre over 10 km)', () => {
    const anchor = proposed.zone.geoAnchor;
    for (const p of [
      [0, 0],
      [-2130.58, -1346.5],
      [3000, 3000],
      [7000, -7000],
    ] as const) {
      const [e, n] = lonLatToLocal(anchor, localToLonLat(anchor, [p[0], p[1]]));
      expect(Math.hypot(e - p[0], n - p[1])).toBeLessThan(1e-6);
    }
  });

  it.each(SCENES)('%s comes back with the same facilities and lanes, to the millimetre', (file) => {
    const scene = load(file);
    // Imported over a scene where everything stands a little elsewhere, so no value is the scene's own: every
    // position, size and turn comes back through the projection's inverse.
    const nudged: Scene = {
      ...scene,
      facilities: scene.facilities.map((f) => ({
        ...f,
        footprint: {
          ...f.footprint,
          position: [f.footprint.position[0] + 1, f.footprint.position[1] - 1],
          rotation: f.footprint.rotation + 0.01,
          size: [f.footprint.size[0] + 1, f.footprint.size[1] + 1],
        },
      })),
      lanes: { nodes: scene.lanes.nodes.map((n) => ({ ...n, position: [n.position[0] + 1, n.position[1] + 1] })), edges: [] },
    };
    const r = imported(text(sceneToGeoJson(scene)), nudged);
    expect(r.check).toEqual([]);
    const footprints = (s: Scene) => s.facilities.map(({ footprint, ...rest }) => rest);
    expect(footprints(r.scene)).toEqual(footprints(scene));
    r.scene.facilities.forEach((f, i) => {
      const o = scene.facilities[i]!;
      expect(f.footprint.height).toBe(o.footprint.height);
      for (const k of [0, 1] as const) {
        expect(Math.abs(f.footprint.position[k] - o.footprint.position[k])).toBeLessThanOrEqual(MM);
        expect(Math.abs(f.footprint.size[k] - o.footprint.size[k])).toBeLessThanOrEqual(MM);
      }
      // The far corner moves by the turn times the half-diagonal.
      expect(Math.abs(f.footprint.rotation - o.footprint.rotation) * Math.hypot(...o.footprint.size)).toBeLessThanOrEqual(MM);
    });
    expect(r.scene.lanes.nodes.map(({ position, ...rest }) => rest)).toEqual(scene.lanes.nodes.map(({ position, ...rest }) => rest));
    r.scene.lanes.nodes.forEach((n, i) => {
      const o = scene.lanes.nodes[i]!;
      expect(Math.hypot(n.position[0] - o.position[0], n.position[1] - o.position[1])).toBeLessThanOrEqual(MM);
    });
    expect(r.scene.lanes.edges).toEqual(scene.lanes.edges);
  });

  it('gives back the very scene over itself: what did not move keeps its value', () => {
    const r = imported(text(sceneToGeoJson(proposed)));
    expect(r.check).toEqual([]);
    expect(r.scene).toEqual(proposed);
    expect(r.notes.map((p) => p.message)).toEqual([
      "truck routes not kept: the scene's own are used (" + proposed.truckRoutes.length + ' in the file)',
      `the border and its markers not kept: the scene's zone is used (${1 + proposed.zone.border.markers.length} in the file)`,
    ]);
  });

  it('reads a sketch: a moved yard, a new charging pad with the default fields, a lane drawn node to node without ids', () => {
    const anchor = proposed.zone.geoAnchor;
    const yard = proposed.facilities.find((f) => f.id === 'vn-agv-charging')!;
    const [x, y] = yard.footprint.position;
    const source = edited((g) => {
      g.features.push({
        type: 'Feature',
        id: 'facility:vn-agv-charging-2',
        // A clockwise ring 40 × 20 m, 300 m south of the first pad, as a GIS tool may write it.
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              localToLonLat(anchor, [x - 20, y - 310]),
              localToLonLat(anchor, [x - 20, y - 290]),
              localToLonLat(anchor, [x + 20, y - 290]),
              localToLonLat(anchor, [x + 20, y - 310]),
              localToLonLat(anchor, [x - 20, y - 310]),
            ],
          ],
        },
        properties: { layer: 'facility', kind: 'agv-charging' },
      });
      const [a, b] = proposed.lanes.edges;
      g.features.push({
        type: 'Feature',
        id: 'sketch-1',
        geometry: {
          type: 'LineString',
          coordinates: [
            localToLonLat(anchor, proposed.lanes.nodes.find((n) => n.id === b!.to)!.position),
            localToLonLat(anchor, proposed.lanes.nodes.find((n) => n.id === a!.from)!.position),
          ],
        },
        properties: { layer: 'lane-edge' },
      });
    });
    const r = imported(source);
    const pad = r.scene.facilities.find((f) => f.id === 'vn-agv-charging-2')!;
    expect(pad).toMatchObject({ kind: 'agv-charging', side: yard.side, bays: 8, footprint: { size: [40, 20], height: 5 } });
    expect(pad.footprint.position[0]).toBeCloseTo(x, 3);
    expect(pad.footprint.position[1]).toBeCloseTo(y - 300, 3);
    expect(Math.abs(pad.footprint.rotation)).toBeLessThan(1e-6);
    const [a, b] = proposed.lanes.edges;
    expect(r.scene.lanes.edges.at(-1)).toEqual({ id: `${b!.to}:${a!.from}`, from: b!.to, to: a!.from, widthM: 4.5, speedLimitMps: 3, crossBorder: false });
    expect(r.notes.map((p) => `${p.path}: ${p.message}`).slice(0, 4)).toEqual([
      `features[${proposed.facilities.length + proposed.lanes.nodes.length + proposed.lanes.edges.length + proposed.truckRoutes.length + 1 + proposed.zone.border.markers.length}]: facility height (m) not in the file: 5 used for 1 (${defaults.facilitySource})`,
      expect.stringMatching(/: facility side not in the file: VN used for 1 \(the side of the border its centre lies on\)$/),
      expect.stringMatching(/: a new facility's own fields not in the file: agv-charging used for 1/),
      expect.stringMatching(/: lane width \(m\) not in the file: 4.5 used for 1/),
    ]);
  });
});

describe('GeoJSON import refusals', () => {
  it('names malformed JSON by line and column, and a file that is not a FeatureCollection', () => {
    expect(refusal('{\n  "type": "FeatureCollection",\n  "features": [}\n')[0]).toBe('3:16 (file): malformed JSON: expected a value');
    expect(refusal('{ "type": "Feature", "features": [] }')).toEqual(['1:3 type: must be a GeoJSON FeatureCollection']);
    expect(refusal('{ "type": "FeatureCollection", "crs": { "type": "name", "properties": { "name": "EPSG:3857" } }, "features": [] }')).toEqual([
      '1:32 crs: a "crs" is not read: GeoJSON is longitude and latitude on WGS 84 (RFC 7946)',
    ]);
  });

  it('refuses a facility that is not a rectangle, a far-away point, a lane to an unknown node, an unknown layer, a bad kind', () => {
    const source = edited((g) => {
      const yard = feature(g, 'facility:vn-import-yard');
      const ring = (yard.geometry as { coordinates: number[][][] }).coordinates[0]!;
      ring[2] = [ring[2]![0]! + 0.0001, ring[2]![1]!];
      (feature(g, `node:${proposed.lanes.nodes[0]!.id}`).geometry as { coordinates: number[] }).coordinates = [2.35, 48.85];
      feature(g, `edge:${proposed.lanes.edges[0]!.id}`).properties.to = 'nowhere';
      feature(g, 'border').properties.layer = 'parcel';
      feature(g, `facility:${proposed.facilities[0]!.id}`).properties.kind = 'warehouse';
    });
    const lines = source.split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    expect(refusal(source)).toEqual([
      expect.stringMatching(/^\d+:\d+ features\[0\]\.properties\.kind: must be one of "import-storage", /),
      expect.stringMatching(/^\d+:\d+ features\[\d+\]\.geometry\.coordinates\[0\]: is not a rectangle: a corner lies 2\.77 m off \(at most 0\.5 m\)$/),
      expect.stringMatching(
        /^\d+:\d+ features\[\d+\]\.geometry\.coordinates: lies \d+\.\d km from the zone's anchor \(at most 20 km\): a file of another place\?$/,
      ),
      `${lineOf('"layer": "parcel"')}:9 features[${sceneToGeoJson(proposed).features.findIndex((f) => f.id === 'border')}].properties.layer: "parcel" is not a layer the twin reads (facility, lane-node, lane-edge, truck-route, border, border-marker)`,
      expect.stringMatching(/^\d+:\d+ features\[\d+\]\.properties\.to: names no lane node of the file \("nowhere"\)$/),
    ]);
  });

  it('refuses repeated ids and a lane that bends', () => {
    const source = edited((g) => {
      g.features[1]!.properties.id = g.features[0]!.properties.id as string;
      const edge = feature(g, `edge:${proposed.lanes.edges[3]!.id}`).geometry as { coordinates: number[][] };
      edge.coordinates.splice(1, 0, edge.coordinates[0]!);
    });
    expect(refusal(source).map((s) => s.replace(/^\d+:\d+ /, ''))).toEqual([
      `features[1]: repeats the id "${proposed.facilities[0]!.id}" of features[0]`,
      expect.stringMatching(
        /^features\[\d+\]\.geometry\.coordinates: a lane is straight, one line between two nodes \(got 3 positions\): split it at nodes$/,
      ),
    ]);
  });

  it('returns the checker problems of the new scene, traced to the feature', () => {
    const source = edited((g) => {
      feature(g, `edge:${proposed.lanes.edges[7]!.id}`).properties.widthM = 1;
    });
    const r = imported(source);
    const k = sceneToGeoJson(proposed).features.findIndex((f) => f.id === `edge:${proposed.lanes.edges[7]!.id}`);
    expect(r.check).toEqual([
      {
        problem: expect.objectContaining({ path: 'lanes.edges[7].widthM', code: 'lane-too-narrow' }),
        at: { path: `features[${k}]`, line: expect.any(Number), column: 5 },
      },
    ]);
  });
});
