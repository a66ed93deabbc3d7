import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localToLonLat, sceneToGeoJson, type GeoAnchor, type LonLat } from './geojson';
import { footprintCorners } from './geometry';
import { parseScene } from './parseScene';
import type { Scene, Vec2 } from './sceneSchema';

function load(file: string): Scene {
  const r = parseScene(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), file);
  if (!r.ok) throw new Error(`${file} is invalid`);
  return r.scene;
}

const scene = load('scenes/1119-1120/proposed.json');
const anchor = scene.zone.geoAnchor;
const rad = (deg: number) => (deg * Math.PI) / 180;
/** Metres per degree on WGS 84 (the published series, https://en.wikipedia.org/wiki/Geographic_coordinate_system#Length_of_a_degree). */
const latDegreeM = (lat: number) => 111132.92 - 559.82 * Math.cos(2 * rad(lat)) + 1.175 * Math.cos(4 * rad(lat)) - 0.0023 * Math.cos(6 * rad(lat));
const lonDegreeM = (lat: number) => 111412.84 * Math.cos(rad(lat)) - 93.5 * Math.cos(3 * rad(lat)) + 0.118 * Math.cos(5 * rad(lat));

/** [longitude, latitude] → [east, north] metres from the anchor: the inverse of the projection, by its radii at the mid latitude. */
function lonLatToLocal(a: GeoAnchor, [lon, lat]: LonLat): Vec2 {
  const e2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
  const mid = (rad(a.lat) + rad(lat)) / 2;
  const w = 1 - e2 * Math.sin(mid) ** 2;
  const m = (6378137 * (1 - e2)) / (w * Math.sqrt(w));
  const n = 6378137 / Math.sqrt(w);
  return [rad(lon - a.lon) * n * Math.cos(mid), rad(lat - a.lat) * m];
}

describe('the local projection around the zone anchor', () => {
  it('puts the anchor at its own latitude and longitude', () => {
    expect(localToLonLat(anchor, [0, 0])).toEqual([anchor.lon, anchor.lat]);
  });

  it('moves 3 km north and 3 km east by the lengths of a degree at that latitude (to a centimetre)', () => {
    const [lonN, latN] = localToLonLat(anchor, [0, 3000]);
    expect(lonN).toBe(anchor.lon);
    expect((latN - anchor.lat) * latDegreeM((latN + anchor.lat) / 2)).toBeCloseTo(3000, 2);
    const [lonE, latE] = localToLonLat(anchor, [3000, 0]);
    expect(latE).toBe(anchor.lat);
    expect((lonE - anchor.lon) * lonDegreeM(anchor.lat)).toBeCloseTo(3000, 2);
    // Far north the east scale is that of the new latitude, not the anchor's (the flat-earth drift stays out).
    const [lonNE, latNE] = localToLonLat(anchor, [3000, 3000]);
    expect((lonNE - anchor.lon) * lonDegreeM((latNE + anchor.lat) / 2)).toBeCloseTo(3000, 1);
  });

  it('comes back to the same metres', () => {
    for (const p of [
      [-2130.58, -1346.5],
      [2541.48, 1648.42],
      [0.001, -0.001],
    ] as const) {
      const back = lonLatToLocal(anchor, localToLonLat(anchor, [p[0], p[1]]));
      expect(back[0]).toBeCloseTo(p[0], 6);
      expect(back[1]).toBeCloseTo(p[1], 6);
    }
  });
});

describe('sceneToGeoJson', () => {
  const geo = sceneToGeoJson(scene);
  const feature = (id: string) => {
    const f = geo.features.find((x) => x.id === id);
    if (!f) throw new Error(`no feature ${id}`);
    return f;
  };

  it('has one feature per facility, lane node and edge, truck route, the border and its markers', () => {
    expect(geo.type).toBe('FeatureCollection');
    const count = (layer: string) => geo.features.filter((f) => f.properties.layer === layer).length;
    expect(count('facility')).toBe(scene.facilities.length);
    expect(count('lane-node')).toBe(scene.lanes.nodes.length);
    expect(count('lane-edge')).toBe(scene.lanes.edges.length);
    expect(count('truck-route')).toBe(scene.truckRoutes.length);
    expect(count('border')).toBe(1);
    expect(count('border-marker')).toBe(scene.zone.border.markers.length);
    expect(new Set(geo.features.map((f) => f.id)).size).toBe(geo.features.length);
  });

  it('draws a rotated footprint as a closed counter-clockwise ring whose corners map back to the metres', () => {
    const yard = scene.facilities.find((f) => f.id === 'vn-export-yard')!;
    expect(yard.footprint.rotation).not.toBe(0);
    const f = feature('facility:vn-export-yard');
    expect(f.properties).toMatchObject({ id: 'vn-export-yard', kind: 'export-storage', side: 'VN', name_en: yard.name?.en ?? null });
    if (f.geometry.type !== 'Polygon') throw new Error('not a polygon');
    const ring = f.geometry.coordinates[0]!;
    expect(ring).toHaveLength(5);
    expect(ring[4]).toEqual(ring[0]);
    const corners = footprintCorners(yard.footprint);
    ring.slice(0, 4).forEach((c, i) => {
      const [e, n] = lonLatToLocal(anchor, c);
      expect(e).toBeCloseTo(corners[i]![0], 6);
      expect(n).toBeCloseTo(corners[i]![1], 6);
    });
    // Shoelace on [lon, lat]: positive area is counter-clockwise (RFC 7946 §3.1.6).
    let twiceArea = 0;
    for (let i = 0; i < 4; i++) twiceArea += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
    expect(twiceArea).toBeGreaterThan(0);
  });

  it('joins an edge between its two nodes, and keeps the border in [lon, lat] order near the anchor', () => {
    const edge = scene.lanes.edges[0]!;
    const f = feature(`edge:${edge.id}`);
    expect(f.geometry.type).toBe('LineString');
    expect(f.geometry.coordinates).toEqual([feature(`node:${edge.from}`).geometry.coordinates, feature(`node:${edge.to}`).geometry.coordinates]);
    const border = feature('border').geometry;
    if (border.type !== 'LineString') throw new Error('not a line');
    for (const [lon, lat] of border.coordinates) {
      expect(Math.abs(lon - anchor.lon)).toBeLessThan(0.05);
      expect(Math.abs(lat - anchor.lat)).toBeLessThan(0.05);
    }
    expect(feature('marker:1119').geometry.coordinates).toEqual([anchor.lon, anchor.lat]);
  });
});
