/**
 * `npm run study -- <scene.json> [--vehicles-per-day N] [--agvs N] [--hours H] [--seed S]`: runs the simulation
 * headless and prints a one-line summary, then the KPIs as one JSON object on the last line. The same arguments
 * give the same JSON, except `wallMs`, the wall time of the run. Exit 1 on an invalid scene, 2 on wrong usage.
 */
import { readFileSync } from 'node:fs';
import { parseScene } from '../src/domain/parseScene';
import { formatProblem } from '../src/domain/problem';
import { Simulation } from '../src/sim/Simulation';

const USAGE = 'usage: npm run study -- <scene.json> [--vehicles-per-day N] [--agvs N] [--hours H] [--seed S]';
const FLAGS = { '--vehicles-per-day': 'vehiclesPerDay', '--agvs': 'agvs', '--hours': 'hours', '--seed': 'seed' } as const;

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

const args = process.argv.slice(2);
const options: Record<string, number> = {};
let file: string | undefined;
for (let k = 0; k < args.length; k++) {
  const a = args[k]!;
  if (a in FLAGS) {
    const raw = args[++k];
    const value = Number(raw);
    if (raw === undefined || raw.trim() === '' || !Number.isFinite(value)) fail(`${a} needs a number (got ${raw ?? 'nothing'})\n${USAGE}`, 2);
    options[FLAGS[a as keyof typeof FLAGS]] = value;
  } else if (a.startsWith('--')) fail(`unknown option ${a}\n${USAGE}`, 2);
  else if (file === undefined) file = a;
  else fail(`one scene file at a time (got ${file} and ${a})\n${USAGE}`, 2);
}
if (file === undefined) fail(USAGE, 2);

let text = '';
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  fail(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, 2);
}
const parsed = parseScene(text, file);
if (!parsed.ok) {
  for (const p of parsed.problems) console.error(formatProblem(p, file));
  fail(`${file}: invalid scene, no study run`, 1);
}

let sim: Simulation;
try {
  sim = new Simulation(parsed.scene, options);
} catch (e) {
  fail(`${file}: ${e instanceof Error ? e.message : String(e)}`, 1);
}
const t0 = performance.now();
const k = sim.run();
const wallMs = Math.round(performance.now() - t0);
console.log(
  `${k.scene}: ${k.cleared} of ${k.arrived} trucks cleared in ${k.hours} h (${k.vehiclesPerDay}/day asked, ${k.agvs} AGVs); ` +
    `time in system p50 ${Math.round(k.timeInSystemP50S / 60)} min, p95 ${Math.round(k.timeInSystemP95S / 60)} min; binds: ${k.bottleneck}`,
);
console.log(JSON.stringify({ ...k, wallMs }));
