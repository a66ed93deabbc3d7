/** The shipped scene files, parsed, for the engine tests and the benchmarks (Node only: it reads the disk). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScene } from '../domain/parseScene';
import type { Scene } from '../domain/sceneSchema';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function loadScene(file: string): Scene {
  const r = parseScene(readFileSync(`${ROOT}${file}`, 'utf8'), file);
  if (!r.ok) throw new Error(`${file} is invalid: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.scene;
}
