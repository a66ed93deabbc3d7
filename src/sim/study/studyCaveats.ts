/**
 * What a study's numbers cannot be taken to say, said on the result rather than left for the reader to find:
 * a window shorter than whole days scaled to "per day", too few replications for the interval to mean much, an
 * interval of zero width from identical runs, and an interval cut at the end of what its quantity allows. Each
 * caveat has a code and params (a UI says it in its own language) and an English message (the command line),
 * as a checker problem does.
 *
 * @example
 *   studyCaveats(result); // 6 h × 2 seeds: partial-day (× 4), few-replications (2 < 5), identical-runs (cleared), interval-cut (p95 low)
 */
import study from '../../../data/study.json' with { type: 'json' };
import type { Scene } from '../../domain/sceneSchema';
import { resourceName } from '../resourceName';
import type { ResolvedStudySpec, SweepParameter } from './studySpec';
import type { PointResult } from './summarisePoint';
import type { Estimate } from './studyStats';

/** The figures of a study point: cleared (per day, or in the window), time in system, a resource's utilisation. */
export const STUDY_FIGURES = ['clearedPerDay', 'clearedInWindow', 'timeInSystemP50S', 'timeInSystemP95S', 'utilisation'] as const;
export type StudyFigure = (typeof STUDY_FIGURES)[number];

/** Where, in a study of several points, the caveat holds: the swept parameter's values. */
interface At {
  /** The swept parameter; absent for a study of one point. */
  readonly parameter?: SweepParameter;
  readonly values: readonly number[];
}

export type StudyCaveatCode =
  | {
      readonly code: 'partial-day';
      /** The window: `hours` from 00:00; `scale` = 24 / hours, what cleared in the window was multiplied by. */
      readonly params: { readonly hours: number; readonly scale: number };
    }
  | { readonly code: 'few-replications'; readonly params: { readonly replications: number; readonly minimum: number } }
  | {
      readonly code: 'identical-runs';
      /** `value`: what every run gave, when the caveat is of one point. */
      readonly params: { readonly figure: StudyFigure; readonly resources?: readonly string[]; readonly value?: number; readonly at: At };
    }
  | {
      readonly code: 'interval-cut';
      /** `limit`: where the bound now is; `raw`: the farthest bound t gave beyond it, over the points. */
      readonly params: {
        readonly figure: StudyFigure;
        /** For utilisation: the resources whose interval was cut. */
        readonly resources?: readonly string[];
        readonly bound: 'low' | 'high';
        readonly limit: number;
        readonly raw: number;
        readonly at: At;
      };
    };

export type StudyCaveat = StudyCaveatCode & {
  /** In English, for the command line and the JSON. */
  readonly message: string;
};

/** Replications below which an interval is flagged as too few to mean much (data/study.json, with its reason). */
export const MIN_REPLICATIONS: number = study.minReplicationsForInterval.value;

const FIGURE_EN: Record<StudyFigure, string> = {
  clearedPerDay: 'cleared/day',
  clearedInWindow: 'cleared in the window',
  timeInSystemP50S: 'time in system p50',
  timeInSystemP95S: 'time in system p95',
  utilisation: 'utilisation',
};

const en = (x: number, digits = 0) => x.toLocaleString('en-GB', { maximumFractionDigits: digits });
/** Whole numbers, but decimals below 10 and below 1 so a small figure does not read as 0. */
const shown = (x: number) => en(x, Math.abs(x) < 1 ? 2 : Math.abs(x) < 10 ? 1 : 0);

/** A figure's value in English with its unit: minutes for times, per cent for shares. */
function valueEn(figure: StudyFigure, x: number): string {
  if (figure === 'timeInSystemP50S' || figure === 'timeInSystemP95S') return `${shown(x / 60)} min`;
  if (figure === 'utilisation') return `${shown(x * 100)} %`;
  return en(x, 1);
}

function atEn(at: At): string {
  if (at.parameter === undefined) return '';
  const unit = at.parameter === 'agvs' ? 'AGVs' : 'vehicles/day';
  return ` at ${at.values.map((v) => en(v)).join(', ')} ${unit}`;
}

