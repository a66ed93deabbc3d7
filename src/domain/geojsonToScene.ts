/**
 * A GeoJSON file (RFC 7946, WGS 84: an engineer's GIS sketch, or the twin's own export from `sceneToGeoJson`)
 * brought into a scene as its facilities and AGV lanes. The scene gives the zone (anchor, border), the truck
 * routes, the fleet and the process; the file's layers replace the scene's: `facility` polygons the facilities,
 * `lane-node` points and `lane-edge` lines the lane network. A layer the file has no feature of keeps the scene's.
 * Refused, every problem named by its path in the file and placed at its line, when the file is not GeoJSON the
 * twin can read; otherwise the new scene is checked and its problems traced back to the features they come from.
 *
 * How a feature becomes a record (docs/formats.md):
 * - positions go back through the projection's exact inverse (`lonLatToLocal`) and are kept to the millimetre; a
 *   value within half a millimetre of the scene's own is the scene's, so an unmoved facility comes back unchanged;
 * - a facility polygon is a rectangle: four corners, the first repeated at the end, each within
 *   {@link RECTANGLE_TOLERANCE_M} of the rectangle fitted to them; its first side (first to second corner, the ring
 *   read counter-clockwise as RFC 7946 §3.1.6 asks, a clockwise ring reversed) is the footprint's size[0] axis,
 *   as `sceneToGeoJson` writes it;
 * - a facility keeps the scene's own fields (capacity, lanes, service times…) when its id and kind are the
 *   scene's; a new one takes data/editor.json's `newFacility` fields, and properties named like a field of its
 *   kind (`serves`, `capacityTeu`…) override either;
 * - a lane edge's width and speed limit not given are data/editor.json's `newEdge` ones; `crossBorder` is worked
 *   out from the border line, never read.
 */
import { sideOf } from './checks/sides';
import { checkScene } from './checks/checkScene';
import { footprintCorners, segmentCrossesPolyline } from './geometry';
import { lonLatToLocal, type LonLat } from './geojson';
import { positionOf, readJsonText } from './jsonText';
import { ImportNotes, type CheckedProblem, type ImportDefaults, type LayoutImport } from './layoutImport';
import { coded, type Problem } from './problem';
import { Facility, FACILITY_KINDS, Id, Scene, type LaneNode, type FacilityKind, type LaneEdge, type Vec2 } from './sceneSchema';
import { zodProblems } from './zodProblems';

/** How far a polygon's corner may lie from the fitted rectangle: a GIS sketch snapped to half a metre still reads. */
export const RECTANGLE_TOLERANCE_M = 0.5;
/** How far from the zone's anchor a position may lie: the zones span about 3 km; 20 km catches a file of elsewhere. */
export const ZONE_RADIUS_KM = 20;
/** A lane edge's line may end this far from its node before the import says so. */
const LINE_END_TOLERANCE_M = 1;

const LAYERS = ['facility', 'lane-node', 'lane-edge', 'truck-route', 'border', 'border-marker'] as const;
type Layer = (typeof LAYERS)[number];
const ID_PREFIX: Record<string, Layer> = {
  'facility:': 'facility',
  'node:': 'lane-node',
  'edge:': 'lane-edge',
  'route:': 'truck-route',
  'marker:': 'border-marker',
};
/** Fields every facility has; the rest of a kind's schema are its own fields. */
const COMMON = new Set(['id', 'kind', 'name', 'side', 'footprint']);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const schemaAt = (path: string, message: string): Problem => coded(path, message, { code: 'import-schema', params: { detail: message } });
const mm = (x: number) => Math.round(x * 1000) / 1000;
/** The scene's own value when the file's is the same to half a millimetre (or microradian), else the file's rounded. */
const keep = (file: number, own: number | undefined, round: (x: number) => number = mm, eps = 5e-4) =>
  own !== undefined && Math.abs(file - own) <= eps ? own : round(file);

interface Read {
  readonly problems: Problem[];
  readonly notes: ImportNotes;
  readonly extra: Problem[];
}

