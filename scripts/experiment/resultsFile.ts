/**
 * An experiment's results kept as they come: a JSON-lines file whose first line names the experiment (its spec and
 * layout ids) and each further line one finished job. Run again with the same file, the jobs it holds are not run
 * again, so a cancelled or crashed run loses nothing that finished; a file of another experiment is refused.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ExperimentLayout, ExperimentSpec } from '../../src/sim/experiment/experiment';
import type { JobRecord } from '../../src/sim/experiment/runExperiment';

interface Header {
  readonly experiment: { readonly spec: ExperimentSpec; readonly layouts: readonly string[] };
}

const headerOf = (spec: ExperimentSpec, layouts: readonly ExperimentLayout[]): Header => ({ experiment: { spec, layouts: layouts.map((l) => l.id) } });

/** The jobs the file already holds (an absent file: none, and it is started); throws when it is another experiment's. */
export function openResults(file: string, spec: ExperimentSpec, layouts: readonly ExperimentLayout[]): JobRecord[] {
  const header = JSON.stringify(headerOf(spec, layouts));
  if (!existsSync(file)) {
    writeFileSync(file, `${header}\n`);
    return [];
  }
  const lines = readFileSync(file, 'utf8').split('\n');
  if (lines[0] !== header) throw new Error(`${file} holds the results of another experiment (its first line differs); name another file or remove it`);
  const records: JobRecord[] = [];
  lines.slice(1).forEach((line, k) => {
    if (line.trim() === '') return;
    try {
      const r = JSON.parse(line) as JobRecord;
      // A job that failed is run again.
      if (r.result) records.push(r);
    } catch {
      // A line cut short by a crash mid-write: that job runs again.
      console.error(`${file}:${k + 2}: not a whole result (cut short?); that job runs again`);
    }
  });
  return records;
}

export function appendResult(file: string, record: JobRecord): void {
  appendFileSync(file, `${JSON.stringify(record)}\n`);
}
