/**
 * Geometry helpers for the low-poly model generator.
 *
 * Models are designed in metres at their typical real size, centred on x and z,
 * standing on y = 0 (Y up, as in glTF). Every part carries one flat colour, stored
 * as a per-vertex colour. `ModelBuilder.build()` merges all parts into one indexed
 * BufferGeometry with exactly POSITION, NORMAL and COLOR_0 (`color`), then
 * normalises it into the unit box [-0.5, 0, -0.5]..[0.5, 1, 0.5].
 */
import { BufferAttribute, BufferGeometry, Color, CylinderGeometry, Euler, Matrix4, Quaternion, Vector3 } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

export type Vec3 = readonly [number, number, number];
export type Size3 = readonly [number, number, number];
/** A colour given as '#rrggbb' (sRGB, like CSS). Converted to linear RGB for glTF. */
export type Hex = string;

/** Faces of an axis-aligned box, named by their outward normal. */
export type Face = '+x' | '-x' | '+y' | '-y' | '+z' | '-z';

export interface PartOptions {
  /** Faces left out (hidden against another part or the ground), to save triangles. */
  omit?: readonly Face[];
  /** Rotation in radians, applied about the part's centre (Euler XYZ). */
  rot?: Vec3;
}

export interface CylinderOptions {
  /** Number of sides around the axis (default 8). */
  segments?: number;
  /** Axis along which the cylinder extends from `base` (default 'y'). */
  axis?: 'x' | 'y' | 'z';
  /** Radius at the far end (default: same as `radius`; 0 gives a cone). */
  radiusTop?: number;
  /** Leave out both end caps. */
  openEnded?: boolean;
}

/** Linear-RGB colour of an sRGB hex string (three's colour management converts). */
function colour(hex: Hex): Color {
  return new Color(hex);
}

// Tangent pairs (t1, t2) with t1 x t2 = outward normal, so (-,-),(+,-),(+,+),(-,+) is CCW.
const FACES: ReadonlyArray<{ face: Face; n: Vec3; t1: Vec3; t2: Vec3 }> = [
  { face: '+x', n: [1, 0, 0], t1: [0, 1, 0], t2: [0, 0, 1] },
  { face: '-x', n: [-1, 0, 0], t1: [0, 0, 1], t2: [0, 1, 0] },
  { face: '+y', n: [0, 1, 0], t1: [0, 0, 1], t2: [1, 0, 0] },
  { face: '-y', n: [0, -1, 0], t1: [1, 0, 0], t2: [0, 0, 1] },
  { face: '+z', n: [0, 0, 1], t1: [1, 0, 0], t2: [0, 1, 0] },
  { face: '-z', n: [0, 0, -1], t1: [0, 1, 0], t2: [1, 0, 0] },
];

/** An indexed box centred at the origin with flat-shaded faces (4 vertices per face). */
function boxGeometry(size: Size3, omit: readonly Face[] = []): BufferGeometry {
  const pos: number[] = [];
  const nrm: number[] = [];
  const idx: number[] = [];
  const h = new Vector3(size[0] / 2, size[1] / 2, size[2] / 2);
  for (const f of FACES) {
    if (omit.includes(f.face)) continue;
    const base = pos.length / 3;
    const n = new Vector3(...f.n);
    const t1 = new Vector3(...f.t1);
    const t2 = new Vector3(...f.t2);
    for (const [s1, s2] of [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
    ] as const) {
      const v = n.clone().addScaledVector(t1, s1).addScaledVector(t2, s2).multiply(h);
      pos.push(v.x, v.y, v.z);
      nrm.push(n.x, n.y, n.z);
    }
    idx.push(base, base + 1, base + 2, base, base + 2, base + 3);
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(new Float32Array(pos), 3));
  g.setAttribute('normal', new BufferAttribute(new Float32Array(nrm), 3));
  g.setIndex(idx);
  return g;
}

/** Reduces any three geometry to the common attribute set: indexed, position + normal. */
function toCommon(g: BufferGeometry): BufferGeometry {
  for (const name of Object.keys(g.attributes)) {
    if (name !== 'position' && name !== 'normal') g.deleteAttribute(name);
  }
  if (!g.getAttribute('normal')) g.computeVertexNormals();
  if (!g.index) {
    const n = g.getAttribute('position').count;
    g.setIndex(Array.from({ length: n }, (_, i) => i));
  }
  g.clearGroups();
  return g;
}

