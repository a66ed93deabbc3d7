import { sceneToGeoJson } from '../../domain/geojson';
import { geoJsonToScene } from '../../domain/geojsonToScene';
import type { LayoutImport } from '../../domain/layoutImport';
import { lifToScene } from '../../domain/lif/lifToScene';
import { sceneToLif } from '../../domain/lif/sceneToLif';
import { parseScene } from '../../domain/parseScene';
import type { Problem } from '../../domain/problem';
import type { Scene } from '../../domain/sceneSchema';
import { IMPORT_DEFAULTS } from '../../store/layout/importDefaults';
import type { LayoutEditor } from '../../store/layout/LayoutEditor';

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/** The scene's file text, two-space indented like the shipped scenes, with a trailing newline. */
export function sceneFileText(scene: Scene): string {
  return `${JSON.stringify(scene, null, 2)}\n`;
}

/**
 * Downloads the edited layout as `<id>.json`. The text is read back with `parseScene` first: a file the twin
 * would refuse to open is not written, and the reason is returned instead.
 */
export function saveSceneFile(scene: Scene): readonly Problem[] | undefined {
  const text = sceneFileText(scene);
  const back = parseScene(text, `${scene.id}.json`);
  if (!back.ok) return back.problems;
  download(`${scene.id}.json`, text, 'application/json');
  return undefined;
}

/** Downloads the layout as GeoJSON (RFC 7946, WGS 84) for GIS tools: `<id>.geojson`. */
export function exportGeoJson(scene: Scene): void {
  download(`${scene.id}.geojson`, `${JSON.stringify(sceneToGeoJson(scene), null, 2)}\n`, 'application/geo+json');
}

/** Downloads the AGV lane network as a VDMA LIF 1.0 file for a master control system: `<id>.lif.json`. */
export function exportLif(scene: Scene): void {
  const lif = sceneToLif(scene, { exportTimestamp: new Date().toISOString() });
  download(`${scene.id}.lif.json`, `${JSON.stringify(lif, null, 2)}\n`, 'application/json');
}

export type LayoutFormat = 'lif' | 'geojson';

/** What an import did: refused with the file's problems (nothing changed), or applied with its counts and notes. */
export type ImportOutcome =
  | { readonly ok: false; readonly file: string; readonly format: LayoutFormat; readonly problems: readonly Problem[] }
  | { readonly ok: true; readonly file: string; readonly format: LayoutFormat; readonly result: Extract<LayoutImport, { ok: true }> };

/**
 * Reads a LIF or GeoJSON file's text into the editor's layout: a LIF file replaces the lanes, a GeoJSON file the
 * facilities and lanes it has, as one undo step. A refused file changes nothing; the new layout's checker
 * problems show in the editor's problem list like any edit's.
 */
export function importLayoutText(editor: LayoutEditor, format: LayoutFormat, file: string, text: string): ImportOutcome {
  const result =
    format === 'lif' ? lifToScene(text, editor.scene, { defaults: IMPORT_DEFAULTS }) : geoJsonToScene(text, editor.scene, { defaults: IMPORT_DEFAULTS });
  if (!result.ok) return { ok: false, file, format, problems: result.problems };
  const applied = editor.replaceLayout(
    format === 'lif' ? { lanes: result.scene.lanes } : { facilities: result.scene.facilities, lanes: result.scene.lanes },
  );
  if (!applied.ok) return { ok: false, file, format, problems: [{ path: '', message: applied.message }] };
  return { ok: true, file, format, result };
}
