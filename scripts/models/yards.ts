/**
 * Container yards: `import-storage` (blue) and `export-storage` (orange, with a
 * container freight station shed at its +X end). Containers lie with their length
 * along X, in blocks of bays (along X) by rows (along Z), stacked up to 5 high.
 */
import { seededRandom as rng } from '../../src/domain/random';
import { ModelBuilder, type Hex } from './primitives';
import { P } from './palette';

const CL = 12.19; // 40-ft container length (x)
const CW = 2.44; // width (z)
const CH = 2.59; // height (y)
const GAP_X = 0.81; // between bays
const GAP_Z = 0.2; // between rows

export interface YardLayout {
  /** -X edge of the first block. */
  x0: number;
  /** Bays per block, blocks laid out along +X. */
  blocksX: readonly number[];
  aisleX: number;
  /** -Z edge of the first row block. */
  z0: number;
  rowBlocks: number;
  rowsPerBlock: number;
  aisleZ: number;
  /** Ground level the containers stand on. */
  baseY: number;
  colours: readonly Hex[];
  seed: number;
}

export interface YardExtents {
  /** [x start, x end] of each block along X. */
  xBlocks: Array<[number, number]>;
  /** [z start, z end] of each row block along Z. */
  zBlocks: Array<[number, number]>;
  /** [x start, x end] of the aisles between blocks along X. */
  xAisles: Array<[number, number]>;
  /** [z start, z end] of the aisles between row blocks along Z. */
  zAisles: Array<[number, number]>;
}

/** Height profile of stacks: favours 2-4 tiers, sometimes an empty slot or 5 high. */
const TIERS = [0, 1, 2, 2, 3, 3, 3, 4, 4, 5] as const;

/**
 * Adds stacked containers. Each container is a box without its bottom face; the
 * top face is kept only on the top tier, and a side face towards a neighbouring
 * row (0.2 m away) is left out where that neighbour stands at least as high.
 */
function containerStacks(b: ModelBuilder, L: YardLayout): YardExtents {
  const rand = rng(L.seed);
  const ext: YardExtents = { xBlocks: [], zBlocks: [], xAisles: [], zAisles: [] };
  const blockLen = (bays: number) => bays * CL + (bays - 1) * GAP_X;
  const blockDepth = L.rowsPerBlock * CW + (L.rowsPerBlock - 1) * GAP_Z;

  let x = L.x0;
  for (const [k, bays] of L.blocksX.entries()) {
    if (k > 0) ext.xAisles.push([x - L.aisleX, x]);
    ext.xBlocks.push([x, x + blockLen(bays)]);
    x += blockLen(bays) + L.aisleX;
  }
  for (let rb = 0; rb < L.rowBlocks; rb++) {
    const z = L.z0 + rb * (blockDepth + L.aisleZ);
    if (rb > 0) ext.zAisles.push([z - L.aisleZ, z]);
    ext.zBlocks.push([z, z + blockDepth]);
  }

  for (const [bx0, bx1] of ext.xBlocks) {
    const bays = Math.round((bx1 - bx0 + GAP_X) / (CL + GAP_X));
    for (const [bz0] of ext.zBlocks) {
      // heights[bay][row]
      const heights = Array.from({ length: bays * L.rowsPerBlock }, () => TIERS[Math.floor(rand() * TIERS.length)] ?? 0);
      const tiers = (bay: number, row: number) => (row < 0 || row >= L.rowsPerBlock ? 0 : (heights[bay * L.rowsPerBlock + row] ?? 0));
      for (let i = 0; i < bays; i++) {
        const cx0 = bx0 + i * (CL + GAP_X);
        for (let r = 0; r < L.rowsPerBlock; r++) {
          const cz0 = bz0 + r * (CW + GAP_Z);
          const h = tiers(i, r);
          for (let t = 0; t < h; t++) {
            const omit: Array<'-y' | '+y' | '-z' | '+z'> = ['-y'];
            if (t < h - 1) omit.push('+y');
            if (tiers(i, r - 1) > t) omit.push('-z');
            if (tiers(i, r + 1) > t) omit.push('+z');
            const c = L.colours[Math.floor(rand() * L.colours.length)] ?? P.offWhite;
            const y0 = L.baseY + t * CH;
            b.box([cx0, y0, cz0], [cx0 + CL, y0 + CH, cz0 + CW], c, { omit });
          }
        }
      }
    }
  }
  return ext;
}

