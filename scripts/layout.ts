/**
 * `npm run layout -- --zone <id> [parameters] --out <scene.json>`: writes a generated layout of a zone (see
 * src/domain/layouts/generateLayout.ts) after the scene checker has passed it. Parameters: --variant NAME,
 * --yards 1, --cranes-per-yard N or VNI,VNE,CNI,CNE (Vietnamese import, Vietnamese export, Chinese import,
 * Chinese export yard), --slots N or four, --corridor one-way|two-way|loop, --handover-bays N, --scanner-lanes N,
 * --agvs N, --park-bays N, --charge-bays N; --svg PREFIX also draws each side's AGV area from above into
 * PREFIX-vn.svg and PREFIX-cn.svg. Exit 0 with a summary; 1 with a line per problem when the layout
 * cannot be made or fails the checker (nothing written); 2 on wrong usage.
 */
import { writeFileSync } from 'node:fs';
import { layoutSvg } from '../src/domain/layoutSvg';
import { generateLayout, LayoutError } from '../src/domain/layouts/generateLayout';
import { CORRIDORS, defaultLayoutParams, type Corridor, type LayoutParams, type PerYard } from '../src/domain/layouts/layoutParams';
import { parseScene } from '../src/domain/parseScene';
import { formatProblem } from '../src/domain/problem';
import { fail } from './cliOptions';
import { loadSiteAndBase, sceneFileText } from './layoutSite';

const USAGE =
  'usage: npm run layout -- --zone 1119-1120|1088/2-1089 --out <scene.json> [--variant NAME] [--yards 1] [--cranes-per-yard N|VNI,VNE,CNI,CNE]\n' +
  `       [--slots N|VNI,VNE,CNI,CNE] [--corridor ${CORRIDORS.join('|')}] [--handover-bays N] [--scanner-lanes N] [--agvs N] [--park-bays N] [--charge-bays N] [--svg PREFIX]`;
const KNOWN = [
  'zone',
  'out',
  'variant',
  'yards',
  'cranes-per-yard',
  'slots',
  'corridor',
  'handover-bays',
  'scanner-lanes',
  'agvs',
  'park-bays',
  'charge-bays',
  'svg',
];

const args = new Map<string, string>();
const argv = process.argv.slice(2);
for (let k = 0; k < argv.length; k += 2) {
  const key = argv[k]!;
  const value = argv[k + 1];
  if (!key.startsWith('--') || !KNOWN.includes(key.slice(2))) fail(`unknown option ${key}\n${USAGE}`, 2);
  if (value === undefined) fail(`${key} needs a value\n${USAGE}`, 2);
  args.set(key.slice(2), value);
}
const zone = args.get('zone');
const out = args.get('out');
if (zone === undefined || out === undefined) fail(`--zone and --out are required\n${USAGE}`, 2);

function number(key: string, fallback: number): number {
  const raw = args.get(key);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) fail(`--${key} needs a number (got ${raw})\n${USAGE}`, 2);
  return n;
}

function perYard(key: string, fallback: PerYard): PerYard {
  const raw = args.get(key);
  if (raw === undefined) return fallback;
  const parts = raw.split(',').map((x) => (x.trim() === '' ? Number.NaN : Number(x)));
  if (!(parts.length === 1 || parts.length === 4) || !parts.every(Number.isFinite))
    fail(`--${key} needs one number or four separated by commas: VN import, VN export, CN import, CN export (got ${raw})\n${USAGE}`, 2);
  const [a, b = a, c = a, d = a] = parts as [number, number?, number?, number?];
  return { vnImport: a, vnExport: b, cnImport: c, cnExport: d };
}

const agvs = number('agvs', 40);
const defaults = defaultLayoutParams(agvs);
const params: LayoutParams = {
  variant: args.get('variant') ?? defaults.variant,
  yards: number('yards', defaults.yards),
  cranesPerYard: perYard('cranes-per-yard', defaults.cranesPerYard),
  slots: perYard('slots', defaults.slots),
  handoverBays: number('handover-bays', defaults.handoverBays),
  corridor: (args.get('corridor') ?? defaults.corridor) as Corridor,
  scannerLanes: number('scanner-lanes', defaults.scannerLanes),
  agvs,
  parkBays: number('park-bays', defaults.parkBays),
  chargeBays: number('charge-bays', defaults.chargeBays),
};

const loaded = loadSiteAndBase(zone);
if (!loaded.ok) fail(loaded.problems.join('\n'), 1);

let text: string;
try {
  text = await sceneFileText(generateLayout(loaded.base, loaded.site, params), out);
} catch (e) {
  if (e instanceof LayoutError) fail(e.problems.map((p) => `layout: ${p}`).join('\n'), 1);
  throw e;
}
const checked = parseScene(text, out);
if (!checked.ok)
  fail(`${checked.problems.map((p) => formatProblem(p, out)).join('\n')}\n${out}: the generated layout fails the checker; nothing written`, 1);
writeFileSync(out, text);
const s = checked.scene;
console.log(
  `${out}: ${s.id}: ${s.facilities.length} facilities, ${s.lanes.nodes.length} lane nodes, ${s.lanes.edges.length} lane edges, ${s.fleet.agv.count.value} AGVs; ${s.description?.en ?? ''}`,
);
const svg = args.get('svg');
if (svg !== undefined) {
  for (const side of ['VN', 'CN'] as const) {
    const file = `${svg}-${side.toLowerCase()}.svg`;
    writeFileSync(file, layoutSvg(s, { widthPx: 1000, focus: side, caption: `${s.id}: ${side === 'VN' ? 'Vietnamese' : 'Chinese'} side` }));
    console.log(`${file}: the ${side} side's AGV area from above`);
  }
}
