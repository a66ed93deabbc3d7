/**
 * What the layout imports (VDMA LIF, GeoJSON) share: the defaults they fill in where a file says nothing, each
 * with its source, the result they give, and the notes that say what was filled in or left out, one per kind of
 * thing with a count (a thousand edges without a width are one note, not a thousand).
 */
import { z } from 'zod';
import { coded, type Problem } from './problem';
import type { DefaultField, NotKeptReason } from './formatCode';
import { FACILITY_KINDS, type FacilityKind, type Scene } from './sceneSchema';

export interface SourcedDefault {
  readonly value: number;
  readonly source: string;
}

/** A facility kind's starting shape and fields (data/editor.json `newFacility`). */
export interface FacilityDefault {
  readonly size: readonly [number, number];
  readonly height: number;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** The named defaults an import fills in (the callers read them from data/editor.json with their sources). */
export interface ImportDefaults {
  readonly laneWidthM: SourcedDefault;
  readonly speedLimitMps: SourcedDefault;
  readonly facility: Readonly<Record<FacilityKind, FacilityDefault>>;
  readonly facilitySource: string;
}

const Sourced = z.object({ value: z.number().gt(0), source: z.string().min(1) });
const Template = z.object({ size: z.tuple([z.number().gt(0), z.number().gt(0)]), height: z.number().gt(0), fields: z.record(z.string(), z.unknown()) });
const EditorDefaults = z.object({
  newEdge: z.object({ widthM: Sourced, speedLimitMps: Sourced }),
  newFacility: z.object({ source: z.string().min(1) }).catchall(z.union([z.string(), Template])),
});

/**
 * The import defaults from the layout editor's data file (data/editor.json: `newEdge`, `newFacility`), the same
 * numbers a lane or facility drawn by hand starts with; throws naming the field at fault.
 */
export function readImportDefaults(editorJson: unknown): ImportDefaults {
  const parsed = EditorDefaults.safeParse(editorJson);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`data/editor.json ${issue.path.join('.')}: ${issue.message}`);
  }
  const { newEdge, newFacility } = parsed.data;
  const facility = {} as Record<FacilityKind, FacilityDefault>;
  for (const kind of FACILITY_KINDS) {
    const t = newFacility[kind];
    if (typeof t !== 'object') throw new Error(`data/editor.json newFacility.${kind}: missing`);
    facility[kind] = t;
  }
  return { laneWidthM: newEdge.widthM, speedLimitMps: newEdge.speedLimitMps, facility, facilitySource: newFacility.source };
}

/** A checker problem of the imported scene (its path in the scene) and where it comes from in the file, if known. */
export interface CheckedProblem {
  readonly problem: Problem;
  readonly at?: { readonly path: string; readonly line?: number; readonly column?: number };
}

export type LayoutImport =
  | {
      readonly ok: true;
      /** The base scene with what the file brings; may fail the checker: `check` says how. */
      readonly scene: Scene;
      readonly check: readonly CheckedProblem[];
      readonly notes: readonly Problem[];
      /** One line for the command line: what was read (`72 nodes, 84 edges, 13 stations from layout … for …`). */
      readonly summary: string;
      /** What was read, for a UI to say in its own language; `facilities` only where the file replaced them. */
      readonly counts: { readonly facilities?: number; readonly nodes: number; readonly edges: number };
    }
  | { readonly ok: false; readonly problems: readonly Problem[] };

const NOT_KEPT: Record<NotKeptReason, string> = {
  'lif-trajectory': "trajectories not kept: the twin's lanes run straight between their nodes",
  'lif-rotation': 'rotation on edges and at nodes not kept: the twin does not model AGVs turning',
  'lif-orientation': "vehicle orientation not kept: the twin's AGVs drive forwards along their lanes",
  'lif-height': 'height limits not kept: the twin has no heights on lanes',
  'lif-load-restriction': 'load restrictions not kept: every lane of the twin takes loaded and empty AGVs',
  'lif-reentry': 'reentryAllowed not kept: the twin has no manual driving',
  'lif-edge-action': 'edge actions not kept: the twin sends no actions on lanes',
  'lif-node-action': 'node actions other than pick, drop, startCharging and stopCharging not kept',
  'lif-theta': "node orientations (theta) not kept: the twin's lane nodes have no heading",
  'geojson-truck-routes': "truck routes not kept: the scene's own are used",
  'geojson-border': "the border and its markers not kept: the scene's zone is used",
};

const DEFAULT_NAME: Record<DefaultField, string> = {
  'lane-width': 'lane width (m)',
  'speed-limit': 'speed limit (m/s)',
  'facility-fields': "a new facility's own fields",
  'facility-height': 'facility height (m)',
  'facility-side': 'facility side',
};

/** Collects notes, one per kind with the first place and a count. */
export class ImportNotes {
  private readonly notKept = new Map<NotKeptReason, { path: string; count: number }>();
  private readonly defaults = new Map<DefaultField, { path: string; count: number; value: string; source: string }>();
  private readonly leftOut: { path: string; count: number; vehicleType: string }[] = [];

  notKeptAt(why: NotKeptReason, path: string): void {
    const n = this.notKept.get(why);
    if (n) n.count++;
    else this.notKept.set(why, { path, count: 1 });
  }

  defaultAt(field: DefaultField, path: string, value: string, source: string): void {
    const n = this.defaults.get(field);
    if (n) n.count++;
    else this.defaults.set(field, { path, count: 1, value, source });
  }

  leftOutAt(path: string, count: number, vehicleType: string): void {
    if (count > 0) this.leftOut.push({ path, count, vehicleType });
  }

  list(): Problem[] {
    return [
      ...[...this.defaults].map(([field, d]) =>
        coded(d.path, `${DEFAULT_NAME[field]} not in the file: ${d.value} used for ${d.count} (${d.source})`, {
          code: 'import-default',
          params: { field, count: d.count, value: d.value, source: d.source },
        }),
      ),
      ...[...this.notKept].map(([why, n]) =>
        coded(n.path, `${NOT_KEPT[why]} (${n.count} in the file)`, { code: 'import-not-kept', params: { count: n.count, why } }),
      ),
      ...this.leftOut.map((l) =>
        coded(l.path, `${l.count} left out: not for vehicle type "${l.vehicleType}"`, {
          code: 'import-left-out',
          params: { count: l.count, vehicleType: l.vehicleType },
        }),
      ),
    ];
  }
}
