import { sceneToGeoJson } from '../../domain/geojson';
import { parseScene } from '../../domain/parseScene';
import type { Problem } from '../../domain/problem';
import type { Scene } from '../../domain/sceneSchema';

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