function layerOf(f: Json, path: string, r: Read): Layer | undefined {
  const props = isObject(f.properties) ? f.properties : {};
  const given = props.layer;
  if (given !== undefined) {
    if (typeof given === 'string' && (LAYERS as readonly string[]).includes(given)) return given as Layer;
    r.problems.push(
      coded(`${path}.properties.layer`, `"${String(given)}" is not a layer the twin reads (${LAYERS.join(', ')})`, {
        code: 'geojson-layer',
        params: { layer: String(given), known: LAYERS },
      }),
    );
    return undefined;
  }
  const id = typeof f.id === 'string' ? f.id : '';
  if (id === 'border') return 'border';
  for (const [prefix, layer] of Object.entries(ID_PREFIX)) if (id.startsWith(prefix)) return layer;
  r.problems.push(schemaAt(`${path}.properties.layer`, `required: one of ${LAYERS.join(', ')} (or a feature id starting facility:, node:, edge:)`));
  return undefined;
}

/** The feature's id: `properties.id`, else its own id less the layer prefix. */
function idOf(f: Json, prefix: string): string | undefined {
  const props = isObject(f.properties) ? f.properties : {};
  if (typeof props.id === 'string') return props.id;
  if (typeof f.id === 'string' && f.id.startsWith(prefix)) return f.id.slice(prefix.length);
  return undefined;
}

function geometry(f: Json, path: string, expected: 'Point' | 'LineString' | 'Polygon', r: Read): unknown {
  const g = f.geometry;
  if (!isObject(g)) {
    r.problems.push(schemaAt(`${path}.geometry`, `required: a ${expected}`));
    return undefined;
  }
  if (g.type !== expected) {
    const got = typeof g.type === 'string' ? g.type : 'nothing';
    r.problems.push(coded(`${path}.geometry.type`, `must be a ${expected}, not a ${got}`, { code: 'geojson-geometry', params: { expected, got } }));
    return undefined;
  }
  return g.coordinates;
}

function localPoint(raw: unknown, path: string, scene: Scene, r: Read): Vec2 | undefined {
  if (!Array.isArray(raw) || raw.length < 2 || raw.length > 3 || !raw.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    r.problems.push(schemaAt(path, 'must be a position [longitude, latitude]'));
    return undefined;
  }
  const [lon, lat] = raw as number[];
  if (!(Math.abs(lon!) <= 180 && Math.abs(lat!) <= 90)) {
    r.problems.push(schemaAt(path, `[${lon}, ${lat}] is not a longitude in [-180, 180] and a latitude in [-90, 90]`));
    return undefined;
  }
  const p = lonLatToLocal(scene.zone.geoAnchor, [lon!, lat!] as LonLat);
  const km = Math.hypot(p[0], p[1]) / 1000;
  if (km > ZONE_RADIUS_KM) {
    r.problems.push(
      coded(path, `lies ${km.toFixed(1)} km from the zone's anchor (at most ${ZONE_RADIUS_KM} km): a file of another place?`, {
        code: 'geojson-far',
        params: { distanceKm: Math.round(km * 10) / 10, limitKm: ZONE_RADIUS_KM },
      }),
    );
    return undefined;
  }
  return p;
}

/** The footprint (centre, rotation, size) of a rectangle's four corners, counter-clockwise; and how far off it they lie. */
function fitRectangle(c: readonly Vec2[]): { position: Vec2; rotation: number; size: [number, number]; deviation: number } {
  const [c0, c1, c2, c3] = c as [Vec2, Vec2, Vec2, Vec2];
  const u: Vec2 = [(c1[0] - c0[0] + c2[0] - c3[0]) / 2, (c1[1] - c0[1] + c2[1] - c3[1]) / 2];
  const rotation = Math.atan2(u[1], u[0]);
  const v: Vec2 = [(c3[0] - c0[0] + c2[0] - c1[0]) / 2, (c3[1] - c0[1] + c2[1] - c1[1]) / 2];
  const depth = -Math.sin(rotation) * v[0] + Math.cos(rotation) * v[1];
  const position: Vec2 = [(c0[0] + c1[0] + c2[0] + c3[0]) / 4, (c0[1] + c1[1] + c2[1] + c3[1]) / 4];
  const size: [number, number] = [Math.hypot(u[0], u[1]), depth];
  const fitted = footprintCorners({ position, rotation, size });
  const deviation = Math.max(...c.map((p, i) => Math.hypot(p[0] - fitted[i]![0], p[1] - fitted[i]![1])));
  return { position, rotation, size, deviation };
}

