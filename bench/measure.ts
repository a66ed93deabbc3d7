/** Small timing helpers shared by the benchmarks: run `fn` repeatedly and keep the median. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median wall time of `fn` in ms over `runs` runs, after `warmup` unmeasured runs. */
export function timeMedian(fn: () => void, runs: number, warmup = Math.ceil(runs / 5)): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

export interface Row {
  readonly group: string;
  readonly case: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline?: number;
  readonly goal?: string;
  readonly pass?: boolean;
  readonly note?: string;
}

export function printTable(rows: readonly Row[]): void {
  const cells = rows.map((r) => [
    r.group,
    r.case,
    `${r.value.toFixed(r.value < 10 ? 3 : 1)} ${r.unit}`,
    r.baseline === undefined ? '' : `${r.baseline.toFixed(r.baseline < 10 ? 3 : 1)} ${r.unit}`,
    r.baseline === undefined || r.value === 0 ? '' : `${(r.baseline / r.value).toFixed(1)}×`,
    r.goal ?? '',
    r.pass === undefined ? '' : r.pass ? 'yes' : 'NO',
  ]);
  const head = ['group', 'case', 'value', 'baseline', 'speed-up', 'goal', 'met'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}
