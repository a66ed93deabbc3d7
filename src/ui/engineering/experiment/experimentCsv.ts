/** An experiment's points as CSV (one row per layout and fleet, figures in English): for a spreadsheet or a report. */
import type { ExperimentLayout } from '../../../sim/experiment/experiment';
import type { ExperimentSummary } from '../../../sim/experiment/experimentSummary';
import { resourceName } from '../../../sim/resourceName';

const cell = (v: string | number | boolean | undefined) => {
  const s = v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const r1 = (x: number | undefined) => (x === undefined ? undefined : Number(x.toFixed(1)));

export function experimentCsv(summary: ExperimentSummary, layouts: readonly ExperimentLayout[]): string {
  const head = [
    'layout',
    'label',
    'cranes',
    'agvs',
    'seeds',
    'cleared_per_day_mean',
    'ci95_low',
    'ci95_high',
    'reaches',
    'cost_usd_m',
    'binds',
    'pareto',
    'cheapest',
  ];
  const rows = summary.points.map((p) => {
    const e = p.point.clearedPerDay;
    const scene = layouts.find((l) => l.id === p.layout)!.scene;
    return [
      p.layout,
      p.label,
      p.cranes,
      p.agvs,
      p.seeds,
      r1(e.mean),
      r1(e.low),
      r1(e.high),
      p.reaches,
      p.cost,
      resourceName(scene, p.point.binding.resource).en,
      p.pareto,
      summary.cheapest === p,
    ];
  });
  return `${[head, ...rows].map((r) => r.map(cell).join(',')).join('\n')}\n`;
}