/** The representative of angle `a` (mod 2π) nearest `near`. */
function nearAngle(a: number, near: number): number {
  return a + 2 * Math.PI * Math.round((near - a) / (2 * Math.PI));
}

function readFacility(f: Json, path: string, scene: Scene, d: ImportDefaults, r: Read): Facility | undefined {
  const props = isObject(f.properties) ? f.properties : {};
  const id = idOf(f, 'facility:');
  if (id === undefined) {
    r.problems.push(schemaAt(`${path}.properties.id`, 'required: the facility id'));
    return undefined;
  }
  const own = scene.facilities.find((x) => x.id === id);
  const kindRaw = props.kind ?? own?.kind;
  if (kindRaw === undefined || !(FACILITY_KINDS as readonly unknown[]).includes(kindRaw)) {
    const known = FACILITY_KINDS.map((k) => JSON.stringify(k)).join(', ');
    r.problems.push(
      schemaAt(`${path}.properties.kind`, kindRaw === undefined ? `required for a new facility: one of ${known}` : `must be one of ${known}`),
    );
    return undefined;
  }
  const kind = kindRaw as FacilityKind;
  const coords = geometry(f, path, 'Polygon', r);
  if (coords === undefined) return undefined;
  const cpath = `${path}.geometry.coordinates`;
  if (!Array.isArray(coords) || coords.length !== 1 || !Array.isArray(coords[0])) {
    r.problems.push(schemaAt(cpath, 'a facility is one ring, without holes'));
    return undefined;
  }
  const ring = coords[0] as unknown[];
  const closed = ring.length === 5 && JSON.stringify(ring[0]) === JSON.stringify(ring[4]);
  if (!closed) {
    r.problems.push(schemaAt(`${cpath}[0]`, `a facility is a rectangle: 4 corners and the first again at the end (got ${ring.length} positions)`));
    return undefined;
  }
  const corners = ring.slice(0, 4).map((p, i) => localPoint(p, `${cpath}[0][${i}]`, scene, r));
  if (corners.some((c) => c === undefined)) return undefined;
  let c = corners as Vec2[];
  const area = c.reduce((s, p, i) => s + p[0] * c[(i + 1) % 4]![1] - c[(i + 1) % 4]![0] * p[1], 0);
  if (area < 0) c = [c[0]!, c[3]!, c[2]!, c[1]!];
  const fit = fitRectangle(c);
  if (!(fit.deviation <= RECTANGLE_TOLERANCE_M) || !(fit.size[0] > 0 && fit.size[1] > 0)) {
    const deviation = Math.round(fit.deviation * 100) / 100;
    r.problems.push(
      coded(`${cpath}[0]`, `is not a rectangle: a corner lies ${deviation} m off (at most ${RECTANGLE_TOLERANCE_M} m)`, {
        code: 'geojson-not-rectangle',
        params: { deviation, tolerance: RECTANGLE_TOLERANCE_M },
      }),
    );
    return undefined;
  }
  const ownFp = own?.footprint;
  const rotation = ownFp ? nearAngle(fit.rotation, ownFp.rotation) : fit.rotation;

  let height = props.heightM;
  if (height === undefined || height === null) {
    height = ownFp?.height ?? d.facility[kind].height;
    if (!ownFp) r.notes.defaultAt('facility-height', path, String(height), d.facilitySource);
  }
  let side = props.side;
  if (side === undefined || side === null) {
    side = sideOf(scene, fit.position) ?? own?.side;
    r.notes.defaultAt('facility-side', path, String(side), 'the side of the border its centre lies on');
  }
  let name: unknown = own?.name;
  if ('name_vi' in props || 'name_en' in props) {
    const vi = props.name_vi ?? null;
    const en = props.name_en ?? null;
    if (vi === null && en === null) name = undefined;
    else if (typeof vi === 'string' && typeof en === 'string') name = { vi, en };
    else r.problems.push(schemaAt(`${path}.properties`, 'a name needs both name_vi and name_en (or neither)'));
  }
  const { id: _i, kind: _k, name: _n, side: _s, footprint: _f, ...ownFields } = own && own.kind === kind ? own : ({} as Partial<Facility>);
  const shape = Facility.options.find((o) => o.shape.kind.value === kind)!.shape;
  const given = Object.fromEntries(Object.entries(props).filter(([k]) => k in shape && !COMMON.has(k)));
  const fields = own && own.kind === kind ? ownFields : d.facility[kind].fields;
  if (!(own && own.kind === kind) && Object.keys(d.facility[kind].fields).some((k) => !(k in given))) {
    r.notes.defaultAt('facility-fields', path, kind, d.facilitySource);
  }
  return {
    ...fields,
    ...given,
    id,
    kind,
    ...(name === undefined ? {} : { name }),
    side,
    footprint: {
      position: [keep(fit.position[0], ownFp?.position[0]), keep(fit.position[1], ownFp?.position[1])],
      rotation: keep(rotation, ownFp?.rotation, (x) => Math.round(x * 1e6) / 1e6, 1e-6),
      size: [keep(fit.size[0], ownFp?.size[0]), keep(fit.size[1], ownFp?.size[1])],
      height,
    },
  } as Facility;
}

