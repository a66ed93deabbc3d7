import { useTranslation } from 'react-i18next';
import type { Scene } from '../../../domain/sceneSchema';
import type { StudyResult } from '../../../sim/study/runStudy';
import { formatNumber } from '../../formatNumber';
import { HourlyCharts } from './HourlyCharts';
import { bindingText, caveatText, formatEstimate, hourClock, resourceName, verdict, type Lang } from './studyLabels';
import { SweepChart } from './SweepChart';

/** Resources listed with their utilisation: the busiest few. */
const LISTED = 8;

/**
 * One layout's study: cleared/day (mean ± 95 % interval) against the target range (scaled from the window, and
 * labelled so, when the window is not whole days), time in system, the binding resource and why it binds,
 * utilisation per resource, the truck holding areas (how full, from when, for how long, and the queue spilling back
 * onto the road beyond each), what the numbers cannot be taken to say (the study's caveats), queues and utilisation
 * over the day, and the sweep when there is one.
 */
export function StudyResultView({ result, scene, title, lang, testId }: { result: StudyResult; scene: Scene; title: string; lang: Lang; testId: string }) {
  const { t } = useTranslation();
  const b = result.base;
  const c = b.clearedPerDay;
  const minutes = (e: typeof b.timeInSystemP50S) => formatEstimate(e, lang, 1 / 60);
  const stand = verdict(c.mean, result.targetRange);
  const hours = result.spec.hours;
  const wholeDays = Number.isInteger(hours / 24);
  const caveats = result.caveats ?? []; // a study kept in the library before caveats existed has none
  const listed = Object.entries(b.utilisation)
    .sort((x, y) => y[1].mean - x[1].mean)
    .slice(0, LISTED);
  return (
    <section className="study-result" data-testid={testId}>
      <h3>{title}</h3>
      <p className="study-point">
        {t('study.result.point', {
          vehicles: formatNumber(b.vehiclesPerDay, lang, 0),
          agvs: formatNumber(b.agvs, lang, 0),
          hours: formatNumber(result.spec.hours, lang, 2),
          replications: b.clearedPerDay.n,
          // A study kept in the library before warm-ups existed ran from an empty gate.
          warmup: t('study.result.warmup', { count: result.spec.warmupDays ?? 0 }),
        })}
      </p>
      <div className={`study-headline ${stand}`}>
        <span className="label">
          {wholeDays
            ? t('study.result.cleared')
            : t('study.result.clearedScaled', { hours: formatNumber(hours, lang, 2), scale: formatNumber(24 / hours, lang, 2) })}
        </span>
        <span className="value" data-testid={`${testId}-cleared`}>
          {formatEstimate(c, lang)}
        </span>
        <span className="range">
          {c.low === undefined
            ? t('study.result.noInterval')
            : t(c.identical ? 'study.result.intervalIdentical' : 'study.result.interval', {
                low: formatNumber(c.low, lang, 0),
                high: formatNumber(c.high!, lang, 0),
              })}
        </span>
        {!wholeDays && b.clearedInWindow && (
          <span className="window" data-testid={`${testId}-window`}>
            {t('study.result.clearedInWindow', { hours: formatNumber(hours, lang, 2), value: formatEstimate(b.clearedInWindow, lang) })}
          </span>
        )}
        <span className="target">
          {t(`study.result.verdict.${stand}`, { min: formatNumber(result.targetRange.min, lang, 0), max: formatNumber(result.targetRange.max, lang, 0) })}
        </span>
      </div>
      <dl className="study-figures">
        <dt>{t('study.result.timeInSystem')}</dt>
        <dd>{t('study.result.minutes', { p50: minutes(b.timeInSystemP50S), p95: minutes(b.timeInSystemP95S) })}</dd>
        <dt>{t('study.result.binding')}</dt>
        <dd data-testid={`${testId}-binding`}>{b.binding.resource === '' ? '—' : bindingText(b.binding, b.runs.length, scene, lang, t)}</dd>
      </dl>
      <table className="study-utilisation">
        <thead>
          <tr>
            <th>{t('study.result.resource')}</th>
            <th>{t('study.result.utilisation')}</th>
          </tr>
        </thead>
        <tbody>
          {listed.map(([id, e]) => (
            <tr key={id}>
              <td>{resourceName(id, scene, lang)}</td>
              <td>{formatEstimate(e, lang, 100)} %</td>
            </tr>
          ))}
        </tbody>
      </table>
      <HoldingTable point={b} scene={scene} lang={lang} testId={`${testId}-holding`} />
      {caveats.length > 0 && (
        <div className="study-caveats" data-testid={`${testId}-caveats`}>
          <h4>{t('study.result.caveats')}</h4>
          <ul>
            {caveats.map((cv, k) => (
              <li key={k} data-code={cv.code}>
                {caveatText(cv, scene, lang, t)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <HourlyCharts point={b} scene={scene} lang={lang} testId={`${testId}-chart`} />
      {result.sweep && <SweepChart result={result} lang={lang} testId={testId} />}
    </section>
  );
}

/**
 * The base point's truck holding areas: capacity, the most trucks in each, hours full and when it first filled (with
 * how many runs it filled in), and the queue on the road beyond it (the most, and the mean over the window). A route
 * with no holding area is listed as the road before its first checkpoint. Nothing for a study kept before trucks had
 * length.
 */
function HoldingTable({ point, scene, lang, testId }: { point: StudyResult['base']; scene: Scene; lang: Lang; testId: string }) {
  const { t } = useTranslation();
  const areas = Object.entries(point.holding ?? {});
  if (areas.length === 0) return null;
  const of = point.runs.length;
  return (
    <table className="study-utilisation study-holding" data-testid={testId}>
      <caption>{t('study.result.holding.title')}</caption>
      <thead>
        <tr>
          <th>{t('study.result.holding.area')}</th>
          <th>{t('study.result.holding.most')}</th>
          <th>{t('study.result.holding.fullHours')}</th>
          <th>{t('study.result.holding.firstFull')}</th>
          <th>{t('study.result.holding.roadMax')}</th>
          <th>{t('study.result.holding.roadMean')}</th>
        </tr>
      </thead>
      <tbody>
        {areas.map(([id, h]) => (
          <tr key={id} data-area={id}>
            <td>
              {h.capacity > 0
                ? t('study.result.holding.named', { name: resourceName(id, scene, lang), capacity: formatNumber(h.capacity, lang, 0) })
                : t('study.result.holding.none', { name: resourceName(id, scene, lang) })}
            </td>
            <td>{h.capacity > 0 ? formatEstimate(h.trucksMax, lang) : '—'}</td>
            <td>{formatEstimate(h.fullHours, lang, 1, 1)}</td>
            <td>
              {h.fullFirstS
                ? t('study.result.holding.firstFullAt', { time: hourClock(h.fullFirstS.mean / 3600), runs: h.fullRuns, of })
                : t('study.result.holding.never')}
            </td>
            <td data-testid={`${testId}-road-max`}>{formatEstimate(h.roadQueueMaxM, lang)}</td>
            <td>{formatEstimate(h.roadQueueMeanM, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
