// @vitest-environment node
/**
 * Checks the committed GLB models in public/models/ (the contract the app relies
 * on) and that the generator reproduces them byte for byte.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeIO, type Primitive } from '@gltf-transform/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACILITY_KINDS } from '../../src/domain/sceneSchema';
import { MODELS } from './catalog';
import { buildModels, MANIFEST_FILE } from './generate';

const MODELS_DIR = fileURLToPath(new URL('../../public/models/', import.meta.url));

const FACILITIES = FACILITY_KINDS;
const INSTANCED = ['agv', 'truck', 'container'] as const;
const CRANE_PARTS = ['crane-runway', 'crane-trolley', 'crane-ropes', 'crane-spreader'] as const;
const EXPECTED: ReadonlyArray<{ name: string; maxTriangles: number }> = [
  ...FACILITIES.map((name) => ({ name, maxTriangles: 5000 })),
  ...INSTANCED.map((name) => ({ name, maxTriangles: 500 })),
  ...CRANE_PARTS.map((name) => ({ name, maxTriangles: 1000 })),
];

const io = new NodeIO();
const EPS = 1e-6;

async function readModel(name: string) {
  const doc = await io.readBinary(new Uint8Array(await readFile(join(MODELS_DIR, `${name}.glb`))));
  return doc.getRoot();
}

function attributeRange(prim: Primitive, semantic: string): { min: number[]; max: number[] } {
  const acc = prim.getAttribute(semantic);
  if (!acc) throw new Error(`missing ${semantic}`);
  return { min: acc.getMin([]), max: acc.getMax([]) };
}

describe('generated models (public/models)', () => {
  it('the catalogue lists exactly the expected models', () => {
    expect(MODELS.map((m) => m.name).sort()).toEqual(EXPECTED.map((m) => m.name).sort());
  });

  for (const { name, maxTriangles } of EXPECTED) {
    describe(name, () => {
      it('holds one mesh with one indexed triangle primitive and one white material', async () => {
        const root = await readModel(name);
        expect(root.listMeshes()).toHaveLength(1);
        expect(root.listNodes()).toHaveLength(1);
        expect(root.listMaterials()).toHaveLength(1);
        const mesh = root.listMeshes()[0]!;
        expect(mesh.getName()).toBe(name);
        const prims = mesh.listPrimitives();
        expect(prims).toHaveLength(1);
        const prim = prims[0]!;
        expect(prim.getMode()).toBe(4);
        expect(prim.getIndices()).not.toBeNull();
        expect(prim.listSemantics().sort()).toEqual(['COLOR_0', 'NORMAL', 'POSITION']);
        const mat = prim.getMaterial()!;
        expect(mat.getBaseColorFactor()).toEqual([1, 1, 1, 1]);
        expect(mat.getMetallicFactor()).toBe(0);
        expect(mat.getRoughnessFactor()).toBeCloseTo(0.8, 5);
      });

      it('fills the unit box [-0.5,0,-0.5]..[0.5,1,0.5] exactly', async () => {
        const prim = (await readModel(name)).listMeshes()[0]!.listPrimitives()[0]!;
        const { min, max } = attributeRange(prim, 'POSITION');
        const want = { min: [-0.5, 0, -0.5], max: [0.5, 1, 0.5] };
        for (let k = 0; k < 3; k++) {
          expect(Math.abs(min[k]! - want.min[k]!)).toBeLessThanOrEqual(EPS);
          expect(Math.abs(max[k]! - want.max[k]!)).toBeLessThanOrEqual(EPS);
        }
      });

      it(`stays within ${maxTriangles} triangles, with valid indices, unit normals and colours in [0,1]`, async () => {
        const prim = (await readModel(name)).listMeshes()[0]!.listPrimitives()[0]!;
        const indices = prim.getIndices()!;
        const vertexCount = prim.getAttribute('POSITION')!.getCount();
        expect(indices.getCount() % 3).toBe(0);
        const triangles = indices.getCount() / 3;
        expect(triangles).toBeGreaterThan(0);
        expect(triangles).toBeLessThanOrEqual(maxTriangles);
        expect(Math.max(...(indices.getArray() as ArrayLike<number> as number[]))).toBeLessThan(vertexCount);
        expect(prim.getAttribute('NORMAL')!.getCount()).toBe(vertexCount);
        expect(prim.getAttribute('COLOR_0')!.getCount()).toBe(vertexCount);
        const n = prim.getAttribute('NORMAL')!.getArray()!;
        for (let i = 0; i < n.length; i += 3) {
          expect(Math.abs(Math.hypot(n[i]!, n[i + 1]!, n[i + 2]!) - 1)).toBeLessThan(1e-4);
        }
        const c = attributeRange(prim, 'COLOR_0');
        expect(Math.min(...c.min)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...c.max)).toBeLessThanOrEqual(1);
      });
    });
  }
});

describe('generator', () => {
  let dirA = '';
  let dirB = '';
  beforeAll(async () => {
    dirA = await mkdtemp(join(tmpdir(), 'models-a-'));
    dirB = await mkdtemp(join(tmpdir(), 'models-b-'));
    await buildModels(dirA);
    await buildModels(dirB);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([dirA, dirB].filter(Boolean).map((d) => rm(d, { recursive: true, force: true })));
  });

  it('writes one GLB per model plus the manifest', async () => {
    const files = (await readdir(dirA)).sort();
    expect(files).toEqual([...EXPECTED.map((m) => `${m.name}.glb`), MANIFEST_FILE].sort());
  });

  it('is deterministic and matches the committed files byte for byte', async () => {
    for (const file of [...EXPECTED.map((m) => `${m.name}.glb`), MANIFEST_FILE]) {
      const a = await readFile(join(dirA, file));
      const b = await readFile(join(dirB, file));
      const committed = await readFile(join(MODELS_DIR, file));
      expect(a.equals(b), `${file}: two runs differ`).toBe(true);
      expect(a.equals(committed), `${file}: differs from public/models (run npm run models)`).toBe(true);
    }
  });
});
