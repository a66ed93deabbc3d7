/**
 * JSON text read with positions, for files brought in from other tools (LIF, GeoJSON): syntax errors with their
 * line and column, and a problem found later by field path placed at its line, the way `parseScene` places a
 * scene file's problems.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { jsonSyntaxMessage } from './jsonSyntaxMessage';
import { coded, parsePath, type Problem } from './problem';

export type JsonTextResult =
  | { readonly ok: true; readonly data: unknown; readonly text: string; readonly tree: Node }
  | { readonly ok: false; readonly problems: readonly Problem[] };

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

/** Parses strict JSON (no comments, no trailing commas); a leading byte-order mark is dropped as the browser does. */
export function readJsonText(source: string): JsonTextResult {
  // A byte-order mark (Windows editors write one) is not JSON; the browser's file reader drops it, so do the same.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || tree === undefined) {
    const problems = errors.map((e) => ({
      ...coded('', jsonSyntaxMessage(e.error), { code: 'json-syntax', params: { error: printParseErrorCode(e.error) } }),
      ...lineColumn(text, e.offset),
    }));
    return { ok: false, problems: problems.length ? problems : [coded('', 'empty file', { code: 'empty-file', params: {} })] };
  }
  return { ok: true, data: JSON.parse(text) as unknown, text, tree };
}

/** The line and column of the field a path names; a missing field is placed at the nearest object that exists. */
export function positionOf(text: string, tree: Node, path: string): { line: number; column: number } | undefined {
  const segments = parsePath(path);
  for (let n = segments.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, segments.slice(0, n));
    if (node) {
      const at = node.parent?.type === 'property' && n === segments.length ? node.parent.offset : node.offset;
      return lineColumn(text, at);
    }
  }
  return undefined;
}

/** The problem with the line and column of its path in the text. */
export function placed(text: string, tree: Node, problem: Problem): Problem {
  return { ...problem, ...positionOf(text, tree, problem.path) };
}
