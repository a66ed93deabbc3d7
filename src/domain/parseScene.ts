/**
 * Reads a scene file's text: JSON syntax (with line and column), then shape (the zod schema), then meaning
 * (the checks in `checks/`). Every problem found is reported at once, each located at its line where possible: a
 * list item of the wrong shape (a facility of an unknown kind) is reported, and the rest is still checked.
 *
 * @example
 *   const r = parseScene(text, 'scenes/1119-1120/proposed.json');
 *   if (!r.ok) r.problems.forEach((p) => console.log(formatProblem(p, r.file)));
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { checkScene } from './checks/checkScene';
import { checkWhatParses } from './checkWhatParses';
import { jsonSyntaxMessage } from './jsonSyntaxMessage';
import { coded, parsePath, type Problem } from './problem';
import { Scene } from './sceneSchema';
import { zodProblems } from './zodProblems';

export type SceneParseResult =
  | { readonly ok: true; readonly scene: Scene; readonly problems: readonly Problem[]; readonly file: string }
  | { readonly ok: false; readonly scene?: undefined; readonly problems: readonly Problem[]; readonly file: string };

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function locate(text: string, tree: Node, problem: Problem): Problem {
  const segments = parsePath(problem.path);
  // Walk up the path until a node exists: a missing field is reported at its parent object.
  for (let n = segments.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, segments.slice(0, n));
    if (node) {
      const at = node.parent?.type === 'property' && n === segments.length ? node.parent.offset : node.offset;
      return { ...problem, ...lineColumn(text, at) };
    }
  }
  return problem;
}

/** Parses and checks one scene file's text. */
export function parseScene(source: string, file = '<scene>'): SceneParseResult {
  // A byte-order mark (Windows editors write one) is not JSON; the browser's file reader drops it, so do the same.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || tree === undefined) {
    const problems = errors.map((e) => ({
      ...coded('', jsonSyntaxMessage(e.error), { code: 'json-syntax', params: { error: printParseErrorCode(e.error) } }),
      ...lineColumn(text, e.offset),
    }));
    return { ok: false, problems: problems.length ? problems : [coded('', 'empty file', { code: 'empty-file', params: {} })], file };
  }
  const data: unknown = JSON.parse(text);
  // reportInput: zod 4 leaves the offending value out of its issues otherwise, and a wrong type would read as missing.
  const shape = Scene.safeParse(data, { reportInput: true });
  if (!shape.success) {
    // Items of the wrong shape do not hide what is wrong with the rest (checkWhatParses).
    const problems = [...zodProblems(shape.error), ...checkWhatParses(data, shape.error)];
    return { ok: false, problems: problems.map((p) => locate(text, tree, p)), file };
  }
  const meaning = checkScene(shape.data).map((p) => locate(text, tree, p));
  if (meaning.length > 0) return { ok: false, problems: meaning, file };
  return { ok: true, scene: shape.data, problems: [], file };
}
