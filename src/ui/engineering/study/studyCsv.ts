/**
 * A study's results as CSV for a spreadsheet: one row per run (layout, point, seed and its KPIs, the longest queue
 * spilling back onto a road beyond a holding area and the most hours a holding area was full, utilisation of
 * every resource), then per point three summary rows whose seed column reads `mean`, `ci95-low`, `ci95-high`.
 * The bounds stay within what each quantity allows (counts and times from 0, shares up to 1); the last column,
 * `note`, says on a summary row where a bound was cut (and what t gave) or the runs were identical, and on the
 * first mean row of a layout the study's caveats (a window scaled to a day, too few replications), in English.
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
  'spillBackMaxM',
  'holdingFullHours',
];
const NOTE = 'note';

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

/** A point's estimates by their column name. */
function figures(p: PointResult): [string, Estimate][] {
  return [
    ...(p.clearedInWindow ? [['cleared', p.clearedInWindow] as [string, Estimate]] : []),
    ['clearedPerDay', p.clearedPerDay],
    ['timeInSystemP50S', p.timeInSystemP50S],
    ['timeInSystemP95S', p.timeInSystemP95S],
    ...Object.entries(p.utilisation).map(([id, e]): [string, Estimate] => [`utilisation:${id}`, e]),
  ];
}

/** Where a point's `bound` was cut to its quantity's range: `timeInSystemP95S (t gave -5106.4)`. */
function cutNote(p: PointResult, bound: 'low' | 'high'): string | undefined {
  const cut = figures(p).flatMap(([name, e]) => (e.cut?.[bound] === undefined ? [] : [`${name} (t gave ${Number(e.cut[bound].toFixed(4))})`]));
  return cut.length === 0 ? undefined : `cut to the quantity's range: ${cut.join(', ')}`;
}

export function studyCsv(results: readonly Pick<LayoutResult, 'layout' | 'result'>[]): string {
  const resources: string[] = [];
  for (const { result } of results)
    for (const p of resultPoints(result)) for (const id of Object.keys(p.utilisation)) if (!resources.includes(id)) resources.push(id);
  const lines = [[...FIXED, ...resources.map((id) => `utilisation:${id}`), NOTE].map(cell).join(',')];
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
    // Absent from runs kept before trucks had length.
    k.spillBackMaxM as number | undefined,
    k.holdingFullHours as number | undefined,
    ...resources.map((id) => k.utilisation[id] ?? 0),
    undefined,
  ];
  const summaryRow = (
    layout: string,
    sceneId: string,
    hours: number,
    p: PointResult,
    label: string,
    pick: (e: Estimate) => number | undefined,
    note: string | undefined,
  ) => [
    layout,
    sceneId,
    p.vehiclesPerDay,
    p.agvs,
    hours,
    label,
    undefined,
    p.clearedInWindow ? pick(p.clearedInWindow) : undefined,
    pick(p.clearedPerDay),
    pick(p.timeInSystemP50S),
    pick(p.timeInSystemP95S),
    label === 'mean' ? p.binding.resource : undefined,
    p.spillBackMaxM ? pick(p.spillBackMaxM) : undefined,
    p.holdingFullHours ? pick(p.holdingFullHours) : undefined,
    ...resources.map((id) => (p.utilisation[id] ? pick(p.utilisation[id]) : undefined)),
    note,
  ];
  for (const { layout, result } of results) {
    const points = resultPoints(result);
    for (const p of points) for (const k of p.runs) lines.push(runRow(layout, k).map(cell).join(','));
    const studyNote = (result.caveats ?? [])
      .filter((c) => c.code === 'partial-day' || c.code === 'few-replications')
      .map((c) => c.message)
      .join('; ');
    points.forEach((p, k) => {
      const row = (label: string, pick: (e: Estimate) => number | undefined, note: string | undefined) =>
        lines.push(
          summaryRow(layout, result.sceneId, result.spec.hours, p, label, pick, note || undefined)
            .map(cell)
            .join(','),
        );
      const identical = figures(p)
        .filter(([, e]) => e.identical)
        .map(([name]) => name);
      const mean = [k === 0 ? studyNote : '', identical.length > 0 ? `all replications identical: ${identical.join(', ')}` : ''].filter((x) => x !== '');
      row('mean', (e) => e.mean, mean.join('; '));
      row('ci95-low', (e) => e.low, cutNote(p, 'low'));
      row('ci95-high', (e) => e.high, cutNote(p, 'high'));
    });
  }
  return `${lines.join('\n')}\n`;
}
