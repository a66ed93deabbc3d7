import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatNumber } from '../formatNumber';

export interface ChartSeries {
  readonly label: string;
  /** One value per x; `null` leaves a gap. */
  readonly values: readonly (number | null)[];
  readonly color: string;
  readonly dash?: readonly number[];
}

/** A horizontal band behind the lines, e.g. a zone's 2030 target range. */
export interface ChartBand {
  readonly from: number;
  readonly to: number;
  readonly color: string;
}

export interface LineChartProps {
  readonly x: readonly number[];
  readonly series: readonly ChartSeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly height: number;
  readonly bands?: readonly ChartBand[];
  /** Formats the x axis ticks (e.g. hours as `08:00`); numbers in the UI language's format by default. */
  readonly xFormat?: (x: number) => string;
  /** Font size of axes and legend in CSS pixels (a briefing wall wants large type). */
  readonly fontPx?: number;
  /** A one-line key of the series under the chart (off when the caller draws its own). */
  readonly showKey?: boolean;
  readonly testId?: string;
}

/**
 * A line chart (uPlot: a few kilobytes, canvas-drawn, fast with thousands of points) that fills its container's
 * width. The chart is built once per set of series names and fed new data in place, so a result arriving twice a
 * second redraws without rebuilding the canvas.
 */
export function LineChart({ x, series, xLabel, yLabel, height, bands = [], xFormat, fontPx = 12, showKey = true, testId }: LineChartProps) {
  const lang = useTranslation().i18n.language;
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | undefined>(undefined);
  const bandsRef = useRef(bands);
  bandsRef.current = bands;
  const shape = `${series.map((s) => `${s.label}|${s.color}`).join(',')}|${xLabel}|${yLabel}|${height}|${fontPx}|${lang}`;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const font = `${fontPx}px sans-serif`;
    // Ticks at least ~5 characters apart, so labels like 08:00 never overlap at any font size.
    // uPlot would format ticks in the browser's locale; they follow the UI's language like every other number.
    const number = (v: number) => formatNumber(v, lang, 3);
    const axis = (label: string, format: (v: number) => string): uPlot.Axis => ({
      label,
      space: fontPx * 5,
      font,
      labelFont: font,
      size: fontPx * 3.5,
      labelSize: fontPx * 1.6,
      stroke: '#d8e2ec',
      grid: { stroke: 'rgba(216,226,236,0.15)' },
      ticks: { stroke: 'rgba(216,226,236,0.3)' },
      values: (_u: uPlot, vals: (number | null)[]) => vals.map((v) => (v == null ? '' : format(v))),
    });
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      // uPlot's legend shows the values under the cursor, a table as tall as the chart with many series: a compact key is drawn below instead.
      legend: { show: false },
      scales: {
        x: { time: false },
        // From zero, and high enough to show every band (a target above today's figures stays on the chart).
        y: { range: (_u: uPlot, _min: number, max: number) => [0, Math.max(max, ...bandsRef.current.map((b) => b.to), 1) * 1.08] },
      },
      axes: [axis(xLabel, xFormat ?? number), axis(yLabel, number)],
      series: [
        { label: xLabel, ...(xFormat ? { value: (_u: uPlot, v: number) => (v == null ? '' : xFormat(v)) } : {}) },
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          dash: s.dash ? [...s.dash] : undefined,
          spanGaps: false,
          points: { show: false },
        })),
      ],
      hooks: {
        drawClear: [
          (u: uPlot) => {
            const ctx = u.ctx;
            for (const b of bandsRef.current) {
              const top = u.valToPos(b.to, 'y', true);
              const bottom = u.valToPos(b.from, 'y', true);
              ctx.fillStyle = b.color;
              ctx.fillRect(u.bbox.left, Math.min(top, bottom), u.bbox.width, Math.abs(bottom - top));
            }
          },
        ],
      },
    };
    const u = new uPlot(opts, [[], ...series.map(() => [])] as unknown as uPlot.AlignedData, el);
    plot.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: Math.max(200, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = undefined;
    };
    // Rebuilt only when the chart's shape changes; data goes in through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `shape` stands for every prop the canvas is built from
  }, [shape]);

  useEffect(() => {
    plot.current?.setData([x as number[], ...series.map((s) => s.values as number[])] as uPlot.AlignedData);
  }, [x, series, shape]);

  return (
    <figure className="line-chart" data-testid={testId} style={{ fontSize: fontPx }}>
      <div ref={box} />
      {showKey && (
        <figcaption className="line-chart-key">
          {series.map((s) => (
            <span key={s.label}>
              <i style={{ borderTopColor: s.color, borderTopStyle: s.dash ? 'dashed' : 'solid' }} />
              {s.label}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
