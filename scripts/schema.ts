/** `npm run schema`: writes the scene format's JSON Schema, generated from src/domain/sceneSchema.ts. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SCENE_JSON_SCHEMA_PATH, sceneJsonSchema } from '../src/domain/sceneJsonSchema';

mkdirSync(dirname(SCENE_JSON_SCHEMA_PATH), { recursive: true });
writeFileSync(SCENE_JSON_SCHEMA_PATH, `${JSON.stringify(sceneJsonSchema(), null, 2)}\n`);
console.log(`wrote ${SCENE_JSON_SCHEMA_PATH}`);