/** Flood-light mast: thin pole with a lamp head; top at `top`. */
function lightMast(b: ModelBuilder, x: number, z: number, baseY: number, top: number): void {
  b.cylinder([x, baseY, z], 0.35, top - baseY - 0.6, P.steel, { segments: 6, radiusTop: 0.22 });
  b.box([x - 1.2, top - 0.6, z - 0.5], [x + 1.2, top, z + 0.5], P.darkSteel, { omit: ['-y'] });
  b.box([x - 1.1, top - 0.7, z - 0.45], [x + 1.1, top - 0.6, z + 0.45], P.lamp, { omit: ['+y'] });
}

/** Paved yard slab with a coloured kerb band around it and darker traffic aisles. */
function yardSlab(b: ModelBuilder, w: number, d: number, slab: Hex, kerb: Hex): number {
  const top = 0.3;
  b.box([-w / 2, 0, -d / 2], [w / 2, top, d / 2], slab);
  const k = 0.8;
  b.box([-w / 2, top, -d / 2], [w / 2, top + 0.15, -d / 2 + k], kerb, { omit: ['-y'] });
  b.box([-w / 2, top, d / 2 - k], [w / 2, top + 0.15, d / 2], kerb, { omit: ['-y'] });
  b.box([-w / 2, top, -d / 2 + k], [-w / 2 + k, top + 0.15, d / 2 - k], kerb, { omit: ['-y', '-z', '+z'] });
  b.box([w / 2 - k, top, -d / 2 + k], [w / 2, top + 0.15, d / 2 - k], kerb, { omit: ['-y', '-z', '+z'] });
  return top;
}

/** Darker asphalt strips in the aisles between row blocks, with a dashed centre line. */
function aisles(b: ModelBuilder, ext: YardExtents, xFrom: number, xTo: number, y: number): void {
  for (const [za, zb] of ext.zAisles) {
    const z0 = za + 0.6;
    const z1 = zb - 0.6;
    b.box([xFrom, y, z0], [xTo, y + 0.02, z1], P.darkAsphalt, { omit: ['-y'] });
    const zc = (z0 + z1) / 2;
    const n = Math.floor((xTo - xFrom) / 12);
    const step = (xTo - xFrom) / n;
    for (let k = 0; k < n; k++) {
      const xa = xFrom + k * step + step * 0.25;
      b.box([xa, y + 0.02, zc - 0.1], [xa + step * 0.5, y + 0.04, zc + 0.1], P.white, { omit: ['-y'] });
    }
  }
}

/** Darker strip across the aisle between the two blocks; returns its x range. */
function crossAisle(b: ModelBuilder, ext: YardExtents, y: number): [number, number] {
  const [a0, a1] = ext.xAisles[0] ?? [0, 0];
  b.box([a0 + 1, y, -36], [a1 - 1, y + 0.02, 36], P.darkAsphalt, { omit: ['-y'] });
  return [a0 + 1, a1 - 1];
}

/** import-storage, design size 200 x 14 x 80 m. */
export function importStorage(): ModelBuilder {
  const b = new ModelBuilder();
  const W = 200;
  const D = 80;
  const top = yardSlab(b, W, D, '#b9c3d3', P.import);
  const ext = containerStacks(b, {
    x0: -85.19,
    blocksX: [6, 6],
    aisleX: 16,
    z0: -33.46,
    rowBlocks: 3,
    rowsPerBlock: 6,
    aisleZ: 10,
    baseY: top,
    colours: [P.import, '#2563eb', '#1d4ed8', '#60a5fa', '#1e40af', '#93c5fd', P.offWhite, '#64748b'],
    seed: 1119,
  });
  aisles(b, ext, -97, 97, top);
  // Cross aisle between the two blocks.
  const [xa0, xa1] = crossAisle(b, ext, top);
  // Light masts at the aisle crossings and at both ends.
  const xs = [-93, (xa0 + xa1) / 2, 93];
  for (const [za, zb] of ext.zAisles) {
    const zc = (za + zb) / 2;
    for (const x of xs) lightMast(b, x, zc, top, 14);
  }
  // Blue-roofed gate house at the -X entrance.
  b.box([-99, top, -3], [-95, top + 3, 3], P.offWhite, { omit: ['-y'] });
  b.box([-99.3, top + 3, -3.3], [-94.7, top + 3.4, 3.3], P.import);
  b.box([-95.05, top + 1.2, -2.5], [-94.95, top + 2.4, 2.5], P.glass, { omit: ['-x'] });
  return b;
}

