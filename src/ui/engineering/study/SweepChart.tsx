import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudyResult } from '../../../sim/study/runStudy';
import { formatNumber } from '../../formatNumber';
import { LineChart, type ChartBand, type ChartSeries } from '../../charts/LineChart';
import type { Lang } from './studyLabels';

const TARGET_BAND = 'rgba(163, 230, 53, 0.18)';

/**
 * The sweep's curve: cleared/day (mean and 95 % interval) per value of the swept parameter, over the zone's 2030
 * target band, with the target line; for an AGV sweep, the answer: the smallest fleet that reaches the target.
 */
export function SweepChart({ result, lang, testId }: { result: StudyResult; lang: Lang; testId: string }) {
  const { t } = useTranslation();
  const sweep = result.sweep!;
  const x = useMemo(() => sweep.points.map((p) => (sweep.parameter === 'agvs' ? p.agvs : p.vehiclesPerDay)), [sweep]);
  const series = useMemo((): ChartSeries[] => {
    const pts = sweep.points;
    const out: ChartSeries[] = [{ label: t('study.sweep.mean'), values: pts.map((p) => p.clearedPerDay.mean), color: '#38bdf8' }];
    if (pts.every((p) => p.clearedPerDay.low !== undefined)) {
      out.push({ label: t('study.sweep.low'), values: pts.map((p) => p.clearedPerDay.low!), color: '#7dd3fc', dash: [4, 4] });
      out.push({ label: t('study.sweep.high'), values: pts.map((p) => p.clearedPerDay.high!), color: '#7dd3fc', dash: [4, 4] });
    }
    out.push({ label: t('study.sweep.target'), values: pts.map(() => result.spec.target), color: '#a3e635', dash: [8, 4] });
    return out;
  }, [sweep, result.spec.target, t]);
  const bands = useMemo((): ChartBand[] => [{ from: result.targetRange.min, to: result.targetRange.max, color: TARGET_BAND }], [result.targetRange]);
  const answer = sweep.smallestFleet;
  return (
    <div className="study-sweep">
      <h4>{t(sweep.parameter === 'agvs' ? 'study.sweep.titleAgvs' : 'study.sweep.titleVehicles')}</h4>
      <LineChart
        x={x}
        series={series}
        bands={bands}
        xLabel={t(sweep.parameter === 'agvs' ? 'study.sweep.axisAgvs' : 'study.sweep.axisVehicles')}
        yLabel={
          Number.isInteger(result.spec.hours / 24)
            ? t('study.sweep.axisCleared')
            : t('study.sweep.axisClearedScaled', { scale: formatNumber(24 / result.spec.hours, lang, 2) })
        }
        height={200}
        fontPx={11}
        testId={`${testId}-sweep`}
      />
      {answer && (
        <p className={`study-answer ${answer.agvs === undefined ? 'missed' : 'reached'}`} data-testid={`${testId}-answer`} data-agvs={answer.agvs}>
          {answer.agvs === undefined
            ? t('study.sweep.notReached', { target: formatNumber(result.spec.target, lang, 0) })
            : t('study.sweep.smallestFleet', { agvs: formatNumber(answer.agvs, lang, 0) })}
          <span className="criterion">{t(answer.criterion === 'ci-low' ? 'study.sweep.criterionLow' : 'study.sweep.criterionMean')}</span>
        </p>
      )}
    </div>
  );
}
