/**
 * An experiment file (data/experiments/*.json; the engineering console's Experiment tab fills the same shape): the
 * zone, the demand and target, the fleet sizes, seeds, and the layouts: a grid of the layout generator's
 * parameters (`generate.base` for what stays, `generate.vary` a list of values for each parameter that varies,
 * every combination a layout) and/or scene files. {@link generatedLayouts} makes the grid's scenes on the zone's
 * site; every problem is named with its field.
 *
 * @example
 *   { "zone": "1119-1120", "vehiclesPerDay": 3500, "agvs": [40, 80], "generate": { "vary": { "scannerLanes": [1, 2] } } }
 */
import { z } from 'zod';
import experiment from '../../../data/experiment.json' with { type: 'json' };
import study from '../../../data/study.json' with { type: 'json' };
import { checkScene } from '../../domain/checks/checkScene';
import { generateLayout, LayoutError } from '../../domain/layouts/generateLayout';
import { CORRIDORS, defaultLayoutParams, layoutParamProblems, type LayoutParams, type PerYard } from '../../domain/layouts/layoutParams';
import type { Site } from '../../domain/layouts/siteSchema';
import { formatProblem } from '../../domain/problem';
import type { Scene } from '../../domain/sceneSchema';
import type { ExperimentLayout, ExperimentSpec } from './experiment';

const int = z.number().int();
/** One number for every yard, or four: Vietnamese import, Vietnamese export, Chinese import, Chinese export. */
const PerYardValue = z.union([int, z.tuple([int, int, int, int])]);
const Corridor = z.enum(CORRIDORS);

const GeneratorBase = z.strictObject({
  cranesPerYard: PerYardValue,
  slots: PerYardValue,
  handoverBays: int,
  corridor: Corridor,
  scannerLanes: int,
  chargeBays: int,
});
const GeneratorVary = z.strictObject({
  cranesPerYard: z.array(PerYardValue).min(1),
  slots: z.array(PerYardValue).min(1),
  handoverBays: z.array(int).min(1),
  corridor: z.array(Corridor).min(1),
  scannerLanes: z.array(int).min(1),
  chargeBays: z.array(int).min(1),
});

/** An experiment's fields, before the check that it names some layout (the console adds the edited one itself). */
export const ExperimentFields = z.strictObject({
  $comment: z.string().optional(),
  zone: z.enum(['1119-1120', '1088/2-1089']),
  vehiclesPerDay: z.number().positive(),
  /** Cleared/day to reach; the zone's 2030 target minimum by default. */
  target: z.number().positive().optional(),
  hours: z.number().positive().optional(),
  warmupDays: int.optional(),
  seeds: int.optional(),
  agvs: z.array(int).min(1),
  generate: z.strictObject({ base: GeneratorBase.partial().optional(), vary: GeneratorVary.partial().optional() }).optional(),
  /** Scene files (paths from the repository root) tried beside the generated layouts. */
  scenes: z.array(z.string().min(1)).optional(),
});
export const ExperimentFile = ExperimentFields.refine((f) => f.generate !== undefined || (f.scenes?.length ?? 0) > 0, {
  message: 'needs "generate" or "scenes": no layout to try',
});
export type ExperimentFile = z.infer<typeof ExperimentFile>;

type GeneratorKey = keyof z.infer<typeof GeneratorBase>;
type GeneratorValue = z.infer<typeof GeneratorBase>[GeneratorKey];

/** The spec an experiment file asks, its defaults filled in (data/study.json, data/experiment.json, the zone's target). */
export function experimentSpec(file: ExperimentFile, zoneTargetMin: number): ExperimentSpec {
  return {
    vehiclesPerDay: file.vehiclesPerDay,
    target: file.target ?? zoneTargetMin,
    hours: file.hours ?? study.hours.value,
    warmupDays: file.warmupDays ?? study.warmupDays.value,
    seeds: file.seeds ?? experiment.seeds.value,
    agvs: file.agvs,
  };
}

