import { z } from 'zod';
import { Scene } from './sceneSchema';

/** The scene format as JSON Schema (draft 2020-12), generated from the zod schema: the one source of truth. */
export function sceneJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Scene, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://smart-gate-twin.local/schema/scene.schema.json',
    title: 'Smart Gate Twin scene',
  };
}

export const SCENE_JSON_SCHEMA_PATH = 'public/schema/scene.schema.json';
