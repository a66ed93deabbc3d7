/**
 * A line chart as SVG text, for a page that is printed: axes from 0 with round ticks, lines (dashed or not, with
 * dots at the points where there are few), 95 % intervals as bars with caps, a horizontal band (a target range),
 * a horizontal line (the target) and a vertical one (an answer), and a legend below in HTML. Every label is
 * escaped: the chart's text is text, never markup. No DOM, no library: it renders the same in Node and a page.
 *
 * @example
 *   svgLineChart({ x: [10, 20], series: [{ label: 'Mean', values: [900, 1500], colour: '#0369a1', dots: true }],
 *     xLabel: 'AGVs', yLabel: 'Cleared/day', xTicks: [10, 20], xFormat: String, yFormat: String });
 */
import { escapeXml } from '../../domain/layoutSvg';

export interface SvgSeries {
  readonly label: string;
  readonly values: readonly number[];
  readonly colour: string;
  /** SVG `stroke-dasharray`, e.g. `6 4`. */
  readonly dash?: string;
  /** A dot at each point: for a few points (a sweep), not for a day's hours. */
  readonly dots?: boolean;
  /** Each point's 95 % interval, drawn as a bar with caps; a point without one has `undefined`. */
  readonly whiskers?: { readonly low: readonly (number | undefined)[]; readonly high: readonly (number | undefined)[] };
}

