import { useTranslation } from 'react-i18next';
import type { ExperimentSummary } from '../../../sim/experiment/experimentSummary';
import { formatNumber } from '../../formatNumber';

const W = 640;
const H = 300;
const M = { left: 56, right: 12, top: 14, bottom: 36 };
const COLOURS = ['#38bdf8', '#a3e635', '#f472b6', '#fbbf24', '#c084fc', '#2dd4bf', '#fb923c', '#94a3b8'];

/** Round steps for an axis from 0 to about `max`. */
function ticks(max: number, count = 5): number[] {
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * mag).find((s) => s >= raw)!;
  return Array.from({ length: Math.floor(max / step) + 1 }, (_, k) => k * step);
}

/**
 * Cleared per day against fleet size, a line per layout (its cranes in the legend), each point's 95 % interval as a
 * whisker, the target as a dashed line, the Pareto front's points as stars and the cheapest point reaching the
 * target ringed. Plain SVG: it prints and scales with the panel.
 */
export function ExperimentChart({ summary, target, lang }: { summary: ExperimentSummary; target: number; lang: 'en' | 'vi' }) {
  const { t } = useTranslation();
  const pts = summary.points;
  const layouts = [...new Set(pts.map((p) => p.layout))];
  const agvs = pts.map((p) => p.agvs);
  const xMin = Math.min(...agvs);
  const xMax = Math.max(...agvs);
  const yMax = Math.max(target, ...pts.map((p) => p.point.clearedPerDay.high ?? p.point.clearedPerDay.mean)) * 1.08;
  const x = (a: number) => M.left + (xMax === xMin ? 0.5 : (a - xMin) / (xMax - xMin)) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - (v / yMax) * (H - M.top - M.bottom);
  const n0 = (v: number) => formatNumber(v, lang, 0);
  const colour = (layout: string) => COLOURS[layouts.indexOf(layout) % COLOURS.length]!;
  const c = summary.cheapest;
  return (
    <figure className="experiment-chart" data-testid="experiment-chart">
      <figcaption>{t('experiment.chart.title')}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('experiment.chart.title')}>
        {ticks(yMax).map((v) => (
          <g key={`y${v}`} className="grid">
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end">
              {n0(v)}
            </text>
          </g>
        ))}
        {[...new Set(agvs)].map((a) => (
          <text key={`x${a}`} className="tick" x={x(a)} y={H - M.bottom + 16} textAnchor="middle">
            {a}
          </text>
        ))}
        <text className="axis" x={(W + M.left) / 2} y={H - 4} textAnchor="middle">
          {t('experiment.chart.x')}
        </text>
        <text className="axis" x={12} y={(H - M.bottom) / 2} textAnchor="middle" transform={`rotate(-90 12 ${(H - M.bottom) / 2})`}>
          {t('experiment.chart.y')}
        </text>
        <line className="target" x1={M.left} x2={W - M.right} y1={y(target)} y2={y(target)} />
        <text className="target-label" x={W - M.right - 4} y={y(target) - 5} textAnchor="end">
          {t('experiment.chart.target', { target: n0(target) })}
        </text>
        {layouts.map((l) => {
          const line = pts.filter((p) => p.layout === l).sort((a, b) => a.agvs - b.agvs);
          return (
            <g key={l} stroke={colour(l)} fill={colour(l)}>
              <polyline fill="none" strokeWidth={1.6} points={line.map((p) => `${x(p.agvs)},${y(p.point.clearedPerDay.mean)}`).join(' ')} />
              {line.map((p) => {
                const e = p.point.clearedPerDay;
                const cx = x(p.agvs);
                const cy = y(e.mean);
                return (
                  <g key={p.agvs}>
                    <title>{`${p.label}: ${p.agvs} AGVs, ${p.cranes} cranes, ${n0(e.mean)}${e.low === undefined ? '' : ` (${n0(e.low)}–${n0(e.high!)})`}`}</title>
                    {e.low !== undefined && <line x1={cx} x2={cx} y1={y(e.low)} y2={y(e.high!)} strokeWidth={1} />}
                    {p.pareto ? (
                      <text className="star" x={cx} y={cy + 5} textAnchor="middle" stroke="none">
                        ★
                      </text>
                    ) : (
                      <circle cx={cx} cy={cy} r={3} fill="#0f172a" strokeWidth={1.5} />
                    )}
                  </g>
                );
              })}
            </g>
          );
        })}
        {c && <circle className="cheapest" cx={x(c.agvs)} cy={y(c.point.clearedPerDay.mean)} r={10} data-testid="experiment-chart-cheapest" />}
      </svg>
      <ul className="experiment-legend">
        {layouts.map((l) => {
          const p = pts.find((q) => q.layout === l)!;
          return (
            <li key={l}>
              <span className="swatch" style={{ background: colour(l) }} />
              {p.label} · {p.cranes} {lang === 'vi' ? 'cẩu' : 'cranes'}
            </li>
          );
        })}
        {c && (
          <li>
            <span className="ring" /> {t('experiment.chart.cheapest')}
          </li>
        )}
      </ul>
      <p className="experiment-note">{t('experiment.chart.pareto')}</p>
    </figure>
  );
}
