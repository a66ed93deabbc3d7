/**
 * What `npm run lif` and `npm run geojson` share: reading the base scene, printing an import's problems and notes
 * one a line (`file:line:col path: message`), and writing files. Exit 0 when written, 1 with a line per problem,
 * 2 on wrong usage (as `npm run study`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { LayoutImport } from '../src/domain/layoutImport';
import { parseScene } from '../src/domain/parseScene';
import { formatProblem } from '../src/domain/problem';
import { Scene } from '../src/domain/sceneSchema';
import { fail } from './cliOptions';

/** `<command> <file> --key value …` → the subcommand, its one file and the options; wrong usage ends with 2. */
export function readArgs(
  argv: readonly string[],
  usage: string,
  known: Readonly<Record<string, { readonly required: readonly string[]; readonly optional: readonly string[] }>>,
): { command: string; file: string; options: ReadonlyMap<string, string> } {
  const [command, ...rest] = argv;
  const spec = command === undefined ? undefined : known[command];
  if (!spec) fail(command === undefined ? usage : `unknown command "${command}"\n${usage}`, 2);
  let file: string | undefined;
  const options = new Map<string, string>();
  for (let k = 0; k < rest.length; k++) {
    const a = rest[k]!;
    if (a.startsWith('--')) {
      const key = a.slice(2);
      const value = rest[++k];
      if (![...spec.required, ...spec.optional].includes(key)) fail(`unknown option ${a} for ${command}\n${usage}`, 2);
      if (value === undefined || value.startsWith('--')) fail(`${a} needs a value\n${usage}`, 2);
      options.set(key, value);
    } else if (file === undefined) file = a;
    else fail(`one file at a time (got ${file} and ${a})\n${usage}`, 2);
  }
  if (file === undefined) fail(`${command}: which file?\n${usage}`, 2);
  for (const key of spec.required) if (!options.has(key)) fail(`--${key} is required for ${command}\n${usage}`, 2);
  return { command: command!, file, options };
}

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    return fail(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, 1);
  }
}

function printProblems(problems: readonly Parameters<typeof formatProblem>[0][], file: string): void {
  for (const p of problems) console.log(formatProblem(p, file));
}

/** A valid scene, or the end of the tool with its problems (exit 1). */
export function readValidScene(file: string): Scene {
  const r = parseScene(readText(file), file);
  if (r.ok) return r.scene;
  printProblems(r.problems, file);
  return fail(`${file}: invalid scene, nothing written`, 1);
}

/**
 * A scene to import into: well-formed, though its checker problems may be what the import replaces (its lanes,
 * its facilities); the imported scene is checked whole.
 */
export function readBaseScene(file: string): Scene {
  const r = parseScene(readText(file), file);
  if (r.ok) return r.scene;
  if (r.problems.some((p) => p.code === 'json-syntax' || p.code === 'empty-file' || p.code === 'schema')) {
    printProblems(r.problems, file);
    return fail(`${file}: unreadable scene, nothing written`, 1);
  }
  return Scene.parse(JSON.parse(readText(file)));
}

export function write(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    fail(`${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`, 1);
  }
}

/**
 * Writes an import's scene, or ends naming every problem: the file's own (refused), else the checker's on the new
 * scene, each placed in the imported file where it comes from a record of it. Notes (defaults filled in, values
 * not kept) are printed either way.
 */
export function finishImport(result: LayoutImport, file: string, out: string): void {
  if (!result.ok) {
    printProblems(result.problems, file);
    fail(`${file}: refused, nothing written`, 1);
  }
  for (const n of result.notes) console.log(`${formatProblem(n, file)} (note)`);
  if (result.check.length > 0) {
    for (const { problem, at } of result.check) {
      const where = at ? `${[file, at.line, at.column].filter((x) => x !== undefined).join(':')} ${at.path} → ` : '(new scene) ';
      console.log(`${where}${problem.path || '(scene)'}: ${problem.message}`);
    }
    fail(`${file}: the imported scene has ${result.check.length} problem(s), nothing written`, 1);
  }
  write(out, `${JSON.stringify(result.scene, null, 2)}\n`);
  console.log(`wrote ${out}: ${result.summary}`);
}
