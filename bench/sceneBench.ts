/** Scene parse + check time per shipped file, against JSON.parse alone (the floor) in the same run. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScene } from '../src/domain/parseScene';
import { timeMedian, type Row } from './measure';

export function sceneBench(): Row[] {
  const files = readdirSync('scenes', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join('scenes', d.name))
        .filter((f) => f.endsWith('.json'))
        .map((f) => join('scenes', d.name, f)),
    )
    .sort();
  return files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const result = parseScene(text, file);
    if (!result.ok) throw new Error(`${file} does not pass the checker; run npm run validate`);
    const full = timeMedian(() => parseScene(text, file), 30);
    const floor = timeMedian(() => JSON.parse(text), 30);
    return {
      group: 'scene parse + check',
      case: `${file} (${(text.length / 1024).toFixed(0)} KiB, ${result.scene.facilities.length} facilities)`,
      value: full,
      unit: 'ms',
      note: `JSON.parse alone ${floor.toFixed(3)} ms`,
    };
  });
}
