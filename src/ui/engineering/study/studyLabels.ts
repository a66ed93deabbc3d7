/**
 * Names and numbers as the study panel shows them: a resource as people name it (src/sim/resourceName, in the UI
 * language), hours of the day as clock times, shares as per cent, an estimate as `mean ± half` (or `mean (low–high)`
 * where the quantity's range cut the interval), why a resource binds, and a study's caveats.
 */
import type { TFunction } from 'i18next';
import type { Scene } from '../../../domain/sceneSchema';
import { AGV_LANES, resourceName as nameOf } from '../../../sim/resourceName';
import type { StudyCaveat, StudyFigure } from '../../../sim/study/studyCaveats';
import type { Estimate } from '../../../sim/study/studyStats';
import type { BindingResource } from '../../../sim/study/summarisePoint';
import { formatNumber } from '../../formatNumber';

export type Lang = 'en' | 'vi';

export function resourceName(id: string, scene: Scene, lang: Lang): string {
  return nameOf(scene, id)[lang];
}

/** A time of day from hours since midnight of day 1, e.g. 4 → `04:00`, 1.25 → `01:15`; days beyond the first wrap. */
export function hourClock(hours: number): string {
  const minutes = Math.round(hours * 60) % (24 * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * `1,234 ± 56`; the mean alone with one replication; `4,722 (0–14,550)` where the interval was cut at the end of
 * the quantity's range, since `± half` would then claim a bound the quantity cannot take.
 */
export function formatEstimate(e: Estimate, lang: Lang, scale = 1, digits = 0): string {
  const m = formatNumber(e.mean * scale, lang, digits);
  if (e.half === undefined) return m;
  if (e.cut) return `${m} (${formatNumber(e.low! * scale, lang, digits)}–${formatNumber(e.high! * scale, lang, digits)})`;
  return `${m} ± ${formatNumber(e.half * scale, lang, digits)}`;
}

/** Where a cleared/day figure stands against the zone's 2030 range. */
export function verdict(cleared: number, range: { min: number; max: number }): 'below' | 'within' | 'above' {
  return cleared < range.min ? 'below' : cleared > range.max ? 'above' : 'within';
}

export const percent = (share: number, lang: Lang) => `${formatNumber(share * 100, lang, 0)} %`;

/**
 * The binding resource and why it binds: its utilisation, or for the AGV lanes (whose figure is the share of the
 * AGVs' working time spent waiting for one another) that share beside the fleet's own utilisation.
 */
export function bindingText(b: BindingResource, of: number, scene: Scene, lang: Lang, t: TFunction): string {
  const name = resourceName(b.resource, scene, lang);
  return b.resource === AGV_LANES
    ? t('study.result.bindingLanes', { name, wait: percent(b.utilisation, lang), fleet: percent(b.fleetUtilisation ?? 0, lang), runs: b.runs, of })
    : t('study.result.bindingValue', { name, utilisation: percent(b.utilisation, lang), runs: b.runs, of });
}

/** A figure's value with its unit: minutes for times, per cent for shares (decimals below 10 and 1, so 0.04 is not 0). */
function figureValue(figure: StudyFigure, x: number, lang: Lang): string {
  const shown = (v: number) => formatNumber(v, lang, Math.abs(v) < 1 ? 2 : Math.abs(v) < 10 ? 1 : 0);
  if (figure === 'timeInSystemP50S' || figure === 'timeInSystemP95S') return `${shown(x / 60)} min`;
  if (figure === 'utilisation') return `${shown(x * 100)} %`;
  return formatNumber(x, lang, 1);
}

/** A study caveat in the UI language (the English `message` is the command line's). */
export function caveatText(c: StudyCaveat, scene: Scene, lang: Lang, t: TFunction): string {
  switch (c.code) {
    case 'partial-day':
      return t('study.caveat.partialDay', { hours: formatNumber(c.params.hours, lang, 2), scale: formatNumber(c.params.scale, lang, 2) });
    case 'few-replications':
      return c.params.replications === 1
        ? t('study.caveat.oneReplication', { minimum: c.params.minimum })
        : t('study.caveat.fewReplications', { n: c.params.replications, minimum: c.params.minimum });
    case 'identical-runs':
    case 'interval-cut': {
      const p = c.params;
      const names = (p.resources ?? []).map((id) => resourceName(id, scene, lang)).join(', ');
      const figure = t(`study.figure.${p.figure}`, { names });
      const values = p.at.values.map((v) => formatNumber(v, lang, 0)).join(', ');
      const at = p.at.parameter === undefined ? '' : t(p.at.parameter === 'agvs' ? 'study.caveat.atAgvs' : 'study.caveat.atVehicles', { values });
      if (c.code === 'identical-runs') return t('study.caveat.identicalRuns', { figure, at });
      return t(c.params.bound === 'low' ? 'study.caveat.cutLow' : 'study.caveat.cutHigh', {
        figure,
        at,
        limit: figureValue(p.figure, c.params.limit, lang),
        raw: figureValue(p.figure, c.params.raw, lang),
      });
    }
  }
}

/** Distinct line colours for the charts' series, readable on the dark panel. */
export const SERIES_COLOURS = ['#38bdf8', '#f97316', '#a3e635', '#f472b6', '#facc15', '#c084fc', '#2dd4bf', '#f87171'];
