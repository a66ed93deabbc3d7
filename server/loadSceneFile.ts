import { readFileSync } from 'node:fs';
import { parseScene } from '../src/domain/parseScene';
import type { Scene } from '../src/domain/sceneSchema';
import { ConfigError } from './config';

/** The scene file TWIN_SCENE names, parsed and checked; a problem names the file, the line and the field. */
export function loadSceneFile(file: string): Scene {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`TWIN_SCENE: cannot read ${file} (${(e as Error).message})`);
  }
  const r = parseScene(text, file);
  if (!r.ok) {
    const where = (p: (typeof r.problems)[number]) => `${file}${p.line === undefined ? '' : `:${p.line}:${p.column ?? 1}`} ${p.path}: ${p.message}`;
    throw new ConfigError(`TWIN_SCENE: not a valid scene:\n${r.problems.map(where).join('\n')}`);
  }
  return r.scene;
}
