/** `npm run schema`: writes the scene format's and the gate event feed's JSON Schemas, generated from their zod schemas. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GATE_EVENT_JSON_SCHEMA_PATH, gateEventJsonSchema } from '../src/domain/gateEvent';
import { SCENE_JSON_SCHEMA_PATH, sceneJsonSchema } from '../src/domain/sceneJsonSchema';

for (const [path, schema] of [
  [SCENE_JSON_SCHEMA_PATH, sceneJsonSchema()],
  [GATE_EVENT_JSON_SCHEMA_PATH, gateEventJsonSchema()],
] as const) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${path}`);
}