/** export-storage, design size 200 x 14 x 80 m; a freight-station shed fills the +X end. */
export function exportStorage(): ModelBuilder {
  const b = new ModelBuilder();
  const W = 200;
  const D = 80;
  const top = yardSlab(b, W, D, '#d3c8bb', P.export);
  const ext = containerStacks(b, {
    x0: -92,
    blocksX: [5, 5],
    aisleX: 12,
    z0: -33.46,
    rowBlocks: 3,
    rowsPerBlock: 6,
    aisleZ: 10,
    baseY: top,
    colours: [P.export, '#ea580c', '#c2410c', '#fb923c', '#9a3412', '#fdba74', P.offWhite, '#a16207'],
    seed: 1088,
  });
  aisles(b, ext, -97, 52, top);
  const [xa0, xa1] = crossAisle(b, ext, top);
  for (const [za, zb] of ext.zAisles) {
    const zc = (za + zb) / 2;
    for (const x of [-95, (xa0 + xa1) / 2]) lightMast(b, x, zc, top, 14);
  }

  // Container freight station: long shed along Z with a pitched roof (ridge along Z),
  // an orange band, dock doors and a loading canopy on its -X (yard) side.
  const sx0 = 62;
  const sx1 = 98;
  const sz = 32;
  const eave = top + 9;
  const ridge = top + 12.6;
  const wall = '#e7e5e4';
  b.box([sx0, top, -sz], [sx1, eave, sz], wall, { omit: ['-y', '+y'] });
  b.prism(
    [
      [sx0, eave],
      [sx1, eave],
      [(sx0 + sx1) / 2, ridge],
    ],
    -sz,
    sz,
    'z',
    wall,
  );
  const slope = Math.atan2(ridge - eave, (sx1 - sx0) / 2);
  const half = Math.hypot(ridge - eave, (sx1 - sx0) / 2) + 0.8;
  const roof = '#9a3412';
  for (const s of [-1, 1]) {
    const cx = (sx0 + sx1) / 2 + (s * half * Math.cos(slope)) / 2;
    const cy = ridge + 0.2 - (half * Math.sin(slope)) / 2;
    b.boxAt([cx, cy, 0], [half, 0.3, 2 * sz + 1], roof, { rot: [0, 0, -s * slope] });
  }
  b.box([sx0 - 0.05, eave - 1.6, -sz - 0.05], [sx1 + 0.05, eave - 0.6, sz + 0.05], P.export, { omit: ['-y', '+y'] });
  for (let k = 0; k < 8; k++) {
    const zc = -sz + 4 + k * ((2 * sz - 8) / 7);
    b.box([sx0 - 0.1, top, zc - 1.6], [sx0, top + 4.2, zc + 1.6], P.darkSteel, { omit: ['-y', '+x'] });
  }
  // Dock canopy on slender columns.
  const cx0 = sx0 - 7;
  b.box([cx0, top + 5.4, -sz], [sx0, top + 5.8, sz], P.export);
  for (let k = 0; k < 5; k++) {
    const zc = -sz + 0.5 + k * ((2 * sz - 1) / 4);
    b.box([cx0 + 0.2, top, zc - 0.2], [cx0 + 0.6, top + 5.4, zc + 0.2], P.steel, { omit: ['-y', '+y'] });
  }
  // Raised dock platform along the shed.
  b.box([sx0 - 3, top, -sz + 1], [sx0, top + 1.2, sz - 1], P.concrete, { omit: ['-y'] });
  return b;
}
