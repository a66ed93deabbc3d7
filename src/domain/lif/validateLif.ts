/**
 * A LIF file's text checked against the official schema (data/lif/LIF.schema.json, through the validator
 * generated from it: scripts/lifValidatorSource.ts says why it is generated), every problem named by its field
 * path and placed at its line and column.
 *
 * @example
 *   const r = readLif(text);
 *   if (!r.ok) r.problems.forEach((p) => console.log(formatProblem(p, 'layout.lif.json')));
 */
import type { Node } from 'jsonc-parser';
import { placed, readJsonText } from '../jsonText';
import { coded, formatPath, type Problem } from '../problem';
import generated from './lifSchemaValidate.generated';
import type { LifDocument } from './lifTypes';

/** What ajv's generated code reports (ajv's `ErrorObject`, the fields read here). */
interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

const validate = generated as unknown as ((data: unknown) => boolean) & { errors?: readonly SchemaError[] | null };

export type LifReadResult =
  | { readonly ok: true; readonly lif: LifDocument; readonly text: string; readonly tree: Node }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** `/layouts/0/nodes/3` → `layouts[0].nodes[3]` (JSON Pointer, RFC 6901, to the repo's path form). */
export function pointerToPath(pointer: string): string {
  if (pointer === '') return '';
  const segments = pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  return formatPath(segments);
}

function schemaProblem(e: SchemaError): Problem {
  const at = pointerToPath(e.instancePath);
  let path = at;
  let message: string;
  switch (e.keyword) {
    case 'required':
      // Named at the missing field itself, placed at its object's line.
      path = formatPath([...(at === '' ? [] : [at]), String(e.params.missingProperty)]);
      message = 'required by the LIF schema';
      break;
    case 'type':
      message = `must be ${String(e.params.type)}`;
      break;
    case 'enum':
      message = `must be one of ${(e.params.allowedValues as readonly unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    default:
      message = e.message ?? e.keyword;
  }
  return coded(path, message, { code: 'import-schema', params: { detail: message } });
}

/** Reads a LIF file: JSON syntax, then the official schema; the document when both pass. */
export function readLif(source: string): LifReadResult {
  const json = readJsonText(source);
  if (!json.ok) return json;
  if (validate(json.data)) return { ok: true, lif: json.data as LifDocument, text: json.text, tree: json.tree };
  const problems = (validate.errors ?? []).map((e) => placed(json.text, json.tree, schemaProblem(e)));
  return { ok: false, problems };
}

/** The schema's verdict on a document (an export checks its own output with it). */
export function lifSchemaProblems(lif: unknown): readonly Problem[] {
  return validate(lif) ? [] : (validate.errors ?? []).map(schemaProblem);
}
