import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALERT_KINDS } from '../../telemetry/alerts/AlertBook';
import { COLOUR_RULES, SORT_COLUMNS } from '../../store/ops/opsStore';
import { OPERATING_STATES } from '../../telemetry/vehicleRow';
import { DROP_REASONS } from '../../telemetry/vda5050/decode';
import { ID_OWNERS } from '../../domain/checks/checkCode';
import { JSON_SYNTAX_ERRORS } from '../../domain/jsonSyntaxMessage';
import { DEFAULT_FIELDS, NOT_KEPT_REASONS } from '../../domain/formatCode';
import { PROBLEM_CODES } from '../problemText';
import { STUDY_FIGURES } from '../../sim/study/studyCaveats';
import { MARKER_KINDS } from '../../view/ops/trafficMarkers';
import { STRINGS } from './resources';

type Tree = { [key: string]: string | Tree };
const en = STRINGS.en;
const vi = STRINGS.vi;

/** `{ a: { b: 'x' } }` → `[['a.b', 'x']]`; i18next also reads flat keys with dots, so both shapes meet here. */
function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
}

const EN = new Map(flatten(en as Tree));
const VI = new Map(flatten(vi as Tree));
/** Plural forms (`count_one`, `count_other`): English has two, Vietnamese one (i18next's CLDR rules). */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (k: string) => k.replace(PLURAL, '');
const EN_BASE = new Set([...EN.keys()].map(base));
const VI_BASE = new Set([...VI.keys()].map(base));
const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

/** Strings that are the same in both languages on purpose: names, units, codes. */
const SAME_IN_BOTH = /^(AGVs?|MQTT|VDA 5050.*|\d.*|[A-Z0-9/ ×·–-]+|.*\{\{.*\}\}[^a-zA-Z]*|Tiếng Việt|English|OK)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(f) && !f.endsWith('.test.ts') ? [p] : [];
  });
}

describe('UI strings', () => {
  it('has every key in both languages, none empty, with the same interpolations', () => {
    expect([...VI_BASE].filter((k) => !EN_BASE.has(k))).toEqual([]);
    expect([...EN_BASE].filter((k) => !VI_BASE.has(k))).toEqual([]);
    for (const [k, s] of EN) {
      expect(s.trim(), `en ${k}`).not.toBe('');
      const other = VI.get(k) ?? VI.get(base(k) + '_other') ?? VI.get(base(k));
      expect(other?.trim(), `vi ${k}`).toBeTruthy();
      expect(vars(other!), `interpolations of ${k}`).toEqual(vars(s));
    }
  });

  it('is translated: a Vietnamese string equal to the English one is a name, a unit or a code', () => {
    const untranslated = [...EN].filter(([k, s]) => VI.get(k) === s && !SAME_IN_BOTH.test(s)).map(([k]) => k);
    expect(untranslated).toEqual([]);
  });

  it('has a string for every key the code asks for by name', () => {
    const missing: string[] = [];
    for (const file of [...sourceFiles('src/ui'), ...sourceFiles('src/view'), ...sourceFiles('src/app')]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) if (!EN_BASE.has(m[1]!)) missing.push(`${file}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('has a string for every value of the families the code builds keys from', () => {
    const families: Record<string, readonly string[]> = {
      'hud.status': ['connecting', 'live', 'reconnecting', 'buffering', 'playing', 'paused', 'ended', 'error'],
      'live.reason': DROP_REASONS,
      'replay.alert': ['error', 'emergency-stop', 'field-violation', 'connection-lost'],
      'live.cmd': ['pause', 'resume', 'cancel', 'goto'],
      'alerts.kind': ALERT_KINDS,
      'alerts.level': ['critical', 'warning'],
      'engineering.tab': ['layout', 'assumptions', 'study'],
      'engineering.tool': [
        'select',
        'move',
        'rotate',
        'resize',
        'add-node',
        'add-edge',
        'selectTitle',
        'moveTitle',
        'rotateTitle',
        'resizeTitle',
        'add-nodeTitle',
        'add-edgeTitle',
      ],
      'engineering.role': ['waypoint', 'load', 'unload', 'charge', 'park'],
      'engineering.draft': ['clean', 'pending'],
      'study.result.verdict': ['below', 'within', 'above'],
      'study.figure': STUDY_FIGURES,
      'operations.state': OPERATING_STATES,
      'operations.fleet.col': SORT_COLUMNS,
      'operations.layers.ruleName': COLOUR_RULES,
      'operations.traffic.kind': MARKER_KINDS,
      'operations.traffic.detail': ['follow', 'merge', 'crossing', 'head-on', 'standing', 'unknown-node', 'checkpoint-down', 'stood-still'],
      'problems.code': PROBLEM_CODES,
      'problems.json': JSON_SYNTAX_ERRORS,
      'problems.owner': ID_OWNERS,
      'problems.notKept': NOT_KEPT_REASONS,
      'problems.defaultField': DEFAULT_FIELDS,
    };
    const missing = Object.entries(families).flatMap(([prefix, values]) => values.map((v) => `${prefix}.${v}`).filter((k) => !EN.has(k)));
    expect(missing).toEqual([]);
  });
});
