/**
 * Reads a scene file's text: JSON syntax (with line and column), then shape (the zod schema), then meaning
 * (the checks in `checks/`). Every problem found is reported at once, each located at its line where possible: a
 * list item of the wrong shape (a facility of an unknown kind) is reported, and the rest is still checked.
 *
 * @example
 *   const r = parseScene(text, 'scenes/1119-1120/proposed.json');
 *   if (!r.ok) r.problems.forEach((p) => console.log(formatProblem(p, r.file)));
 */
import { checkScene } from './checks/checkScene';
import { checkWhatParses } from './checkWhatParses';
import { placed, readJsonText } from './jsonText';
import type { Problem } from './problem';
import { Scene } from './sceneSchema';
import { zodProblems } from './zodProblems';

export type SceneParseResult =
  | { readonly ok: true; readonly scene: Scene; readonly problems: readonly Problem[]; readonly file: string }
  | { readonly ok: false; readonly scene?: undefined; readonly problems: readonly Problem[]; readonly file: string };

/** Parses and checks one scene file's text. */
export function parseScene(source: string, file = '<scene>'): SceneParseResult {
  const json = readJsonText(source);
  if (!json.ok) return { ok: false, problems: json.problems, file };
  const { data, text, tree } = json;
  // reportInput: zod 4 leaves the offending value out of its issues otherwise, and a wrong type would read as missing.
  const shape = Scene.safeParse(data, { reportInput: true });
  if (!shape.success) {
    // Items of the wrong shape do not hide what is wrong with the rest (checkWhatParses).
    const problems = [...zodProblems(shape.error), ...checkWhatParses(data, shape.error)];
    return { ok: false, problems: problems.map((p) => placed(text, tree, p)), file };
  }
  const meaning = checkScene(shape.data).map((p) => placed(text, tree, p));
  if (meaning.length > 0) return { ok: false, problems: meaning, file };
  return { ok: true, scene: shape.data, problems: [], file };
}