const asPerYard = (v: z.infer<typeof PerYardValue>): PerYard =>
  typeof v === 'number' ? { vnImport: v, vnExport: v, cnImport: v, cnExport: v } : { vnImport: v[0], vnExport: v[1], cnImport: v[2], cnExport: v[3] };

/** Short names of the parameters for layout ids and labels. */
const NAMES: Record<GeneratorKey, { id: string; label: string }> = {
  cranesPerYard: { id: 'c', label: 'cranes' },
  slots: { id: 'sl', label: 'slots' },
  handoverBays: { id: 'hb', label: 'bays' },
  corridor: { id: '', label: 'corridor' },
  scannerLanes: { id: 'sc', label: 'scanner lanes' },
  chargeBays: { id: 'ch', label: 'chargers' },
};

const shown = (v: GeneratorValue, sep: string) => (Array.isArray(v) ? v.join(sep) : String(v));

/** Every combination of the varied values, in the order the file lists them (the first parameter slowest). */
export function generatorGrid(vary: Partial<Record<GeneratorKey, readonly GeneratorValue[]>>): Partial<Record<GeneratorKey, GeneratorValue>>[] {
  let grid: Partial<Record<GeneratorKey, GeneratorValue>>[] = [{}];
  for (const [key, values] of Object.entries(vary) as [GeneratorKey, readonly GeneratorValue[]][])
    grid = grid.flatMap((g) => values.map((v) => ({ ...g, [key]: v })));
  return grid;
}

function paramsOf(base: Partial<Record<GeneratorKey, GeneratorValue>>, agvs: number, variant: string): LayoutParams {
  const d = defaultLayoutParams(agvs);
  const b = base as Partial<z.infer<typeof GeneratorBase>>;
  return {
    ...d,
    variant,
    ...(b.cranesPerYard === undefined ? {} : { cranesPerYard: asPerYard(b.cranesPerYard) }),
    ...(b.slots === undefined ? {} : { slots: asPerYard(b.slots) }),
    ...(b.handoverBays === undefined ? {} : { handoverBays: b.handoverBays }),
    ...(b.corridor === undefined ? {} : { corridor: b.corridor }),
    ...(b.scannerLanes === undefined ? {} : { scannerLanes: b.scannerLanes }),
    ...(b.chargeBays === undefined ? {} : { chargeBays: b.chargeBays }),
  };
}

/**
 * The grid's layouts made on the zone's site and base scene, parked for the largest fleet; or every reason one
 * cannot be made (each with the layout's id). An id names the varied values: `c6-4-3-8-sc2`.
 */
export function generatedLayouts(
  file: ExperimentFile,
  base: Scene,
  site: Site,
): { ok: true; layouts: ExperimentLayout[] } | { ok: false; problems: string[] } {
  if (!file.generate) return { ok: true, layouts: [] };
  const fleet = Math.max(...file.agvs);
  const layouts: ExperimentLayout[] = [];
  const problems: string[] = [];
  for (const varied of generatorGrid(file.generate.vary ?? {})) {
    const entries = Object.entries(varied) as [GeneratorKey, GeneratorValue][];
    const id = entries.map(([k, v]) => `${NAMES[k].id}${shown(v, '-')}`).join('-') || 'generated';
    const label = entries.map(([k, v]) => `${NAMES[k].label} ${shown(v, '/')}`).join(', ') || 'generated layout';
    const params = paramsOf({ ...file.generate.base, ...varied }, fleet, id);
    const bad = layoutParamProblems(params);
    if (bad.length > 0) {
      problems.push(...bad.map((m) => `layout ${id}: ${m}`));
      continue;
    }
    try {
      const scene = generateLayout(base, site, params);
      const checked = checkScene(scene);
      if (checked.length > 0) problems.push(...checked.map((p) => `layout ${id}: ${formatProblem(p)}`));
      else layouts.push({ id, label, scene });
    } catch (e) {
      if (!(e instanceof LayoutError)) throw e;
      problems.push(...e.problems.map((m) => `layout ${id}: ${m}`));
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, layouts };
}
