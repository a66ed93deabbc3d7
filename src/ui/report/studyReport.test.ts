import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../domain/layoutSvg';
import { loadScene } from '../../sim/testScenes';
import { runStudy } from '../../sim/study/runStudy';
import { listAssumptions } from '../../store/layout/assumptions';
import { caveatText } from '../engineering/study/studyLabels';
import { formatNumber } from '../formatNumber';
import { reportT } from './reportStrings';
import { studyReportHtml } from './studyReport';

const STAGE = loadScene('scenes/1088-2-1089/2027.json');
const DATE = new Date('2026-05-12T07:30:00Z');
/** Two hours from midnight, two seeds, no warm-up: quick, and every caveat but identical runs is said. */
const SPEC = { hours: 2, replications: 2, warmupDays: 0 } as const;
/** One hour: both seeds clear the same trucks, so the interval says nothing. */
const PLAIN = runStudy(STAGE, { ...SPEC, hours: 1 });
const SWEPT = runStudy(STAGE, { ...SPEC, vehiclesPerDay: 20000, target: 1500, sweep: { parameter: 'agvs', from: 8, to: 24, step: 8 } });

/** The page with what the SVG namespace says taken out: any other address would be something fetched. */
const addresses = (html: string) => html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '').match(/\b(https?:|file:|\/\/)[^\s"'<]*/g) ?? [];

describe('studyReportHtml', () => {
  it('holds the headline figures: cleared/day with its interval, the target and the range, the binding resource', () => {
    const html = studyReportHtml(STAGE, SWEPT, { date: DATE });
    const c = SWEPT.base.clearedPerDay;
    const n = (x: number) => formatNumber(x, 'en', 0);
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`<span class="value">${n(c.mean)}</span><span class="interval">95 % CI ${n(c.low!)}–${n(c.high!)}</span>`);
    expect(html).toContain('Below the 2030 target of 2,000–2,500');
    // A burst of trucks over two hours: the fleet clears 1,500 a day with confidence (its lower bound reaches it).
    expect(c.low).toBeGreaterThanOrEqual(1500);
    expect(html).toContain(`Reaches the target of 1,500/day with confidence: the lower bound of the 95 % interval, ${n(c.low!)}, is at or above it.`);
    expect(html).toContain('Vehicles cleared per day, scaled from 2 h (× 12)');
    expect(html).toContain('12 May 2026, 14:30 (GMT+7)');
    expect(html).toContain(escapeXml(STAGE.zone.name.en));
    expect(html).toContain('1088/2-1089: layout 2027 (generated) · Stage 2027');
    expect(SWEPT.base.binding.resource).not.toBe('');
    expect(html).toMatch(/Binding resource<\/dt><dd>[^<]+ \(binds in \d of 2 runs\)<\/dd>/);
  });

  it('says below the figure when the interval says nothing, and that the target is not reached', () => {
    const c = PLAIN.base.clearedPerDay;
    expect(c.identical).toBe(true);
    const html = studyReportHtml(STAGE, PLAIN, { date: DATE });
    const mean = formatNumber(c.mean, 'en', 0);
    expect(html).toContain(
      `<span class="value">${mean}</span></div><p>95 % CI ${mean}–${mean}: every replication gave the same, so the interval says nothing</p>`,
    );
    expect(html).toContain(`Does not reach the target of 2,000/day: the mean is ${mean}.`);
  });

  it('says every caveat of the study, in the report language', () => {
    expect(PLAIN.caveats.map((c) => c.code)).toEqual(expect.arrayContaining(['partial-day', 'few-replications']));
    for (const lang of ['en', 'vi'] as const) {
      const html = studyReportHtml(STAGE, PLAIN, { date: DATE, lang });
      for (const c of PLAIN.caveats) expect(html).toContain(`<li data-code="${c.code}">${escapeXml(caveatText(c, STAGE, lang, reportT(lang)))}</li>`);
    }
  });

  it('draws the sweep, its answer and its table only for a study with a sweep', () => {
    const plain = studyReportHtml(STAGE, PLAIN, { date: DATE });
    expect(plain).not.toContain('id="sweep"');
    expect(plain).not.toContain('smallest fleet');
    const swept = studyReportHtml(STAGE, SWEPT, { date: DATE });
    const sweep = /<section class="page sweep" id="sweep">(.*?)<\/section>/s.exec(swept)?.[1];
    expect(sweep).toBeDefined();
    expect(sweep).toContain('<svg class="chart-svg"');
    expect(sweep).toContain('Target: 1,500');
    const answer = SWEPT.sweep!.smallestFleet!;
    expect(sweep).toContain(
      answer.agvs === undefined
        ? 'The target of 1,500/day is not reached within the range swept'
        : `Smallest fleet reaching the target: ${answer.agvs} AGVs`,
    );
    // A row per point, with its mean cleared/day.
    expect(sweep!.match(/<tr(?: class="answer-row")?><td class="num">/g)).toHaveLength(SWEPT.sweep!.points.length);
    for (const p of SWEPT.sweep!.points) expect(sweep).toContain(`<td class="num">${formatNumber(p.clearedPerDay.mean, 'en', 0)}</td>`);
  });

  it('has the layout from above, the hourly charts and every assumption with its source, on pages of their own', () => {
    const html = studyReportHtml(STAGE, PLAIN, { date: DATE });
    expect(html.match(/<section class="page /g)).toHaveLength(4);
    expect(html).toContain('@page');
    expect(html).toMatch(/<section class="page layout" id="layout">.*<figure class="drawing"><svg xmlns/s);
    // Three drawings on one page, each with its own marker ids.
    expect(html).toContain('id="whole-arrow"');
    expect(html).toContain('id="VN-arrow"');
    expect(html).toContain('id="CN-arrow"');
    expect(html.match(/<h3>(Queues|Utilisation) over the day[^<]*<\/h3><figure class="chart"><svg/g)).toHaveLength(2);
    for (const a of listAssumptions(STAGE)) expect(html).toContain(`<td class="source">${escapeXml(a.source)}</td>`);
    expect(html).toContain('Gap kept behind a moving AGV (m)');
    expect(html).toContain('<footer>Smart Gate Twin · scene 1088-2-1089-2027');
  });

  it('is self-contained: nothing to fetch, and a Print button that prints only when pressed', () => {
    const html = studyReportHtml(STAGE, SWEPT, { date: DATE });
    expect(addresses(html)).toEqual([]);
    expect(html).not.toMatch(/<(script|link|img|iframe|object)\b/i);
    expect(html).toContain('<button type="button" onclick="window.print()" data-testid="report-print">Print or save as PDF</button>');
  });

  it('shows a hostile name or source as text, never as markup', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
    const s = structuredClone(STAGE);
    Object.assign(s, { variant: hostile, title: { en: hostile, vi: hostile }, zone: { ...s.zone, name: { en: hostile, vi: hostile } } });
    (s.fleet.agv.count as { source: string }).source = hostile;
    // Every facility named so: the resources of the utilisation table and the charts' legends are among them.
    s.facilities.forEach((f, k) => Object.assign(f, { name: { en: `${hostile}${k}`, vi: `${hostile}${k}` } }));
    const html = studyReportHtml(s, PLAIN, { date: DATE });
    expect(html).not.toMatch(/<(script|img)\b/i);
    expect(html).not.toContain(hostile);
    expect(html).toContain(escapeXml(hostile));
    expect(html).toContain(`<title>Capacity study of a layout · ${escapeXml(hostile)}</title>`);
    expect(html).toContain(`<td class="source">${escapeXml(hostile)}</td>`);
    expect(html).toMatch(/<tr><td>&lt;script&gt;alert\(1\)&lt;\/script&gt;&lt;img src=x onerror=alert\(2\)&gt;&quot;&#39;&amp;\d+<\/td><td class="num">/);
  });

  it('speaks Vietnamese when asked: labels, numbers and the date', () => {
    const html = studyReportHtml(STAGE, SWEPT, { date: DATE, lang: 'vi' });
    expect(html.startsWith('<!doctype html>\n<html lang="vi">')).toBe(true);
    expect(html).toContain('<h1>Nghiên cứu năng lực của một bố trí</h1>');
    expect(html).toContain('Số xe thông quan mỗi ngày, quy đổi từ 2 giờ (× 12)');
    expect(html).toContain(`<span class="value">${formatNumber(SWEPT.base.clearedPerDay.mean, 'vi', 0)}</span>`);
    expect(html).toContain('Mục tiêu: 1.500');
    expect(html).toContain('12 tháng 5, 2026, 14:30 (GMT+7)');
    expect(html).toContain('Phía Việt Nam: khu vực AGV');
    expect(html).not.toContain('Capacity study');
  });
});
