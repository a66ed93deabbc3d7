/**
 * The official VDA 5050 JSON schemas (data/vda5050) compiled with ajv, for tests and tools that must prove a
 * message valid (Node only: it reads the files). The schemas use the annotation keywords `unit` and `subtopic`,
 * and 3.x the formats uint32/uint64; ajv has no date-time format without ajv-formats, so it gets one here.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import type { VdaMajor } from './agvReport';

const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
ajv.addKeyword('unit');
ajv.addKeyword('subtopic');
ajv.addFormat('date-time', {
  type: 'string',
  validate: (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(s) && !Number.isNaN(Date.parse(s)),
});
ajv.addFormat('uint32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= 0 && n < 2 ** 32 });
ajv.addFormat('uint64', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= 0 && n < 2 ** 64 });

export const SCHEMA_DIR: Readonly<Record<VdaMajor, string>> = { 2: '2.1.0', 3: '3.0.1-dev' };
const validators = new Map<string, ValidateFunction>();

/** The compiled schema of `topic` (state, order, …) for a major version. */
export function officialSchema(version: VdaMajor, topic: string): ValidateFunction {
  const id = `${version}/${topic}`;
  let v = validators.get(id);
  if (!v) {
    const url = new URL(`../../../data/vda5050/${SCHEMA_DIR[version]}/${topic}.schema.json`, import.meta.url);
    v = ajv.compile(JSON.parse(readFileSync(url, 'utf8')) as object);
    validators.set(id, v);
  }
  return v;
}

/** ajv's complaints about a message as it goes over the wire (JSON text parsed again); empty when valid. */
export function schemaErrors(version: VdaMajor, topic: string, message: unknown): readonly unknown[] {
  const validate = officialSchema(version, topic);
  return validate(JSON.parse(JSON.stringify(message))) ? [] : (validate.errors ?? []);
}
