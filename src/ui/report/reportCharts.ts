/**
 * The report's pages of charts: the sweep (cleared/day by the swept parameter with its 95 % intervals, the target
 * and the zone's 2030 range, the smallest fleet, and the table of points) and the base point's day (queues and
 * utilisation hour by hour, the same series as the console's charts, and the utilisation table).
 */
import { escapeXml } from '../../domain/layoutSvg';
import type { Scene } from '../../domain/sceneSchema';
import type { StudyResult } from '../../sim/study/runStudy';
import type { PointResult } from '../../sim/study/summarisePoint';
import { hourEnds, queueSeries, utilisationSeries } from '../engineering/study/hourlySeries';
import { formatEstimate, hourClock, resourceName } from '../engineering/study/studyLabels';
import { formatNumber } from '../formatNumber';
import { reportT, type ReportLang } from './reportStrings';
import { svgLineChart } from './svgLineChart';

/** Lines that stay apart on white paper and in grey print. */
const PRINT_COLOURS = ['#0369a1', '#c2410c', '#15803d', '#7c3aed', '#be123c', '#0f766e'];
const CONTAINERS_COLOUR = '#475569';
const MEAN_COLOUR = '#0369a1';
const TARGET_COLOUR = '#15803d';
const TARGET_BAND = 'rgba(34, 197, 94, 0.16)';
const ANSWER_COLOUR = '#b45309';
/** Resources listed in the utilisation table: the busiest few, as in the console. */
const LISTED = 8;

/** Whether a point reaches `target`: on the lower 95 % bound when every point has one, else on the mean (as runStudy sizes the fleet). */
function reaches(p: PointResult, target: number, onLow: boolean): boolean {
  return (onLow ? p.clearedPerDay.low! : p.clearedPerDay.mean) >= target;
}

const cell = (text: string, num = false) => `<td${num ? ' class="num"' : ''}>${escapeXml(text)}</td>`;
const head = (text: string, num = false) => `<th${num ? ' class="num"' : ''}>${escapeXml(text)}</th>`;

/** The sweep's page: chart, answer and table. Empty for a study without a sweep. */
export function sweepSection(result: StudyResult, scene: Scene, lang: ReportLang): string {
  const sweep = result.sweep;
  if (!sweep) return '';
  const t = reportT(lang);
  const n = (v: number, digits = 0) => formatNumber(v, lang, digits);
  const byAgvs = sweep.parameter === 'agvs';
  const pts = sweep.points;
  const x = pts.map((p) => (byAgvs ? p.agvs : p.vehiclesPerDay));
  const onLow = pts.every((p) => p.clearedPerDay.low !== undefined);
  const answer = sweep.smallestFleet;
  const wholeDays = Number.isInteger(result.spec.hours / 24);
  const chart = svgLineChart({
    x,
    series: [
      {
        label: t('study.sweep.mean'),
        values: pts.map((p) => p.clearedPerDay.mean),
        colour: MEAN_COLOUR,
        dots: true,
        whiskers: { low: pts.map((p) => p.clearedPerDay.low), high: pts.map((p) => p.clearedPerDay.high) },
      },
    ],
    xLabel: t(byAgvs ? 'study.sweep.axisAgvs' : 'study.sweep.axisVehicles'),
    yLabel: wholeDays ? t('study.sweep.axisCleared') : t('study.sweep.axisClearedScaled', { scale: n(24 / result.spec.hours, 2) }),
    xTicks: x.length <= 12 ? x : x.filter((_, i) => i % Math.ceil(x.length / 12) === 0),
    xFormat: (v) => n(v),
    yFormat: (v) => n(v),
    heightPx: 300,
    band: { from: result.targetRange.min, to: result.targetRange.max, colour: TARGET_BAND, label: t('report.param.range') },
    hLine: { y: result.spec.target, colour: TARGET_COLOUR, label: `${t('study.sweep.target')}: ${n(result.spec.target)}` },
    ...(answer?.agvs !== undefined ? { vLine: { x: answer.agvs, colour: ANSWER_COLOUR, label: t('report.smallestFleetMark') } } : {}),
  });
  const answerText = answer
    ? `<p class="answer ${answer.agvs === undefined ? 'missed' : 'reached'}">${escapeXml(
        answer.agvs === undefined
          ? t('study.sweep.notReached', { target: n(result.spec.target) })
          : t('study.sweep.smallestFleet', { agvs: n(answer.agvs) }),
      )}<span class="criterion">${escapeXml(t(answer.criterion === 'ci-low' ? 'study.sweep.criterionLow' : 'study.sweep.criterionMean'))}</span></p>`
    : '';
  const rows = pts.map((p) => {
    const c = p.clearedPerDay;
    const mark = byAgvs && answer?.agvs === p.agvs ? ' class="answer-row"' : '';
    return (
      `<tr${mark}>${cell(n(p.agvs), true)}${cell(n(p.vehiclesPerDay), true)}${cell(n(c.mean), true)}` +
      cell(c.low === undefined ? '—' : `${n(c.low)}–${n(c.high!)}`, true) +
      cell(n(p.timeInSystemP50S.mean / 60), true) +
      cell(p.binding.resource === '' ? '—' : resourceName(p.binding.resource, scene, lang)) +
      cell(t(reaches(p, result.spec.target, onLow) ? 'report.table.yes' : 'report.table.no')) +
      '</tr>'
    );
  });
  return (
    `<section class="page sweep" id="sweep"><h2>${escapeXml(t(byAgvs ? 'study.sweep.titleAgvs' : 'study.sweep.titleVehicles'))}</h2>` +
    `<p class="note">${escapeXml(t('report.sweepNote'))}</p>${chart}${answerText}` +
    `<table class="points"><thead><tr>${head(t('report.table.agvs'), true)}${head(t('report.table.vehicles'), true)}${head(t('report.table.cleared'), true)}` +
    `${head(t('report.table.interval'), true)}${head(t('report.table.p50'), true)}${head(t('report.table.binding'))}${head(t('report.table.reaches'))}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></section>`
  );
}