function readNode(f: Json, path: string, scene: Scene, r: Read): LaneNode | undefined {
  const props = isObject(f.properties) ? f.properties : {};
  const id = idOf(f, 'node:');
  if (id === undefined) {
    r.problems.push(schemaAt(`${path}.properties.id`, 'required: the lane node id'));
    return undefined;
  }
  const coords = geometry(f, path, 'Point', r);
  if (coords === undefined) return undefined;
  const p = localPoint(coords, `${path}.geometry.coordinates`, scene, r);
  if (!p) return undefined;
  const own = scene.lanes.nodes.find((n) => n.id === id);
  const node: Record<string, unknown> = { id, position: [keep(p[0], own?.position[0]), keep(p[1], own?.position[1])], role: props.role ?? 'waypoint' };
  if (props.serves !== undefined && props.serves !== null) node.serves = props.serves;
  return node as LaneNode;
}

interface EdgeDraft {
  readonly path: string;
  readonly id?: string;
  readonly from?: unknown;
  readonly to?: unknown;
  readonly ends: readonly [Vec2, Vec2];
  readonly props: Json;
}

function readEdge(f: Json, path: string, scene: Scene, r: Read): EdgeDraft | undefined {
  const props = isObject(f.properties) ? f.properties : {};
  const coords = geometry(f, path, 'LineString', r);
  if (coords === undefined) return undefined;
  const cpath = `${path}.geometry.coordinates`;
  if (!Array.isArray(coords) || coords.length !== 2) {
    r.problems.push(
      schemaAt(cpath, `a lane is straight, one line between two nodes (got ${Array.isArray(coords) ? coords.length : 0} positions): split it at nodes`),
    );
    return undefined;
  }
  const a = localPoint(coords[0], `${cpath}[0]`, scene, r);
  const b = localPoint(coords[1], `${cpath}[1]`, scene, r);
  if (!a || !b) return undefined;
  return { path, id: idOf(f, 'edge:'), from: props.from, to: props.to, ends: [a, b], props };
}

/** The node nearest a line's end, within the tolerance; the id a sketch without `from`/`to` means. */
function nodeAt(p: Vec2, nodes: readonly LaneNode[]): string | undefined {
  let best: LaneNode | undefined;
  let dist = LINE_END_TOLERANCE_M;
  for (const n of nodes) {
    const d = Math.hypot(n.position[0] - p[0], n.position[1] - p[1]);
    if (d <= dist) {
      dist = d;
      best = n;
    }
  }
  return best?.id;
}

