/**
 * Names and numbers as the study panel shows them: a resource by its facility's name in the UI language (the AGV
 * fleet and lanes by their own strings), hours of the day as clock times, shares as per cent, and an estimate as
 * `mean ± half`.
 */
import type { TFunction } from 'i18next';
import type { Scene } from '../../../domain/sceneSchema';
import type { Estimate } from '../../../sim/study/studyStats';
import { formatNumber } from '../../formatNumber';

export type Lang = 'en' | 'vi';

export function resourceName(id: string, scene: Scene, lang: Lang, t: TFunction): string {
  if (id === 'agv-fleet') return t('study.resource.agvFleet');
  if (id === 'agv-lanes') return t('study.resource.agvLanes');
  const f = scene.facilities.find((x) => x.id === id);
  return f?.name?.[lang] ?? id;
}

/** A time of day from hours since midnight of day 1, e.g. 4 → `04:00`, 1.25 → `01:15`; days beyond the first wrap. */
export function hourClock(hours: number): string {
  const minutes = Math.round(hours * 60) % (24 * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** `1,234 ± 56` (or just the mean when there is one replication). */
export function formatEstimate(e: Estimate, lang: Lang, scale = 1, digits = 0): string {
  const m = formatNumber(e.mean * scale, lang, digits);
  return e.half === undefined ? m : `${m} ± ${formatNumber(e.half * scale, lang, digits)}`;
}

export const percent = (share: number, lang: Lang) => `${formatNumber(share * 100, lang, 0)} %`;

/** Distinct line colours for the charts' series, readable on the dark panel. */
export const SERIES_COLOURS = ['#38bdf8', '#f97316', '#a3e635', '#f472b6', '#facc15', '#c084fc', '#2dd4bf', '#f87171'];
