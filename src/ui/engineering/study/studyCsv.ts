/**
 * A study's results as CSV for a spreadsheet: one row per run (layout, point, seed and its KPIs, utilisation of
 * every resource), then per point three summary rows whose seed column reads `mean`, `ci95-low`, `ci95-high`.
 */
import type { SimKpis } from '../../../sim/simKpis';
import type { Estimate } from '../../../sim/study/studyStats';
import type { PointResult } from '../../../sim/study/summarisePoint';
import type { LayoutResult } from '../../../store/layout/StudyRunner';

const FIXED = [
  'layout',
  'scene',
  'vehiclesPerDay',
  'agvs',
  'hours',
  'seed',
  'arrived',
  'cleared',
  'clearedPerDay',
  'timeInSystemP50S',
  'timeInSystemP95S',
  'bottleneck',
];

const cell = (v: string | number | undefined) => {
  if (v === undefined) return '';
  const s = typeof v === 'number' ? String(Number(v.toFixed(4))) : v;
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Every point a result holds, the base point first, each once. */
export function resultPoints(r: LayoutResult['result']): PointResult[] {
  const out = [r.base];
  for (const p of r.sweep?.points ?? []) if (!out.includes(p)) out.push(p);
  return out;
}

export function studyCsv(results: readonly LayoutResult[]): string {
  const resources: string[] = [];
  for (const { result } of results)
    for (const p of resultPoints(result)) for (const id of Object.keys(p.utilisation)) if (!resources.includes(id)) resources.push(id);
  const lines = [[...FIXED, ...resources.map((id) => `utilisation:${id}`)].map(cell).join(',')];
  const runRow = (layout: string, k: SimKpis) => [
    layout,
    k.scene,
    k.vehiclesPerDay,
    k.agvs,
    k.hours,
    k.seed,
    k.arrived,
    k.cleared,
    k.clearedPerDay,
    k.timeInSystemP50S,
    k.timeInSystemP95S,
    k.bottleneck,
    ...resources.map((id) => k.utilisation[id] ?? 0),
  ];
  const summaryRow = (layout: string, sceneId: string, hours: number, p: PointResult, label: string, pick: (e: Estimate) => number | undefined) => [
    layout,
    sceneId,
    p.vehiclesPerDay,
    p.agvs,
    hours,
    label,
    undefined,
    undefined,
    pick(p.clearedPerDay),
    pick(p.timeInSystemP50S),
    pick(p.timeInSystemP95S),
    label === 'mean' ? p.binding.resource : undefined,
    ...resources.map((id) => (p.utilisation[id] ? pick(p.utilisation[id]) : undefined)),
  ];
  for (const { layout, result } of results) {
    const points = resultPoints(result);
    for (const p of points) for (const k of p.runs) lines.push(runRow(layout, k).map(cell).join(','));
    for (const p of points) {
      lines.push(
        summaryRow(layout, result.sceneId, result.spec.hours, p, 'mean', (e) => e.mean)
          .map(cell)
          .join(','),
      );
      lines.push(
        summaryRow(layout, result.sceneId, result.spec.hours, p, 'ci95-low', (e) => e.low)
          .map(cell)
          .join(','),
      );
      lines.push(
        summaryRow(layout, result.sceneId, result.spec.hours, p, 'ci95-high', (e) => e.high)
          .map(cell)
          .join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
