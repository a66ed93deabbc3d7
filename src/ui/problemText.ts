import type { TFunction } from 'i18next';
import { codeOf, type Problem, type ProblemCode } from '../domain/problem';

type Code = ProblemCode['code'];
type ParamsOf<C extends Code> = Extract<ProblemCode, { code: C }>['params'];
/**
 * The values `problems.code.<code>` interpolates, from the problem's params: kinds, roles and sides translated,
 * lists of ids joined; numbers and lists of words are formatted by the strings (`{{depth, number}}`,
 * `{{kinds, list(type: disjunction)}}`), so they follow the UI's language.
 */
type Args<C extends Code> = (params: ParamsOf<C>, t: TFunction) => Record<string, unknown>;

const same =
  <C extends Code>(): Args<C> =>
  (p) => ({ ...p });
/** Ids, field paths and URL values are the same in every language: listed as they are. */
const ids = (xs: readonly string[]) => xs.join(', ');
const kind = (k: string, t: TFunction) => t(`kind.${k}`);
const role = (r: string, t: TFunction) => t(`engineering.role.${r}`);

const ARGS: { readonly [C in Code]: Args<C> } = {
  'json-syntax': (p, t) => ({ what: t(`problems.json.${p.error}`) }),
  'empty-file': same(),
  schema: same(),
  'load-failed': same(),
  'duplicate-id': (p, t) => ({ ...p, owner: t(`problems.owner.${p.owner}`) }),
  'duplicate-map-id': same(),
  'unknown-node': same(),
  'unknown-facility': same(),
  'edge-loop': same(),
  'edge-repeated': same(),
  'crane-serves-non-storage': (p, t) => ({ ...p, kind: kind(p.kind, t) }),
  'road-too-narrow': same(),
  'facility-overlap': (p, t) => ({ ...p, kind: kind(p.kind, t) }),
  'lane-crosses-facility': (p, t) => ({ ...p, kind: kind(p.kind, t) }),
  'border-crossing-unflagged': same(),
  'border-crossing-flagged': same(),
  'lane-too-narrow': same(),
  'node-outside-served': same(),
  'role-needs-serves': (p, t) => ({ role: role(p.role, t), kinds: p.kinds.map((k) => kind(k, t)) }),
  'role-serves-wrong-kind': (p, t) => ({ role: role(p.role, t), kinds: p.kinds.map((k) => kind(k, t)), id: p.id, kind: kind(p.kind, t) }),
  'charging-node-role': (p, t) => ({ role: role(p.role, t), charge: role('charge', t), park: role('park', t) }),
  'facility-unserved': same(),
  'facility-unreachable': (p, t) => ({ id: p.id, sides: p.sides.map((s) => t(`side.${s}`)) }),
  'lane-stranded': (p, t) => ({ from: p.from, to: p.to, why: t(`problems.stranded.${p.way}`, { to: p.to }) }),
  'node-unjoined': same(),
  'wrong-side': (p, t) => ({ declared: t(`side.${p.declared}`), actual: t(`side.${p.actual}`) }),
  'off-truck-route': (p, t) => ({ ...p, kind: kind(p.kind, t) }),
  'risk-shares-sum': same(),
  'no-arrivals': same(),
  'arrivals-while-closed': same(),
  'opens-when-closes': same(),
  'min-above-max': same(),
  'view-target-at-camera': same(),
  'tour-unknown-view': (p) => ({ view: p.view, views: ids(p.views) }),
  'url-unknown-parameter': (p) => ({ known: ids(p.known) }),
  'url-credentials': same(),
  'url-one-of': (p) => ({ value: p.value, known: ids(p.known) }),
  'url-unknown-scene': (p) => ({ ...p, known: ids(p.known) }),
  'url-whole-number': same(),
  'url-number-range': same(),
  'url-whole-number-range': same(),
  'url-time-of-day': same(),
  'url-broker': same(),
  'url-broker-missing': same(),
  'url-recording-address': same(),
  'import-schema': same(),
  'lif-version': same(),
  'lif-choose-layout': (p) => ({ ids: ids(p.ids) }),
  'lif-choose-vehicle-type': (p) => ({ ids: ids(p.ids) }),
  'lif-vehicle-type-repeated': same(),
  'lif-node-in-two-stations': same(),
  'lif-role-actions': (p) => ({ actions: ids(p.actions) }),
  'import-duplicate-id': same(),
  'import-bad-id': same(),
  'import-not-kept': (p, t) => ({ count: p.count, what: t(`problems.notKept.${p.why}`) }),
  'import-default': (p, t) => ({ ...p, field: t(`problems.defaultField.${p.field}`) }),
  'import-left-out': same(),
  'geojson-not-collection': same(),
  'geojson-crs': same(),
  'geojson-layer': (p) => ({ layer: p.layer, known: ids(p.known) }),
  'geojson-geometry': same(),
  'geojson-not-rectangle': same(),
  'geojson-far': same(),
  'geojson-line-off-node': same(),
};

/** Every problem code: the locale test checks each has its sentence in both languages. */
export const PROBLEM_CODES = Object.keys(ARGS) as readonly Code[];

/** What is wrong, in the UI's language; a problem without a code says its (English) message. */
export function problemSentence(problem: Problem, t: TFunction): string {
  const c = codeOf(problem);
  if (!c) return problem.message;
  const args = (ARGS[c.code] as Args<typeof c.code>)(c.params as never, t);
  return t(`problems.code.${c.code}`, args);
}

/** Where a problem is, as the command line says it: `4:3 facilities[2].side`, `(file)` for the whole file. */
export function problemPlace(problem: Problem, t: TFunction): string {
  const where = [problem.line, problem.column].filter((x) => x !== undefined).join(':');
  const head = problem.path === '' ? t('problems.wholeFile') : problem.path;
  return `${where === '' ? '' : `${where} `}${head}`;
}

/**
 * A problem as one line in the UI's language, placed as the command line places it (`4:3 facilities[2].side: …`);
 * the engineering console's problem list and the error panel both show problems this way.
 */
export function problemText(problem: Problem, t: TFunction): string {
  return `${problemPlace(problem, t)}: ${problemSentence(problem, t)}`;
}
