/**
 * What the hourly charts of a study point draw, the console's (uPlot) and the report's (SVG) alike: the queues
 * that ever hold a truck, busiest first, then the containers waiting for an AGV; and the busiest resources'
 * utilisation in per cent. Each value is an hour's mean over the replications; the hour's end is its x.
 */
import type { TFunction } from 'i18next';
import type { Scene } from '../../../domain/sceneSchema';
import type { PointResult } from '../../../sim/study/summarisePoint';
import { resourceName, type Lang } from './studyLabels';

/** Series per chart: the busiest few, so the lines stay readable. */
export const HOURLY_SHOWN = 6;

export interface HourlySeries {
  readonly label: string;
  readonly values: readonly number[];
}

/** The x of each hour: its end, in hours since 00:00 (1 … hours). */
export function hourEnds(point: PointResult): number[] {
  return point.hourly.map((h) => h.hour + 1);
}

/** Trucks waiting at the busiest queues (at most {@link HOURLY_SHOWN} − 1), then containers waiting for an AGV (last). */
export function queueSeries(point: PointResult, scene: Scene, lang: Lang, t: TFunction): HourlySeries[] {
  const ids = Object.keys(point.hourly[0]?.queues ?? {});
  const peak = (id: string) => Math.max(...point.hourly.map((h) => h.queues[id] ?? 0));
  const busiest = ids
    .filter((id) => peak(id) > 0)
    .sort((a, b) => peak(b) - peak(a))
    .slice(0, HOURLY_SHOWN - 1);
  return [
    ...busiest.map((id) => ({ label: resourceName(id, scene, lang), values: point.hourly.map((h) => h.queues[id] ?? 0) })),
    { label: t('study.chart.containersWaiting'), values: point.hourly.map((h) => h.containersWaiting) },
  ];
}

/** The utilisation, in per cent, of the {@link HOURLY_SHOWN} resources busiest over the whole window. */
export function utilisationSeries(point: PointResult, scene: Scene, lang: Lang): HourlySeries[] {
  return Object.entries(point.utilisation)
    .sort((a, b) => b[1].mean - a[1].mean)
    .slice(0, HOURLY_SHOWN)
    .map(([id]) => ({ label: resourceName(id, scene, lang), values: point.hourly.map((h) => Math.round((h.utilisation[id] ?? 0) * 1000) / 10) }));
}
