/**
 * A capacity study as a page for leaders, to print on A4 (or save as a PDF) from a browser: what the layout clears
 * a day with its 95 % interval against the target and whether it reaches it, the binding resource and why, what
 * the numbers cannot say, the study's parameters; the layout from above; the sweep with its smallest fleet; queues
 * and utilisation over the day; every assumption with its source. One self-contained HTML document (inline CSS
 * and SVG, the machine's fonts, nothing fetched), in English or Vietnamese. Pure: no DOM, no React; every text
 * from the scene or the result is escaped, so a name or a source is shown as written and never read as markup.
 * Written by `npm run study -- … --report out.html` and by the console's Report button.
 *
 * @example
 *   const html = studyReportHtml(scene, runStudy(scene, { replications: 5 }), { date: new Date(), lang: 'vi' });
 */
import { GATE_TIME_ZONE } from '../../domain/gateClock';
import { escapeXml } from '../../domain/layoutSvg';
import type { Scene } from '../../domain/sceneSchema';
import type { StudyResult } from '../../sim/study/runStudy';
import { bindingText, caveatText, formatEstimate, verdict } from '../engineering/study/studyLabels';
import { formatNumber } from '../formatNumber';
import { assumptionsSection } from './reportAssumptions';
import { hourlySection, sweepSection } from './reportCharts';
import { REPORT_CSS } from './reportCss';
import { layoutSection } from './reportLayout';
import { reportT, type ReportLang } from './reportStrings';

export interface StudyReportOptions {
  /** When the study ran: the report's date, in the gate's time zone. */
  readonly date: Date;
  /** English unless told. */
  readonly lang?: ReportLang;
}

/** Whether the base point reaches the target: with confidence (lower bound), on one run's mean, on the mean only, or not. */
function reach(result: StudyResult): 'confident' | 'mean' | 'unsure' | 'no' {
  const c = result.base.clearedPerDay;
  const target = result.spec.target;
  if (c.low === undefined) return c.mean >= target ? 'mean' : 'no';
  return c.low >= target ? 'confident' : c.mean >= target ? 'unsure' : 'no';
}

