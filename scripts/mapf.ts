/**
 * `npm run mapf -- --map <file.map> --scen <file.scen> --agents N [--time-limit-ms T] [--seed S] [--out plan.json]`:
 * solves the first N agents of a MovingAI scenario anytime within T ms (10 s by default): LaCAM's first solution,
 * then large-neighbourhood search on it until T (src/planning/refine). Prints one JSON line with the final and the
 * first solution: `{"solved":true,"agents":N,"soc":…,"sumOfLoss":…,"lowerBound":…,"makespan":…,"ms":…,
 * "firstSoc":…,"firstSumOfLoss":…,"firstMs":…,"iterations":…,"totalMs":…}` (ms: when the final solution was found,
 * firstMs: when the first was; sum of loss is LaCAM3's measure, lowerBound the sum of shortest distances). With
 * `--out`, writes the final `{"paths":[[[x,y],…],…]}` (x = column, y = row, one cell per step, all padded to the
 * makespan). Exits 0 when solved, 1 when no solution was found within T, 2 on wrong usage or an unreadable or
 * malformed file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseMovingAiMap, parseMovingAiScen } from '../src/planning/movingAi';
import { solveAnytime } from '../src/planning/refine/anytimeMapf';

const USAGE = 'usage: npm run mapf -- --map <file.map> --scen <file.scen> --agents N [--time-limit-ms T] [--seed S] [--out plan.json]';

function usage(message: string): never {
  console.error(`mapf: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): Map<string, string> {
  const known = new Set(['--map', '--scen', '--agents', '--time-limit-ms', '--seed', '--out']);
  const args = new Map<string, string>();
  for (let k = 0; k < argv.length; k += 2) {
    const flag = argv[k]!;
    if (!known.has(flag)) usage(`unknown argument "${flag}"`);
    const value = argv[k + 1];
    if (value === undefined || value.startsWith('--')) usage(`${flag} needs a value`);
    if (args.has(flag)) usage(`${flag} given twice`);
    args.set(flag, value);
  }
  for (const flag of ['--map', '--scen', '--agents']) if (!args.has(flag)) usage(`missing ${flag}`);
  return args;
}

function integer(args: Map<string, string>, flag: string, fallback: number, min: number): number {
  const text = args.get(flag);
  if (text === undefined) return fallback;
  const v = Number(text);
  if (!Number.isSafeInteger(v) || v < min) usage(`${flag} must be an integer ≥ ${min}, got "${text}"`);
  return v;
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    return usage(`cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

const args = parseArgs(process.argv.slice(2));
const agents = integer(args, '--agents', 0, 1);
const timeLimitMs = integer(args, '--time-limit-ms', 10_000, 1);
const seed = integer(args, '--seed', 0, 0);
const mapFile = args.get('--map')!;
const scenFile = args.get('--scen')!;
let instance;
try {
  const map = parseMovingAiMap(read(mapFile), mapFile);
  instance = { map, ...parseMovingAiScen(read(scenFile), scenFile, map, agents) };
} catch (e) {
  usage(e instanceof Error ? e.message : String(e));
}
const { map, starts, goals } = instance;
const r = solveAnytime(map.graph, starts, goals, { timeLimitMs, seed });
const ms = (x: number) => Math.round(x * 10) / 10;
const { soc, sumOfLoss, lowerBound, makespan, firstSoc, firstSumOfLoss, iterations } = r;
const summary = r.solved
  ? { soc, sumOfLoss, lowerBound, makespan, ms: ms(r.ms), firstSoc, firstSumOfLoss, firstMs: ms(r.firstMs), iterations, totalMs: ms(r.totalMs) }
  : { lowerBound, totalMs: ms(r.totalMs) };
console.log(JSON.stringify({ solved: r.solved, agents, ...summary }));
const out = args.get('--out');
if (out !== undefined && r.paths !== undefined) {
  const { x, y } = map.graph;
  const paths = r.paths.map((p) => Array.from({ length: makespan + 1 }, (_, t) => p[Math.min(t, p.length - 1)]!).map((v) => [x[v]!, y[v]!]));
  writeFileSync(out, `${JSON.stringify({ paths })}\n`);
}
process.exit(r.solved ? 0 : 1);