function paint(g: BufferGeometry, hex: Hex): BufferGeometry {
  const c = colour(hex);
  const n = g.getAttribute('position').count;
  const arr = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    arr[i * 3] = c.r;
    arr[i * 3 + 1] = c.g;
    arr[i * 3 + 2] = c.b;
  }
  g.setAttribute('color', new BufferAttribute(arr, 3));
  return g;
}

export interface BuiltModel {
  /** Merged geometry, normalised into the unit box. */
  geometry: BufferGeometry;
  triangles: number;
  vertices: number;
  /** Bounding-box size of the design in metres, before normalisation. */
  designSize: [number, number, number];
}

/** Collects coloured parts (in metres) and merges them into one unit-box geometry. */
export class ModelBuilder {
  private readonly parts: BufferGeometry[] = [];

  /** Adds any geometry (its own transform already applied) in one colour. */
  add(geometry: BufferGeometry, hex: Hex): this {
    this.parts.push(paint(toCommon(geometry), hex));
    return this;
  }

  /** Axis-aligned box between two corners. */
  box(min: Vec3, max: Vec3, hex: Hex, opts: PartOptions = {}): this {
    const size: Size3 = [max[0] - min[0], max[1] - min[1], max[2] - min[2]];
    if (size.some((s) => !(s > 0))) throw new Error(`degenerate box ${min} ${max}`);
    const centre: Vec3 = [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2];
    return this.boxAt(centre, size, hex, opts);
  }

  /** Box of `size` centred at `centre`, optionally rotated about its centre. */
  boxAt(centre: Vec3, size: Size3, hex: Hex, opts: PartOptions = {}): this {
    const g = boxGeometry(size, opts.omit);
    const m = new Matrix4();
    if (opts.rot) m.makeRotationFromEuler(new Euler(opts.rot[0], opts.rot[1], opts.rot[2]));
    m.setPosition(centre[0], centre[1], centre[2]);
    g.applyMatrix4(m);
    return this.add(g, hex);
  }

  /** Box stretched from point `a` to point `b` with cross-section (thickness x, thickness z). */
  beam(a: Vec3, b: Vec3, section: number | readonly [number, number], hex: Hex, opts: PartOptions = {}): this {
    const va = new Vector3(...a);
    const dir = new Vector3(...b).sub(va);
    const len = dir.length();
    const [t1, t2] = typeof section === 'number' ? [section, section] : section;
    const g = boxGeometry([t1, len, t2], opts.omit);
    const q = new Quaternion().setFromUnitVectors(new Vector3(0, 1, 0), dir.clone().normalize());
    const mid = va.clone().addScaledVector(dir, 0.5);
    g.applyMatrix4(new Matrix4().compose(mid, q, new Vector3(1, 1, 1)));
    return this.add(g, hex);
  }

  /** Cylinder (or cone) whose base centre is `base`, extending `length` along `axis`. */
  cylinder(base: Vec3, radius: number, length: number, hex: Hex, opts: CylinderOptions = {}): this {
    const axis = opts.axis ?? 'y';
    const g = new CylinderGeometry(opts.radiusTop ?? radius, radius, length, opts.segments ?? 8, 1, opts.openEnded ?? false);
    g.translate(0, length / 2, 0);
    if (axis === 'x') g.rotateZ(-Math.PI / 2);
    if (axis === 'z') g.rotateX(Math.PI / 2);
    g.translate(base[0], base[1], base[2]);
    return this.add(g, hex);
  }