/** `5 December 2026, 10:31 (GMT+7)`: the day and time at the gate, whatever the machine's own zone. */
function studyDate(date: Date, lang: ReportLang): string {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  const day = new Intl.DateTimeFormat(locale, { timeZone: GATE_TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric' }).format(date);
  const time = new Intl.DateTimeFormat(locale, { timeZone: GATE_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
  const parts = time.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${day}, ${part('hour')}:${part('minute')} (${part('timeZoneName')})`;
}

/** The first page: what and when, the headline against the target, the binding resource, the parameters, the caveats. */
function summarySection(scene: Scene, result: StudyResult, o: Required<StudyReportOptions>): string {
  const { lang } = o;
  const t = reportT(lang);
  const e = escapeXml;
  const n = (v: number, digits = 0) => formatNumber(v, lang, digits);
  const b = result.base;
  const c = b.clearedPerDay;
  const s = result.spec;
  const range = result.targetRange;
  const wholeDays = Number.isInteger(s.hours / 24);
  // A staged variant has a name of its own ("Stage 2027"); an engineer's is shown as such ("variant wide-yards").
  const variant = t(`variant.${scene.variant}`, { defaultValue: t('report.variant', { variant: scene.variant }) });
  const meta: [string, string][] = [
    [t('report.zone'), scene.zone.name[lang]],
    [t('report.layout'), `${scene.title[lang]} · ${variant}`],
    [t('report.studied'), studyDate(o.date, lang)],
  ];
  // An interval beside the figure; a sentence below it where there is none to speak of (one run, identical runs).
  const interval =
    c.low === undefined
      ? `</div><p>${e(t('study.result.noInterval'))}</p>`
      : c.identical
        ? `</div><p>${e(t('study.result.intervalIdentical', { low: n(c.low), high: n(c.high!) }))}</p>`
        : `<span class="interval">${e(t('study.result.interval', { low: n(c.low), high: n(c.high!) }))}</span></div>`;
  const how = reach(result);
  const stand = how === 'confident' || how === 'mean' ? 'reached' : how;
  const minutes = (x: typeof b.timeInSystemP50S) => formatEstimate(x, lang, 1 / 60);
  const sweep = s.sweep;
  const params: [string, string][] = [
    [t('study.form.vehiclesPerDay'), n(s.vehiclesPerDay)],
    [t('study.form.agvs'), n(s.agvs)],
    [t('study.form.hours'), n(s.hours, 2)],
    [t('study.form.warmupDays'), n(s.warmupDays)],
    [t('study.form.replications'), t('report.param.seeds', { n: s.replications })],
    [t('study.form.target'), n(s.target)],
    [t('report.param.range'), `${n(range.min)}–${n(range.max)}`],
    [
      t('report.param.sweep'),
      sweep
        ? t(sweep.parameter === 'agvs' ? 'report.param.sweepAgvs' : 'report.param.sweepVehicles', {
            from: n(sweep.from),
            to: n(sweep.to),
            step: n(sweep.step),
          })
        : t('report.param.none'),
    ],
  ];
  const caveats = result.caveats.map((cv) => `<li data-code="${e(cv.code)}">${e(caveatText(cv, scene, lang, t))}</li>`).join('');
  return (
    `<section class="page summary" id="summary"><h1>${e(t('report.title'))}</h1>` +
    `<dl class="meta">${meta.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>` +
    `<h2>${e(t('report.headline'))}</h2>` +
    `<div class="headline ${stand}"><div class="label">${e(
      wholeDays ? t('study.result.cleared') : t('study.result.clearedScaled', { hours: n(s.hours, 2), scale: n(24 / s.hours, 2) }),
    )}</div>` +
    `<div><span class="value">${e(n(c.mean))}</span>${interval}` +
    (wholeDays ? '' : `<p>${e(t('study.result.clearedInWindow', { hours: n(s.hours, 2), value: formatEstimate(b.clearedInWindow, lang) }))}</p>`) +
    `<p>${e(t(`study.result.verdict.${verdict(c.mean, range)}`, { min: n(range.min), max: n(range.max) }))}</p>` +
    `<p class="reach">${e(t(`report.reach.${how}`, { target: n(s.target), mean: n(c.mean), low: c.low === undefined ? '' : n(c.low) }))}</p></div>` +
    `<dl class="figures"><dt>${e(t('study.result.binding'))}</dt><dd>${e(b.binding.resource === '' ? '—' : bindingText(b.binding, b.runs.length, scene, lang, t))}</dd>` +
    `<dt>${e(t('study.result.timeInSystem'))}</dt><dd>${e(t('study.result.minutes', { p50: minutes(b.timeInSystemP50S), p95: minutes(b.timeInSystemP95S) }))}</dd></dl>` +
    `<h2>${e(t('report.parameters'))}</h2><table class="params"><tbody>${params
      .map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td class="num">${e(v)}</td></tr>`)
      .join('')}</tbody></table>` +
    `<div class="caveats"><h3>${e(t('study.result.caveats'))}</h3>${caveats === '' ? `<p>${e(t('report.noCaveats'))}</p>` : `<ul>${caveats}</ul>`}</div></section>`
  );
}

export function studyReportHtml(scene: Scene, result: StudyResult, options: StudyReportOptions): string {
  const o = { lang: 'en' as const, ...options };
  const t = reportT(o.lang);
  const e = escapeXml;
  const title = `${t('report.title')} · ${scene.title[o.lang]}`;
  return (
    `<!doctype html>\n<html lang="${o.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${e(title)}</title><style>${REPORT_CSS}</style></head><body>` +
    `<div class="toolbar"><button type="button" onclick="window.print()" data-testid="report-print">${e(t('report.print'))}</button><span>${e(t('report.printHint'))}</span></div>` +
    summarySection(scene, result, o) +
    layoutSection(scene, o.lang) +
    sweepSection(result, scene, o.lang) +
    hourlySection(result, scene, o.lang) +
    assumptionsSection(scene, o.lang, `<footer>${e(t('report.footer', { scene: scene.id }))}</footer>`) +
    '</body></html>\n'
  );
}
