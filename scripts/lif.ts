/**
 * `npm run lif -- export <scene.json> --out <lif.json>`: the scene's AGV lane network as a VDMA LIF 1.0 file.
 * `npm run lif -- import <lif.json> --scene <scene.json> --out <new-scene.json> [--layout ID] [--vehicle-type ID]`:
 * the scene (zone, facilities, fleet) with the LIF file's lane network. Exit 0 when written; 1 with a line per
 * problem (`file:line:col path: message`), nothing written; 2 on wrong usage. The mapping: docs/formats.md.
 */
import { formatProblem } from '../src/domain/problem';
import { lifToScene } from '../src/domain/lif/lifToScene';
import { sceneToLif } from '../src/domain/lif/sceneToLif';
import { lifSchemaProblems } from '../src/domain/lif/validateLif';
import { IMPORT_DEFAULTS } from '../src/store/layout/importDefaults';
import { fail } from './cliOptions';
import { finishImport, readArgs, readBaseScene, readText, readValidScene, write } from './layoutFileCli';

const USAGE =
  'usage: npm run lif -- export <scene.json> --out <lif.json>\n' +
  '       npm run lif -- import <lif.json> --scene <scene.json> --out <new-scene.json> [--layout ID] [--vehicle-type ID]';

const { command, file, options } = readArgs(process.argv.slice(2), USAGE, {
  export: { required: ['out'], optional: [] },
  import: { required: ['scene', 'out'], optional: ['layout', 'vehicle-type'] },
});
const out = options.get('out')!;

if (command === 'export') {
  const scene = readValidScene(file);
  const lif = sceneToLif(scene, { exportTimestamp: new Date().toISOString() });
  const problems = lifSchemaProblems(lif);
  // The export is the twin's own: a file failing the official schema is a bug here, never written.
  if (problems.length > 0) {
    for (const p of problems) console.log(formatProblem(p, out));
    fail(`${out}: the export fails the LIF schema, nothing written`, 1);
  }
  write(out, `${JSON.stringify(lif, null, 2)}\n`);
  const [layout] = lif.layouts;
  console.log(
    `wrote ${out}: ${layout!.nodes.length} nodes, ${layout!.edges.length} edges, ${layout!.stations.length} stations (LIF ${lif.metaInformation.lifVersion})`,
  );
} else {
  const base = readBaseScene(options.get('scene')!);
  const result = lifToScene(readText(file), base, {
    defaults: IMPORT_DEFAULTS,
    layoutId: options.get('layout'),
    vehicleTypeId: options.get('vehicle-type'),
  });
  finishImport(result, file, out);
}
