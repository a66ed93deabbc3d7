/**
 * `buildModels(outDir)`: writes every model of the catalogue as `<name>.glb` plus a
 * `manifest.json` (triangle and vertex counts, design sizes, conventions).
 * Deterministic: the same sources give byte-identical files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MODELS, type ModelSpec } from './catalog';
import { geometryToGlb } from './writeGlb';

export interface ModelReport {
  name: string;
  file: string;
  triangles: number;
  vertices: number;
  bytes: number;
  designSize: [number, number, number];
}

export const MANIFEST_FILE = 'manifest.json';

async function buildModel(spec: ModelSpec): Promise<{ glb: Uint8Array; report: Omit<ModelReport, 'file' | 'bytes'> }> {
  const built = spec.make().build(spec.name, spec.designSize);
  if (built.triangles > spec.maxTriangles) {
    throw new Error(`${spec.name}: ${built.triangles} triangles exceed the budget of ${spec.maxTriangles}`);
  }
  const glb = await geometryToGlb(spec.name, built.geometry);
  return {
    glb,
    report: { name: spec.name, triangles: built.triangles, vertices: built.vertices, designSize: [...spec.designSize] },
  };
}

export async function buildModels(outDir: string): Promise<ModelReport[]> {
  await mkdir(outDir, { recursive: true });
  const reports: ModelReport[] = [];
  for (const spec of MODELS) {
    const { glb, report } = await buildModel(spec);
    const file = `${spec.name}.glb`;
    await writeFile(join(outDir, file), glb);
    reports.push({ ...report, file, bytes: glb.byteLength });
  }
  const manifest = {
    conventions:
      'Y up; each model fills the unit box x,z in [-0.5, 0.5], y in [0, 1]; scale by (width, height, depth) in metres. ' +
      'Vehicles and containers face +X. The crane (its gantry) travels along X; its girder spans Z; crane-runway, ' +
      'crane-trolley, crane-ropes and crane-spreader are its other parts, designed in the frame of the whole crane (60 x 26 x 30 m). Roads run along X. ' +
      'One mesh, one primitive (POSITION, NORMAL, COLOR_0 linear RGB), one white material.',
    models: Object.fromEntries(reports.map((r) => [r.name, { file: r.file, triangles: r.triangles, vertices: r.vertices, designSize: r.designSize }])),
  };
  await writeFile(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return reports;
}
