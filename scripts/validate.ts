/**
 * `npm run validate -- <scene.json>...`: checks scene files; exits 0 when all are valid, 1 with one
 * `file:line:column path: message` line per problem otherwise, 2 on wrong usage.
 */
import { readFileSync } from 'node:fs';
import { parseScene } from '../src/domain/parseScene';
import { formatProblem } from '../src/domain/problem';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run validate -- <scene.json> [more.json ...]');
  process.exit(2);
}
let bad = 0;
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    console.log(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    bad++;
    continue;
  }
  const result = parseScene(text, file);
  if (result.ok) {
    console.log(`${file}: ok (${result.scene.facilities.length} facilities, ${result.scene.lanes.edges.length} lane edges)`);
  } else {
    bad++;
    for (const p of result.problems) console.log(formatProblem(p, file));
  }
}
if (bad > 0) console.log(`${bad} of ${files.length} file(s) invalid`);
process.exit(bad > 0 ? 1 : 0);
