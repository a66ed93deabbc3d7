import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../../../domain/sceneSchema';
import type { PointResult } from '../../../sim/study/summarisePoint';
import { LineChart, type ChartSeries } from '../../charts/LineChart';
import { hourEnds, HOURLY_SHOWN, queueSeries, utilisationSeries } from './hourlySeries';
import { hourClock, SERIES_COLOURS, type Lang } from './studyLabels';

/**
 * Queues and utilisation over the simulated day, hour by hour, each the mean over the replications: trucks
 * waiting at the queues that ever hold any (plus containers waiting for an AGV), and the busiest resources.
 */
export function HourlyCharts({ point, scene, lang, testId }: { point: PointResult; scene: Scene; lang: Lang; testId: string }) {
  const { t } = useTranslation();
  const x = useMemo(() => hourEnds(point), [point]);
  const queues = useMemo(
    (): ChartSeries[] =>
      queueSeries(point, scene, lang, t).map((s, k, all) => ({
        ...s,
        // Containers waiting, always last, keep their own colour whatever the number of truck queues before them.
        color: k === all.length - 1 ? SERIES_COLOURS[HOURLY_SHOWN]! : SERIES_COLOURS[k % SERIES_COLOURS.length]!,
      })),
    [point, scene, lang, t],
  );
  const utilisation = useMemo(
    (): ChartSeries[] => utilisationSeries(point, scene, lang).map((s, k) => ({ ...s, color: SERIES_COLOURS[k % SERIES_COLOURS.length]! })),
    [point, scene, lang],
  );
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
