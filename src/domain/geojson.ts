/**
 * A scene as GeoJSON (RFC 7946) for GIS tools: facilities as polygons of their rotated footprints, AGV lane nodes
 * and edges, truck routes, the border line and its markers, in [longitude, latitude] on WGS 84.
 *
 * The scene's local frame is metres east and north of `zone.geoAnchor`. It is projected with a local
 * equirectangular ("flat earth") projection on the WGS 84 ellipsoid:
 *
 *   φ = φ0 + north / M(φm)          λ = λ0 + east / (N(φm) · cos φm)          φm = (φ0 + φ) / 2
 *
 * with M the meridional and N the prime-vertical radius of curvature,
 * M(φ) = a(1 − e²) / (1 − e² sin²φ)^{3/2} and N(φ) = a / (1 − e² sin²φ)^{1/2}
 * (https://en.wikipedia.org/wiki/Earth_radius#Radii_of_curvature; the same radii give the published "length of
 * a degree" of latitude and longitude). Taking the radii at the mid latitude φm rather than at the anchor keeps
 * the error to millimetres over the few kilometres of a zone (with the anchor's latitude the east scale drifts by
 * about tan φ0 · Δφ: half a metre 3 km east and 3 km north of an anchor at 22° N).
 */
import { footprintCorners } from './geometry';
import type { Scene, Vec2 } from './sceneSchema';

/** WGS 84 semi-major axis (m) and flattening (NIMA TR8350.2, table 3.1). */
const WGS84_A = 6378137;
const WGS84_F = 1 / 298.257223563;
const E2 = WGS84_F * (2 - WGS84_F);
const RAD = Math.PI / 180;

export interface GeoAnchor {
  readonly lat: number;
  readonly lon: number;
}

export type LonLat = [lon: number, lat: number];

type Geometry = { type: 'Point'; coordinates: LonLat } | { type: 'LineString'; coordinates: LonLat[] } | { type: 'Polygon'; coordinates: LonLat[][] };

export interface GeoFeature {
  type: 'Feature';
  id: string;
  geometry: Geometry;
  properties: Record<string, string | number | boolean | null>;
}

export interface GeoFeatureCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

function radii(latRad: number): { m: number; n: number } {
  const s = Math.sin(latRad);
  const w = 1 - E2 * s * s;
  return { m: (WGS84_A * (1 - E2)) / (w * Math.sqrt(w)), n: WGS84_A / Math.sqrt(w) };
}

/** [east, north] metres from the anchor → [longitude, latitude] in degrees. */
export function localToLonLat(anchor: GeoAnchor, [east, north]: Vec2): LonLat {
  const lat0 = anchor.lat * RAD;
  const first = lat0 + north / radii(lat0).m;
  const lat = lat0 + north / radii((lat0 + first) / 2).m;
  const mid = (lat0 + lat) / 2;
  const lon = anchor.lon * RAD + east / (radii(mid).n * Math.cos(mid));
  return [lon / RAD, lat / RAD];
}

/**
 * [longitude, latitude] in degrees → [east, north] metres from the anchor: the exact inverse of
 * {@link localToLonLat}. East comes straight from the mid latitude; north is the fixed point of the forward
 * formula (its radius depends on north itself through the first estimate), reached in a few steps because M
 * changes by a part in 10⁵ over a zone: the loop stops when a step moves it less than a nanometre.
 */
export function lonLatToLocal(anchor: GeoAnchor, [lon, lat]: LonLat): Vec2 {
  const lat0 = anchor.lat * RAD;
  const dLat = lat * RAD - lat0;
  let north = dLat * radii(lat0).m;
  for (let i = 0; i < 20; i++) {
    const first = lat0 + north / radii(lat0).m;
    const next = dLat * radii((lat0 + first) / 2).m;
    const done = Math.abs(next - north) < 1e-9;
    north = next;
    if (done) break;
  }
  const mid = (lat0 + lat * RAD) / 2;
  const east = (lon - anchor.lon) * RAD * radii(mid).n * Math.cos(mid);
  return [east, north];
}

/** The scene's layout as one FeatureCollection; feature ids are prefixed by what they are (`facility:`, `node:`…). */
export function sceneToGeoJson(scene: Scene): GeoFeatureCollection {
  const anchor = scene.zone.geoAnchor;
  const at = (p: Vec2) => localToLonLat(anchor, p);
  const nodes = new Map(scene.lanes.nodes.map((n) => [n.id, n]));
  const features: GeoFeature[] = [];

  for (const f of scene.facilities) {
    const ring = footprintCorners(f.footprint).map(at);
    features.push({
      type: 'Feature',
      id: `facility:${f.id}`,
      // Corners come counter-clockwise (RFC 7946 §3.1.6: exterior rings counter-clockwise); the ring is closed.
      geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] },
      properties: {
        layer: 'facility',
        id: f.id,
        kind: f.kind,
        side: f.side,
        name_vi: f.name?.vi ?? null,
        name_en: f.name?.en ?? null,
        heightM: f.footprint.height,
      },
    });
  }
  for (const n of scene.lanes.nodes) {
    features.push({
      type: 'Feature',
      id: `node:${n.id}`,
      geometry: { type: 'Point', coordinates: at(n.position) },
      properties: { layer: 'lane-node', id: n.id, role: n.role, serves: n.serves ?? null },
    });
  }
  for (const e of scene.lanes.edges) {
    const from = nodes.get(e.from);
    const to = nodes.get(e.to);
    if (!from || !to) continue;
    features.push({
      type: 'Feature',
      id: `edge:${e.id}`,
      geometry: { type: 'LineString', coordinates: [at(from.position), at(to.position)] },
      properties: { layer: 'lane-edge', id: e.id, from: e.from, to: e.to, widthM: e.widthM, speedLimitMps: e.speedLimitMps, crossBorder: e.crossBorder },
    });
  }
  for (const r of scene.truckRoutes) {
    features.push({
      type: 'Feature',
      id: `route:${r.id}`,
      geometry: { type: 'LineString', coordinates: r.points.map(at) },
      properties: { layer: 'truck-route', id: r.id, flow: r.flow },
    });
  }
  features.push({
    type: 'Feature',
    id: 'border',
    geometry: { type: 'LineString', coordinates: scene.zone.border.line.map(at) },
    properties: { layer: 'border', id: 'border', vietnamSide: scene.zone.border.vietnamSide },
  });
  for (const m of scene.zone.border.markers) {
    features.push({
      type: 'Feature',
      id: `marker:${m.number}`,
      geometry: { type: 'Point', coordinates: at(m.position) },
      properties: { layer: 'border-marker', id: m.number },
    });
  }
  return { type: 'FeatureCollection', features };
}