  /**
   * Convex prism: a polygon `profile` (listed in either winding) extruded between
   * `from` and `to` along `axis`. For axis 'z' the profile points are (x, y); for
   * axis 'x' they are (z, y); for axis 'y' they are (x, z). Flat-shaded; used for
   * gables, cab fairings and painted arrows.
   */
  prism(profile: ReadonlyArray<readonly [number, number]>, from: number, to: number, axis: 'x' | 'y' | 'z', hex: Hex): this {
    const at = (u: number, v: number, w: number): Vector3 =>
      axis === 'z' ? new Vector3(u, v, w) : axis === 'x' ? new Vector3(w, v, u) : new Vector3(u, w, v);
    const m = profile.length;
    const cu = profile.reduce((s, q) => s + q[0], 0) / m;
    const cy = profile.reduce((s, q) => s + q[1], 0) / m;
    const centre = at(cu, cy, (from + to) / 2);
    const faces: Vector3[][] = [];
    faces.push(profile.map((q) => at(q[0], q[1], from)));
    faces.push(profile.map((q) => at(q[0], q[1], to)));
    profile.forEach((a, i) => {
      const b = profile[(i + 1) % m] ?? a;
      faces.push([at(a[0], a[1], from), at(b[0], b[1], from), at(b[0], b[1], to), at(a[0], a[1], to)]);
    });
    const pos: number[] = [];
    const nrm: number[] = [];
    const idx: number[] = [];
    for (const poly of faces) {
      const [p0, p1, p2] = poly as [Vector3, Vector3, Vector3];
      const n = new Vector3().subVectors(p1, p0).cross(new Vector3().subVectors(p2, p0)).normalize();
      const fc = poly.reduce((s, v) => s.add(v), new Vector3()).multiplyScalar(1 / poly.length);
      const outward = n.dot(fc.sub(centre)) >= 0;
      if (!outward) n.negate();
      const base = pos.length / 3;
      for (const v of poly) {
        pos.push(v.x, v.y, v.z);
        nrm.push(n.x, n.y, n.z);
      }
      for (let i = 1; i + 1 < poly.length; i++) {
        if (outward) idx.push(base, base + i, base + i + 1);
        else idx.push(base, base + i + 1, base + i);
      }
    }
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array(pos), 3));
    g.setAttribute('normal', new BufferAttribute(new Float32Array(nrm), 3));
    g.setIndex(idx);
    return this.add(g, hex);
  }

  /**
   * Striped bar between two x (or z) positions: alternating colours in `n` segments,
   * e.g. a red/white barrier boom or a yellow/black hazard band.
   */
  stripes(
    along: 'x' | 'y' | 'z',
    from: number,
    to: number,
    n: number,
    cross: { min: Vec3; max: Vec3 },
    colours: readonly Hex[],
    opts: PartOptions = {},
  ): this {
    const k = along === 'x' ? 0 : along === 'y' ? 1 : 2;
    const step = (to - from) / n;
    for (let i = 0; i < n; i++) {
      const min = [...cross.min] as [number, number, number];
      const max = [...cross.max] as [number, number, number];
      min[k] = from + i * step;
      max[k] = from + (i + 1) * step;
      this.box(min, max, colours[i % colours.length] ?? '#ff00ff', opts);
    }
    return this;
  }

  /**
   * Merges the parts and maps the bounding box exactly onto the unit box.
   * `designSize` is the intended size in metres; the design's real bounds must
   * match it (within 0.5 %) so the app's (w, h, d) scaling restores the proportions.
   */
  build(name: string, designSize: Size3): BuiltModel {
    if (this.parts.length === 0) throw new Error(`${name}: no parts`);
    const merged = mergeGeometries(this.parts, false);
    if (!merged) throw new Error(`${name}: mergeGeometries failed`);
    const pos = merged.getAttribute('position') as BufferAttribute;
    const nrm = merged.getAttribute('normal') as BufferAttribute;

    const min = new Vector3(Infinity, Infinity, Infinity);
    const max = new Vector3(-Infinity, -Infinity, -Infinity);
    const v = new Vector3();
    for (let i = 0; i < pos.count; i++) {
      v.fromBufferAttribute(pos, i);
      min.min(v);
      max.max(v);
    }
    const size = new Vector3().subVectors(max, min);
    const [dw, dh, dd] = designSize;
    const off = (got: number, want: number) => Math.abs(got - want) > 0.005 * want;
    if (off(size.x, dw) || off(size.y, dh) || off(size.z, dd)) {
      throw new Error(
        `${name}: design bounds ${size
          .toArray()
          .map((s) => s.toFixed(3))
          .join(' x ')} m do not match ${designSize.join(' x ')} m`,
      );
    }
    // Positions: computed in double precision so that the extremes land exactly on
    // -0.5 / 0 / 0.5 / 1. Normals: the inverse transpose of the scale, renormalised.
    for (let i = 0; i < pos.count; i++) {
      v.fromBufferAttribute(pos, i);
      pos.setXYZ(i, (v.x - min.x) / size.x - 0.5, (v.y - min.y) / size.y, (v.z - min.z) / size.z - 0.5);
      v.fromBufferAttribute(nrm, i).multiply(size);
      const len = v.length() || 1;
      nrm.setXYZ(i, v.x / len, v.y / len, v.z / len);
    }
    merged.computeBoundingBox();
    merged.computeBoundingSphere();
    const triangles = (merged.index?.count ?? 0) / 3;
    return {
      geometry: merged,
      triangles,
      vertices: pos.count,
      designSize: [size.x, size.y, size.z],
    };
  }
}
