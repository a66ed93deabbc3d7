/** One thing wrong with an input file, named by the path of the offending field. */
export interface Problem {
  /** Field path such as `facilities[3].footprint.size[0]`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
  /** 1-based line and column in the source text, when known. */
  readonly line?: number;
  readonly column?: number;
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
