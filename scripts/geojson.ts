/**
 * `npm run geojson -- export <scene.json> --out <file.geojson>`: the scene as GeoJSON (RFC 7946, WGS 84).
 * `npm run geojson -- import <file.geojson> --scene <scene.json> --out <new-scene.json>`: the scene (zone, truck
 * routes, fleet, process) with the file's facilities and lanes. Exit 0 when written; 1 with a line per problem
 * (`file:line:col path: message`), nothing written; 2 on wrong usage. The mapping: docs/formats.md.
 */
import { sceneToGeoJson } from '../src/domain/geojson';
import { geoJsonToScene } from '../src/domain/geojsonToScene';
import { IMPORT_DEFAULTS } from '../src/store/layout/importDefaults';
import { finishImport, readArgs, readBaseScene, readText, readValidScene, write } from './layoutFileCli';

const USAGE =
  'usage: npm run geojson -- export <scene.json> --out <file.geojson>\n' +
  '       npm run geojson -- import <file.geojson> --scene <scene.json> --out <new-scene.json>';

const { command, file, options } = readArgs(process.argv.slice(2), USAGE, {
  export: { required: ['out'], optional: [] },
  import: { required: ['scene', 'out'], optional: [] },
});
const out = options.get('out')!;

if (command === 'export') {
  const scene = readValidScene(file);
  const g = sceneToGeoJson(scene);
  write(out, `${JSON.stringify(g, null, 2)}\n`);
  console.log(`wrote ${out}: ${g.features.length} features`);
} else {
  const base = readBaseScene(options.get('scene')!);
  finishImport(geoJsonToScene(readText(file), base, { defaults: IMPORT_DEFAULTS }), file, out);
}
