/**
 * `npm run models`: regenerates the low-poly GLB models in public/models/.
 * See generate.ts (writer), catalog.ts (the list) and the per-group model files.
 */
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModels } from './generate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'public', 'models');

const reports = await buildModels(outDir);
for (const r of reports) {
  console.log(
    `${r.file.padEnd(20)} ${String(r.triangles).padStart(5)} triangles ${String(r.vertices).padStart(6)} vertices ${String(r.bytes).padStart(7)} bytes  (${r.designSize.join(' x ')} m)`,
  );
}
console.log(`wrote ${reports.length} models to ${relative(process.cwd(), outDir) || '.'}`);
