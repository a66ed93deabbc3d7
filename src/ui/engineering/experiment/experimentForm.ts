/**
 * The Experiment tab's form, as typed, turned into an experiment file (src/sim/experiment/experimentFile.ts) or
 * every reason it cannot be one. Lists are typed with commas ("20, 40, 60"); the cranes of each generated variant
 * are one number for every yard or four (Vietnamese import, Vietnamese export, Chinese import, Chinese export),
 * variants separated by ";" ("2; 3,3,2,2").
 */
import experiment from '../../../../data/experiment.json' with { type: 'json' };
import study from '../../../../data/study.json' with { type: 'json' };
import type { Scene } from '../../../domain/sceneSchema';
import { zodProblems } from '../../../domain/zodProblems';
import { ExperimentFields, type ExperimentFile } from '../../../sim/experiment/experimentFile';

export interface ExperimentForm {
  readonly vehiclesPerDay: string;
  readonly target: string;
  readonly hours: string;
  readonly warmupDays: string;
  readonly seeds: string;
  readonly agvs: string;
  /** 'yes' to try the layout being edited. */
  readonly edited: string;
  /** 'yes' to try generated variants. */
  readonly generate: string;
  readonly cranes: string;
  readonly slots: string;
  readonly scannerLanes: string;
  readonly corridor: string;
}

/** Half, the same, one and a half and twice the scene's fleet; the zone's 2030 target. */
export function initialExperimentForm(scene: Scene): ExperimentForm {
  const f = Math.max(2, scene.fleet.agv.count.value);
  const fleets = [...new Set([0.5, 1, 1.5, 2].map((k) => Math.max(1, Math.round(f * k))))];
  const target = scene.zone.capacity.target2030VehiclesPerDay;
  return {
    vehiclesPerDay: String(target.max),
    target: String(target.min),
    hours: String(study.hours.value),
    warmupDays: String(study.warmupDays.value),
    seeds: String(experiment.seeds.value),
    agvs: fleets.join(', '),
    edited: 'yes',
    generate: 'no',
    cranes: '2; 3',
    slots: '8',
    scannerLanes: '1',
    corridor: 'loop',
  };
}

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
const list = (s: string, sep: string) =>
  s
    .split(sep)
    .map((x) => x.trim())
    .filter((x) => x !== '');
const numbers = (s: string) => list(s, ',').map(num);
/** "2" → 2; "3,3,2,2" → [3, 3, 2, 2] (wrong lengths are left for the schema to name). */
const perYard = (s: string) => {
  const n = numbers(s);
  return n.length === 1 ? n[0]! : n;
};

export type FormResult =
  { readonly ok: true; readonly file: ExperimentFile; readonly edited: boolean } | { readonly ok: false; readonly problems: readonly string[] };

export function experimentFileOf(form: ExperimentForm, zone: Scene['zone']['id']): FormResult {
  const generate = form.generate === 'yes';
  const edited = form.edited === 'yes';
  const raw = {
    zone,
    vehiclesPerDay: num(form.vehiclesPerDay),
    target: num(form.target),
    hours: num(form.hours),
    warmupDays: num(form.warmupDays),
    seeds: num(form.seeds),
    agvs: numbers(form.agvs),
    ...(generate
      ? {
          generate: {
            base: { slots: perYard(form.slots) },
            vary: {
              cranesPerYard: list(form.cranes, ';').map(perYard),
              scannerLanes: numbers(form.scannerLanes),
              corridor: list(form.corridor, ','),
            },
          },
        }
      : {}),
  };
  const problems: string[] = [];
  if (!generate && !edited) problems.push('layouts: try the edited layout, generated variants or both');
  const parsed = ExperimentFields.safeParse(raw);
  if (!parsed.success) problems.push(...zodProblems(parsed.error).map((p) => `${p.path === '' ? '' : `${p.path}: `}${p.message}`));
  return parsed.success && problems.length === 0 ? { ok: true, file: parsed.data, edited } : { ok: false, problems };
}