/** What a figure is called in English, `name` naming the resources of a utilisation. */
function figureEn(figure: StudyFigure, resources: readonly string[] | undefined, name: (id: string) => string): string {
  if (figure !== 'utilisation' || !resources) return FIGURE_EN[figure];
  const names = resources.map(name);
  return `utilisation of ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}` : names[0]!}`;
}

interface Found {
  readonly figure: StudyFigure;
  readonly resource?: string;
  readonly e: Estimate;
  readonly point: PointResult;
}

/** The caveats of a study of `scene` with its points (the base point first, then the sweep's). */
export function studyCaveats(scene: Scene, spec: ResolvedStudySpec, points: readonly PointResult[]): StudyCaveat[] {
  const name = (id: string) => resourceName(scene, id).en;
  const out: StudyCaveat[] = [];
  const days = spec.hours / 24;
  if (!Number.isInteger(days)) {
    const scale = 24 / spec.hours;
    out.push({
      code: 'partial-day',
      params: { hours: spec.hours, scale },
      message:
        `a window of ${en(spec.hours, 2)} h from 00:00, scaled to a day (× ${en(scale, 2)}): the arrival profile is not flat, ` +
        `so cleared/day here is not a day's capacity; simulate whole days (24 h) for that`,
    });
  }
  if (spec.replications < MIN_REPLICATIONS) {
    const n = spec.replications;
    out.push({
      code: 'few-replications',
      params: { replications: n, minimum: MIN_REPLICATIONS },
      message:
        n === 1
          ? `one replication: no confidence interval at all; ${MIN_REPLICATIONS} or more give one that means something (data/study.json)`
          : `${n} replications: too few for a meaningful 95 % interval (t(0.975, ${n - 1}) alone widens it; ${MIN_REPLICATIONS} or more, data/study.json)`,
    });
  }

  const found: Found[] = [];
  for (const point of points) {
    const figures: [StudyFigure, Estimate][] = [
      ['clearedPerDay', point.clearedPerDay],
      ['timeInSystemP50S', point.timeInSystemP50S],
      ['timeInSystemP95S', point.timeInSystemP95S],
    ];
    for (const [figure, e] of figures) found.push({ figure, e, point });
    for (const [resource, e] of Object.entries(point.utilisation)) found.push({ figure: 'utilisation', resource, e, point });
  }
  const parameter = spec.sweep?.parameter;
  const atOf = (fs: readonly Found[]): At =>
    parameter === undefined
      ? { values: [] }
      : { parameter, values: [...new Set(fs.map((f) => (parameter === 'agvs' ? f.point.agvs : f.point.vehiclesPerDay)))].sort((a, b) => a - b) };
  /** The findings by figure (and `k`): a group per figure, all its resources and points together. */
  const groups = (fs: readonly Found[], key: (f: Found) => string | undefined): Found[][] => {
    const m = new Map<string, Found[]>();
    for (const f of fs) {
      const k = key(f);
      if (k === undefined) continue;
      const id = `${f.figure}|${k}`;
      m.set(id, [...(m.get(id) ?? []), f]);
    }
    return [...m.values()];
  };
  const resourcesOf = (fs: readonly Found[]) => (fs[0]!.figure === 'utilisation' ? { resources: [...new Set(fs.map((f) => f.resource!))] } : {});

  // An unused resource (0 in every run) is not worth a caveat: there is no spread to miss.
  for (const fs of groups(found, (f) => (f.e.identical && !(f.figure === 'utilisation' && f.e.mean === 0) ? 'same' : undefined))) {
    const { figure, e } = fs[0]!;
    const at = atOf(fs);
    const which = resourcesOf(fs);
    const what = figureEn(figure, which.resources, name);
    out.push({
      code: 'identical-runs',
      params: { figure, ...which, ...(fs.length === 1 ? { value: e.mean } : {}), at },
      message: `${what}: all replications identical${fs.length === 1 ? ` (${valueEn(figure, e.mean)})` : ''}${atEn(at)}: the interval has no width and says nothing about how days differ`,
    });
  }
  for (const bound of ['low', 'high'] as const) {
    for (const fs of groups(found, (f) => (f.e.cut?.[bound] !== undefined ? bound : undefined))) {
      const { figure } = fs[0]!;
      const raws = fs.map((f) => f.e.cut![bound]!);
      const raw = bound === 'low' ? Math.min(...raws) : Math.max(...raws);
      const limit = bound === 'low' ? fs[0]!.e.low! : fs[0]!.e.high!;
      const at = atOf(fs);
      const which = resourcesOf(fs);
      const what = figureEn(figure, which.resources, name);
      const gave = fs.length === 1 ? `mean ± t·s/√n gave ${valueEn(figure, raw)}` : `mean ± t·s/√n gave as far as ${valueEn(figure, raw)}`;
      out.push({
        code: 'interval-cut',
        params: { figure, ...which, bound, limit, raw, at },
        message: `${what}: the 95 % interval's ${bound} bound cut to ${valueEn(figure, limit)}, the ${bound === 'low' ? 'least' : 'most'} it can be (${gave})${atEn(at)}`,
      });
    }
  }
  return out;
}
