import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../../../domain/sceneSchema';
import type { PointResult } from '../../../sim/study/summarisePoint';
import { LineChart, type ChartSeries } from '../../charts/LineChart';
import { hourClock, resourceName, SERIES_COLOURS, type Lang } from './studyLabels';

/** Series shown per chart: the busiest few, so the lines stay readable. */
const SHOWN = 6;

/**
 * Queues and utilisation over the simulated day, hour by hour, each the mean over the replications: trucks
 * waiting at the queues that ever hold any (plus containers waiting for an AGV), and the busiest resources.
 */
export function HourlyCharts({ point, scene, lang, testId }: { point: PointResult; scene: Scene; lang: Lang; testId: string }) {
  const { t } = useTranslation();
  const x = useMemo(() => point.hourly.map((h) => h.hour + 1), [point]);
  const queues = useMemo((): ChartSeries[] => {
    const ids = Object.keys(point.hourly[0]?.queues ?? {});
    const peak = (id: string) => Math.max(...point.hourly.map((h) => h.queues[id] ?? 0));
    const busiest = ids
      .filter((id) => peak(id) > 0)
      .sort((a, b) => peak(b) - peak(a))
      .slice(0, SHOWN - 1);
    const series = busiest.map((id, k) => ({
      label: resourceName(id, scene, lang),
      values: point.hourly.map((h) => h.queues[id] ?? 0),
      color: SERIES_COLOURS[k % SERIES_COLOURS.length]!,
    }));
    series.push({ label: t('study.chart.containersWaiting'), values: point.hourly.map((h) => h.containersWaiting), color: SERIES_COLOURS[SHOWN]! });
    return series;
  }, [point, scene, lang, t]);
  const utilisation = useMemo((): ChartSeries[] => {
    const ids = Object.entries(point.utilisation)
      .sort((a, b) => b[1].mean - a[1].mean)
      .slice(0, SHOWN)
      .map(([id]) => id);
    return ids.map((id, k) => ({
      label: resourceName(id, scene, lang),
      values: point.hourly.map((h) => Math.round((h.utilisation[id] ?? 0) * 1000) / 10),
      color: SERIES_COLOURS[k % SERIES_COLOURS.length]!,
    }));
  }, [point, scene, lang]);
  return (
    <div className="study-charts">
      <h4>{t('study.chart.queuesTitle')}</h4>
      <LineChart
        x={x}
        series={queues}
        xLabel={t('study.chart.hour')}
        yLabel={t('study.chart.waiting')}
        height={180}
        xFormat={hourClock}
        fontPx={11}
        testId={`${testId}-queues`}
      />
      <h4>{t('study.chart.utilisationTitle')}</h4>
      <LineChart
        x={x}
        series={utilisation}
        xLabel={t('study.chart.hour')}
        yLabel={t('study.chart.percentBusy')}
        height={180}
        xFormat={hourClock}
        fontPx={11}
        testId={`${testId}-utilisation`}
      />
    </div>
  );
}