/** Reads a GeoJSON file's text into `base`'s facilities and lanes. */
export function geoJsonToScene(source: string, base: Scene, options: { readonly defaults: ImportDefaults }): LayoutImport {
  const json = readJsonText(source);
  if (!json.ok) return json;
  const { text, tree, data } = json;
  const at = (p: Problem): Problem => ({ ...p, ...positionOf(text, tree, p.path) });
  const refuse = (problems: readonly Problem[]): LayoutImport => ({ ok: false, problems: problems.map(at) });
  if (!isObject(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    return refuse([coded(isObject(data) ? 'type' : '', 'must be a GeoJSON FeatureCollection', { code: 'geojson-not-collection', params: {} })]);
  }
  if (data.crs !== undefined) {
    const name = isObject(data.crs) && isObject(data.crs.properties) ? String(data.crs.properties.name ?? '') : '';
    // GeoJSON 2008 named WGS 84 longitude-latitude so; anything else is another frame the twin cannot read.
    if (!/CRS84$|EPSG::?4326$/.test(name)) {
      return refuse([coded('crs', 'a "crs" is not read: GeoJSON is longitude and latitude on WGS 84 (RFC 7946)', { code: 'geojson-crs', params: {} })]);
    }
  }
  const d = options.defaults;
  const r: Read = { problems: [], notes: new ImportNotes(), extra: [] };
  const facilities: Facility[] = [];
  const facilitySource: string[] = [];
  const nodes: LaneNode[] = [];
  const nodeSource: string[] = [];
  const drafts: EdgeDraft[] = [];
  const refusedNodes = new Set<string>();
  const firstPath = new Map<string, string>();
  const unique = (owner: string, id: string, path: string): boolean => {
    const first = firstPath.get(`${owner}:${id}`);
    if (first) {
      r.problems.push(coded(path, `repeats the id "${id}" of ${first}`, { code: 'import-duplicate-id', params: { id, first } }));
      return false;
    }
    firstPath.set(`${owner}:${id}`, path);
    if (!Id.safeParse(id).success) {
      r.problems.push(
        coded(path, `"${id}" cannot be a twin id: letters, digits and _ . : / - only, no spaces`, { code: 'import-bad-id', params: { id } }),
      );
      return false;
    }
    return true;
  };

  (data.features as unknown[]).forEach((f, k) => {
    const path = `features[${k}]`;
    if (!isObject(f) || f.type !== 'Feature') {
      r.problems.push(schemaAt(path, 'must be a GeoJSON Feature'));
      return;
    }
    switch (layerOf(f, path, r)) {
      case 'facility': {
        const x = readFacility(f, path, base, d, r);
        if (x && unique('facility', x.id, path)) {
          facilities.push(x);
          facilitySource.push(path);
        }
        return;
      }
      case 'lane-node': {
        const n = readNode(f, path, base, r);
        if (n && unique('node', n.id, path)) {
          nodes.push(n);
          nodeSource.push(path);
        } else if (!n) {
          // Refused already: the lanes to it are not refused a second time.
          const id = idOf(f, 'node:');
          if (id !== undefined) refusedNodes.add(id);
        }
        return;
      }
      case 'lane-edge': {
        const e = readEdge(f, path, base, r);
        if (e) drafts.push(e);
        return;
      }
      case 'truck-route':
        r.notes.notKeptAt('geojson-truck-routes', path);
        return;
      case 'border':
      case 'border-marker':
        r.notes.notKeptAt('geojson-border', path);
        return;
      case undefined:
        return;
    }
  });

  const nodeIds = new Set(nodes.map((n) => n.id));
  const edges: LaneEdge[] = [];
  const edgeSource: string[] = [];
  const laneNodes = nodes.length > 0 || drafts.length > 0 ? nodes : base.lanes.nodes;
  for (const e of drafts) {
    const end = (field: 'from' | 'to', i: 0 | 1): string | undefined => {
      const given = e[field];
      if (given === undefined || given === null) {
        const snapped = nodeAt(e.ends[i], laneNodes);
        if (snapped === undefined)
          r.problems.push(
            schemaAt(`${e.path}.properties.${field}`, `required: the node id (or start the line within ${LINE_END_TOLERANCE_M} m of a node)`),
          );
        return snapped;
      }
      if (typeof given !== 'string' || !nodeIds.has(given)) {
        if (typeof given === 'string' && refusedNodes.has(given)) return undefined;
        r.problems.push(
          coded(`${e.path}.properties.${field}`, `names no lane node of the file ("${String(given)}")`, {
            code: 'unknown-node',
            params: { id: String(given) },
          }),
        );
        return undefined;
      }
      return given;
    };
    const from = end('from', 0);
    const to = end('to', 1);
    if (from === undefined || to === undefined) continue;
    const id = e.id ?? `${from}:${to}`;
    if (!unique('edge', id, `${e.path}.properties.id`)) continue;
    const a = laneNodes.find((n) => n.id === from)!.position;
    const b = laneNodes.find((n) => n.id === to)!.position;
    for (const [nodeId, p, q] of [
      [from, a, e.ends[0]],
      [to, b, e.ends[1]],
    ] as const) {
      const distance = Math.hypot(p[0] - q[0], p[1] - q[1]);
      if (distance > LINE_END_TOLERANCE_M) {
        const rounded = Math.round(distance * 10) / 10;
        r.extra.push(
          coded(`${e.path}.geometry`, `its line ends ${rounded} m from node "${nodeId}"; the twin draws the lane between its nodes`, {
            code: 'geojson-line-off-node',
            params: { id: nodeId, distance: rounded },
          }),
        );
      }
    }
    const number = (field: 'widthM' | 'speedLimitMps', fallback: { value: number; source: string }, name: 'lane-width' | 'speed-limit') => {
      const v = e.props[field];
      if (v === undefined || v === null) {
        r.notes.defaultAt(name, e.path, String(fallback.value), fallback.source);
        return fallback.value;
      }
      if (typeof v !== 'number' || !(v > 0)) r.problems.push(schemaAt(`${e.path}.properties.${field}`, 'must be a number > 0'));
      return v as number;
    };
    edges.push({
      id,
      from,
      to,
      widthM: number('widthM', d.laneWidthM, 'lane-width'),
      speedLimitMps: number('speedLimitMps', d.speedLimitMps, 'speed-limit'),
      crossBorder: segmentCrossesPolyline(a, b, base.zone.border.line),
    });
    edgeSource.push(e.path);
  }
  if (r.problems.length > 0) return refuse(r.problems);

  const hasFacilities = facilities.length > 0;
  const hasLanes = nodes.length > 0 || drafts.length > 0;
  const next = {
    ...base,
    facilities: hasFacilities ? facilities : base.facilities,
    lanes: hasLanes ? { nodes, edges } : base.lanes,
  };
  const sources: Record<string, readonly string[]> = {
    facilities: hasFacilities ? facilitySource : [],
    'lanes.nodes': hasLanes ? nodeSource : [],
    'lanes.edges': hasLanes ? edgeSource : [],
  };
  const origin = (scenePath: string): string | undefined => {
    const m = /^(facilities|lanes\.nodes|lanes\.edges)\[(\d+)\]/.exec(scenePath);
    return m ? sources[m[1]!]![Number(m[2])] : undefined;
  };
  const shaped = Scene.safeParse(next, { reportInput: true });
  if (!shaped.success) {
    // A field given in the file's properties (`capacityTeu: "many"`) is named by the feature it came from.
    return refuse(zodProblems(shaped.error).map((p) => ({ ...p, path: origin(p.path) ?? p.path, message: `${p.path}: ${p.message}` })));
  }
  const scene = shaped.data;
  const check: CheckedProblem[] = checkScene(scene).map((problem) => {
    const from = origin(problem.path);
    return from ? { problem, at: { path: from, ...positionOf(text, tree, from) } } : { problem };
  });
  return {
    ok: true,
    scene,
    check,
    notes: [...r.notes.list(), ...r.extra].map(at),
    counts: { ...(hasFacilities ? { facilities: facilities.length } : {}), nodes: scene.lanes.nodes.length, edges: scene.lanes.edges.length },
    summary: `${hasFacilities ? facilities.length : 'no'} facilities, ${hasLanes ? `${nodes.length} lane nodes, ${edges.length} lane edges` : 'no lanes'} from the file`,
  };
}