export interface SvgLineChartOptions {
  readonly x: readonly number[];
  readonly series: readonly SvgSeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** Where the x axis is labelled (within the data's range or beside it). */
  readonly xTicks: readonly number[];
  readonly xFormat: (x: number) => string;
  readonly yFormat: (y: number) => string;
  readonly widthPx?: number;
  readonly heightPx?: number;
  /** The top of the y axis, for a quantity with a top of its own (100 % busy); else a round number above the data. */
  readonly yMax?: number;
  readonly band?: { readonly from: number; readonly to: number; readonly colour: string; readonly label: string };
  readonly hLine?: { readonly y: number; readonly colour: string; readonly label: string };
  readonly vLine?: { readonly x: number; readonly colour: string; readonly label: string };
}

const MARGIN = { left: 58, right: 14, top: 12, bottom: 42 };
const FONT_PX = 11;
/** Share of the x span left empty at each end. */
const X_PAD = 0.03;

/** A round step (1, 2 or 5 × 10^k) cutting `span` into about `count` parts. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

const f1 = (v: number) => v.toFixed(1);

/** A small line of the series' colour and dash, for the legend. */
function swatch(colour: string, dash?: string, fill?: boolean): string {
  return fill
    ? `<svg width="22" height="10" aria-hidden="true"><rect width="22" height="10" fill="${colour}"/></svg>`
    : `<svg width="22" height="10" aria-hidden="true"><line x1="1" y1="5" x2="21" y2="5" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/></svg>`;
}

export function svgLineChart(o: SvgLineChartOptions): string {
  const width = o.widthPx ?? 700;
  const height = o.heightPx ?? 260;
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const xs = [...o.x, ...o.xTicks, ...(o.vLine ? [o.vLine.x] : [])];
  // A little room beside the first and last points, so a dot or an interval's cap is not cut by the frame.
  const span = Math.max(...xs) - Math.min(...xs) || 2;
  const xMin = Math.min(...xs) - span * X_PAD;
  const xMax = Math.max(...xs) + span * X_PAD;
  const tops = [
    ...o.series.flatMap((s) => [...s.values, ...(s.whiskers?.high ?? []).filter((v): v is number => v !== undefined)]),
    ...(o.band ? [o.band.to] : []),
    ...(o.hLine ? [o.hLine.y] : []),
  ].filter(Number.isFinite);
  const top = o.yMax ?? Math.max(0, ...tops);
  const yStep = top > 0 ? niceStep(top, 5) : 1;
  const yMax = o.yMax ?? (top > 0 ? Math.ceil((top * 1.04) / yStep) * yStep : 1);
  const px = (x: number) => MARGIN.left + ((x - xMin) / (xMax - xMin)) * plotW;
  const py = (y: number) => MARGIN.top + plotH - (Math.max(0, y) / yMax) * plotH;
  const out: string[] = [
    `<svg class="chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-size="${FONT_PX}" role="img" aria-label="${escapeXml(`${o.yLabel} / ${o.xLabel}`)}">`,
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="#ffffff" stroke="#94a3b8" stroke-width="0.8"/>`,
  ];
  if (o.band) {
    const y1 = py(o.band.to);
    const y0 = py(o.band.from);
    out.push(`<rect x="${MARGIN.left}" y="${f1(y1)}" width="${plotW}" height="${f1(Math.max(0, y0 - y1))}" fill="${o.band.colour}"/>`);
  }
  for (let y = 0; y <= yMax + yStep / 1000; y += yStep) {
    const yy = f1(py(y));
    out.push(
      `<line x1="${MARGIN.left}" y1="${yy}" x2="${MARGIN.left + plotW}" y2="${yy}" stroke="#e2e8f0" stroke-width="0.8"/>`,
      `<text x="${MARGIN.left - 5}" y="${yy}" text-anchor="end" dominant-baseline="middle" fill="#334155">${escapeXml(o.yFormat(y))}</text>`,
    );
  }
  for (const x of o.xTicks) {
    const xx = f1(px(x));
    out.push(
      `<line x1="${xx}" y1="${MARGIN.top + plotH}" x2="${xx}" y2="${MARGIN.top + plotH + 4}" stroke="#64748b" stroke-width="0.8"/>`,
      `<text x="${xx}" y="${MARGIN.top + plotH + 6 + FONT_PX}" text-anchor="middle" fill="#334155">${escapeXml(o.xFormat(x))}</text>`,
    );
  }
  out.push(
    `<text x="${MARGIN.left + plotW / 2}" y="${height - 4}" text-anchor="middle" fill="#0f172a">${escapeXml(o.xLabel)}</text>`,
    `<text transform="translate(13 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#0f172a">${escapeXml(o.yLabel)}</text>`,
  );
  if (o.hLine) {
    const yy = f1(py(o.hLine.y));
    out.push(
      `<line x1="${MARGIN.left}" y1="${yy}" x2="${MARGIN.left + plotW}" y2="${yy}" stroke="${o.hLine.colour}" stroke-width="1.6" stroke-dasharray="7 4"/>`,
    );
  }
  if (o.vLine) {
    const xx = f1(px(o.vLine.x));
    out.push(
      `<line x1="${xx}" y1="${MARGIN.top}" x2="${xx}" y2="${MARGIN.top + plotH}" stroke="${o.vLine.colour}" stroke-width="1.4" stroke-dasharray="2 3"/>`,
      `<text x="${xx}" y="${MARGIN.top + FONT_PX + 2}" dx="4" fill="${o.vLine.colour}" font-weight="bold">${escapeXml(o.vLine.label)}</text>`,
    );
  }
  for (const s of o.series) {
    if (s.whiskers) {
      const cap = 4;
      s.values.forEach((_, i) => {
        const lo = s.whiskers!.low[i];
        const hi = s.whiskers!.high[i];
        if (lo === undefined || hi === undefined) return;
        const xx = px(o.x[i]!);
        out.push(
          `<path d="M${f1(xx)},${f1(py(lo))} V${f1(py(hi))} M${f1(xx - cap)},${f1(py(lo))} H${f1(xx + cap)} M${f1(xx - cap)},${f1(py(hi))} H${f1(xx + cap)}" stroke="${s.colour}" stroke-width="1.2" fill="none"/>`,
        );
      });
    }
    const points = s.values.map((v, i) => `${f1(px(o.x[i]!))},${f1(py(v))}`).join(' ');
    out.push(
      `<polyline points="${points}" fill="none" stroke="${s.colour}" stroke-width="1.8" stroke-linejoin="round"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
    );
    if (s.dots) for (const [i, v] of s.values.entries()) out.push(`<circle cx="${f1(px(o.x[i]!))}" cy="${f1(py(v))}" r="3" fill="${s.colour}"/>`);
  }
  out.push('</svg>');
  const legend = [
    ...o.series.map((s) => `<li>${swatch(s.colour, s.dash)}${escapeXml(s.label)}</li>`),
    ...(o.hLine ? [`<li>${swatch(o.hLine.colour, '7 4')}${escapeXml(o.hLine.label)}</li>`] : []),
    ...(o.band ? [`<li>${swatch(o.band.colour, undefined, true)}${escapeXml(o.band.label)}</li>`] : []),
  ];
  return `<figure class="chart">${out.join('')}<ul class="legend">${legend.join('')}</ul></figure>`;
}
