/**
 * The layout editor's numbers (data/editor.json, each with its source): snapping steps, undo depth, autosave
 * delay, and what a newly drawn lane edge or facility starts as. Checked on load so a bad edit of the data file
 * fails with the field it names.
 */
import { z } from 'zod';
import { FACILITY_KINDS, type FacilityKind } from '../../domain/sceneSchema';
import raw from '../../../data/editor.json' with { type: 'json' };

const sourced = z.strictObject({ value: z.number().gt(0), source: z.string().min(1) });
const template = z.strictObject({
  size: z.tuple([z.number().gt(0), z.number().gt(0)]),
  height: z.number().gt(0),
  fields: z.record(z.string(), z.unknown()),
});

const EditorData = z.strictObject({
  gridSnapM: sourced,
  angleSnapDeg: sourced,
  historyLimit: sourced.extend({ value: z.number().int().min(100) }),
  autosaveDebounceMs: sourced,
  newEdge: z.strictObject({ widthM: sourced, speedLimitMps: sourced }),
  newFacility: z.record(z.string(), z.union([z.string(), template])),
});

export type FacilityTemplate = z.infer<typeof template>;

export interface EditorSettings {
  readonly gridSnapM: number;
  readonly angleSnapDeg: number;
  readonly historyLimit: number;
  readonly autosaveDebounceMs: number;
  readonly newEdge: { readonly widthM: number; readonly speedLimitMps: number };
  readonly newFacility: Readonly<Record<FacilityKind, FacilityTemplate>>;
}

/** Reads and checks the editor's data file; throws naming the field at fault. */
export function readEditorSettings(data: unknown): EditorSettings {
  const parsed = EditorData.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`data/editor.json ${issue.path.join('.')}: ${issue.message}`);
  }
  const d = parsed.data;
  const newFacility = {} as Record<FacilityKind, FacilityTemplate>;
  for (const kind of FACILITY_KINDS) {
    const t = d.newFacility[kind];
    if (typeof t !== 'object') throw new Error(`data/editor.json newFacility.${kind}: missing`);
    newFacility[kind] = t;
  }
  return {
    gridSnapM: d.gridSnapM.value,
    angleSnapDeg: d.angleSnapDeg.value,
    historyLimit: d.historyLimit.value,
    autosaveDebounceMs: d.autosaveDebounceMs.value,
    newEdge: { widthM: d.newEdge.widthM.value, speedLimitMps: d.newEdge.speedLimitMps.value },
    newFacility,
  };
}

export const EDITOR_SETTINGS: EditorSettings = readEditorSettings(raw);
