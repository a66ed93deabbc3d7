import { z } from 'zod';
import { Facility, type FacilityKind } from '../../domain/sceneSchema';

/** How the inspector edits one kind-specific field of a facility. */
export type FieldSpec =
  | { readonly name: string; readonly type: 'number'; readonly integer: boolean; readonly radians: boolean }
  | { readonly name: string; readonly type: 'choice'; readonly options: readonly string[] }
  | { readonly name: string; readonly type: 'facility' }
  | { readonly name: string; readonly type: 'sourced' };

const COMMON = new Set(['id', 'kind', 'name', 'side', 'footprint']);

function unwrap(s: z.ZodType): z.ZodType {
  let t = s;
  while (t instanceof z.ZodOptional || t instanceof z.ZodDefault) t = t.unwrap() as z.ZodType;
  return t;
}

/** The kind-specific fields of a facility kind, read from the scene schema so a new field needs no UI change. */
export function facilityFields(kind: FacilityKind): FieldSpec[] {
  const schema = Facility.options.find((o) => o.shape.kind.value === kind)!;
  const out: FieldSpec[] = [];
  for (const [name, raw] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (COMMON.has(name)) continue;
    const s = unwrap(raw);
    if (s instanceof z.ZodEnum) out.push({ name, type: 'choice', options: s.options as string[] });
    else if (s instanceof z.ZodNumber)
      out.push({ name, type: 'number', integer: s.format === 'safeint' || s.isInt === true, radians: name.endsWith('Rad') });
    else if (s instanceof z.ZodObject) out.push({ name, type: 'sourced' });
    else if (name === 'serves') out.push({ name, type: 'facility' });
  }
  return out;
}
