/**
 * `npm run bench`: every benchmark in one process, each against its baseline in the same run; prints a table
 * and writes bench/results.json. Needs a build (`npm run build`) for the browser part.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { browserBench } from './browserBench';
import { collisionBench } from './collisionBench';
import { editorBench } from './editorBench';
import { experimentBench } from './experimentBench';
import { fleetWriteBench } from './fleetWriteBench';
import { forecastBench } from './forecastBench';
import { gateWaitBench } from './gateWaitBench';
import { liveBench } from './liveBench';
import { printTable, type Row } from './measure';
import { planningBench } from './planningBench';
import { refineBench } from './refineBench';
import { sceneBench } from './sceneBench';
import { simBench } from './simBench';
import { trafficBench } from './trafficBench';

const COUNTS = [100, 1000, 10000];

/** Each group of rows, by the name `--only <name>` picks (for working on one engine; the full run takes all). */
const GROUPS: Record<string, () => Row[] | Promise<Row[]>> = {
  scene: () => sceneBench(),
  fleet: () => fleetWriteBench(COUNTS),
  collision: () => collisionBench([1000, 10000]),
  planner: () => planningBench(),
  // Anytime MAPF: LaCAM + LNS, sum of loss over the lower bound after 1 s and 5 s against LaCAM3's 5 s figure.
  refine: () => refineBench(),
  sim: () => simBench(),
  // Planner waits in the gate: 1119-1120 layouts at 3,500/day, 40/80/120 AGVs, the pre-issue-15 planner against the default.
  waits: () => gateWaitBench(),
  // 240 simulated days on one worker thread and on one per core.
  experiment: () => experimentBench(),
  forecast: () => forecastBench(),
  // Traffic prediction: a round for 200 and 2,000 AGVs, false alarms over a day, foresight in the rogue drill.
  traffic: () => trafficBench(),
  // `--only editor`: ms per layout-editor drag step, the view's full rebuild against the memoised one.
  editor: () => editorBench(),
  browser: () => browserBench(COUNTS),
  // 2,000 AGVs at 10 Hz through Mosquitto into Chromium, straight and through the control-room server's fan-out;
  // BENCH_LIVE_MINUTES (default 10) sets each window.
  live: async () => [...(await liveBench('broker')), ...(await liveBench('server'))],
};

/**
 * `--only <group>` replaces that group's rows in bench/results.json and keeps the rest, noting when (and on what
 * machine) the group was measured apart from the full run.
 */
function mergeResults(only: string, rows: readonly Row[], machine: object): void {
  const file = 'bench/results.json';
  const old = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { rows: Row[]; updated?: Record<string, unknown> }) : { rows: [] };
  const groups = new Set(rows.map((r) => r.group));
  const kept = old.rows.filter((r) => !groups.has(r.group));
  const updated = { ...old.updated, [only]: { date: new Date().toISOString(), machine } };
  writeFileSync(file, `${JSON.stringify({ ...old, updated, rows: [...kept, ...rows] }, null, 2)}\n`);
  console.log(`updated the ${only} rows of ${file}`);
}

async function main() {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  if (only !== undefined && !(only in GROUPS)) throw new Error(`--only ${only}: no such group (${Object.keys(GROUPS).join(', ')})`);
  if ((only === undefined || only === 'browser' || only === 'live') && !existsSync('dist/index.html')) {
    throw new Error('no build in dist/: run `npm run build` first');
  }
  const rows: Row[] = [];
  for (const [name, run] of Object.entries(GROUPS)) if (only === undefined || only === name) rows.push(...(await run()));
  printTable(rows);
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  if (only !== undefined) {
    mergeResults(only, rows, machine);
    return;
  }
  writeFileSync('bench/results.json', `${JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2)}\n`);
  console.log('wrote bench/results.json');
  // A missed goal is a finding to report, not a failed run: it is listed here and flagged in results.json.
  const missed = rows.filter((r) => r.pass === false);
  console.log(missed.length === 0 ? 'every goal met' : `goals missed: ${missed.map((r) => r.case).join('; ')}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