/** Ticks of a day's hours: every hour of a short window, every 3 h of a day, every 12 or 24 h of several days. */
function hourTicks(hours: number): number[] {
  const step = hours <= 6 ? 1 : hours <= 12 ? 2 : hours <= 24 ? 3 : hours <= 72 ? 12 : 24;
  return Array.from({ length: Math.floor(hours / step) + 1 }, (_, k) => k * step);
}

/** The base point's day: queues and utilisation hour by hour, and the utilisation of the busiest resources. */
export function hourlySection(result: StudyResult, scene: Scene, lang: ReportLang): string {
  const t = reportT(lang);
  const b = result.base;
  const x = hourEnds(b);
  const xTicks = hourTicks(b.hourly.length);
  const common = { x, xTicks, xLabel: t('study.chart.hour'), xFormat: hourClock, heightPx: 250 };
  const queues = queueSeries(b, scene, lang, t).map((s, k, all) => ({
    ...s,
    colour: k === all.length - 1 ? CONTAINERS_COLOUR : PRINT_COLOURS[k % PRINT_COLOURS.length]!,
  }));
  const busy = utilisationSeries(b, scene, lang).map((s, k) => ({ ...s, colour: PRINT_COLOURS[k % PRINT_COLOURS.length]! }));
  const listed = Object.entries(b.utilisation)
    .sort((p, q) => q[1].mean - p[1].mean)
    .slice(0, LISTED);
  return (
    `<section class="page hourly" id="hourly"><h2>${escapeXml(t('report.hourlyTitle'))}</h2>` +
    `<p class="note">${escapeXml(t('report.hourlyNote', { vehicles: formatNumber(b.vehiclesPerDay, lang, 0), agvs: formatNumber(b.agvs, lang, 0) }))}</p>` +
    `<h3>${escapeXml(t('study.chart.queuesTitle'))}</h3>` +
    svgLineChart({ ...common, series: queues, yLabel: t('study.chart.waiting'), yFormat: (v) => formatNumber(v, lang, 1) }) +
    `<h3>${escapeXml(t('study.chart.utilisationTitle'))}</h3>` +
    svgLineChart({ ...common, series: busy, yLabel: t('study.chart.percentBusy'), yFormat: (v) => formatNumber(v, lang, 0), yMax: 100 }) +
    `<table class="utilisation"><thead><tr>${head(t('study.result.resource'))}${head(t('study.result.utilisation'), true)}</tr></thead><tbody>` +
    listed.map(([id, e]) => `<tr>${cell(resourceName(id, scene, lang))}${cell(`${formatEstimate(e, lang, 100)} %`, true)}</tr>`).join('') +
    '</tbody></table></section>'
  );
}
