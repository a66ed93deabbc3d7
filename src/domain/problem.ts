import type { CheckCode } from './checks/checkCode';
import type { FormatCode } from './formatCode';
import type { ParseCode } from './parseCode';
import type { UrlCode } from './urlCode';

/** A problem's stable code and the values that go with it: a UI says the problem in its own language from these. */
export type ProblemCode = ParseCode | CheckCode | UrlCode | FormatCode;

/**
 * One thing wrong with an input file, named by the path of the offending field. A problem without a code (an
 * engine's failure passed on as it came) is said by its message alone.
 */
export interface Problem {
  /** Field path such as `facilities[3].footprint.size[0]`; empty for the whole file. */
  readonly path: string;
  /** In English, for the command line; a UI says the same in its own language from `code` and `params`. */
  readonly message: string;
  /** 1-based line and column in the source text, when known. */
  readonly line?: number;
  readonly column?: number;
  /** Set together by {@link coded}, which keeps them matched. */
  readonly code?: ProblemCode['code'];
  readonly params?: ProblemCode['params'];
}

/** A problem with its code: `coded('zone', 'unknown zone "x"', { code: 'url-one-of', params: { value: 'x', known } })`. */
export function coded(path: string, message: string, what: ProblemCode): Problem {
  return { path, message, code: what.code, params: what.params };
}

/** The code and params of a problem made by {@link coded}, typed together again; undefined for an uncoded one. */
export function codeOf(p: Problem): ProblemCode | undefined {
  return p.code === undefined ? undefined : ({ code: p.code, params: p.params } as ProblemCode);
}

export type PathSegment = string | number;

/** `['facilities', 3, 'footprint']` → `facilities[3].footprint`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? String(s) : `.${String(s)}`;
  }
  return out;
}

/** Inverse of {@link formatPath}: `facilities[3].footprint` → `['facilities', 3, 'footprint']`. */
export function parsePath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[1] !== undefined) out.push(m[1]);
  }
  return out;
}

/** `file:line:col path: message`, the form the command line and the error panel print. */
export function formatProblem(p: Problem, file?: string): string {
  const where = [file, p.line, p.column].filter((x) => x !== undefined).join(':');
  const head = p.path === '' ? '(file)' : p.path;
  return `${where === '' ? '' : `${where} `}${head}: ${p.message}`;
}
