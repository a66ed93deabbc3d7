/**
 * A zone's site and its base scene read from the repository (data/sites/<zone folder>.json, scenes/<zone
 * folder>/<base>.json), for the layout tools; every problem named with its file.
 */
import { readFileSync } from 'node:fs';
import { format } from 'prettier';
import { Site } from '../src/domain/layouts/siteSchema';
import { parseScene } from '../src/domain/parseScene';
import { formatProblem } from '../src/domain/problem';
import type { Scene, ZoneId } from '../src/domain/sceneSchema';
import { zoneFolder } from '../src/domain/zoneFolder';

export type SiteAndBase = { readonly ok: true; readonly site: Site; readonly base: Scene } | { readonly ok: false; readonly problems: string[] };

function readText(file: string): string | Error {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    return new Error(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

export function loadSiteAndBase(zone: string): SiteAndBase {
  const folder = zoneFolder(zone as ZoneId);
  const siteFile = `data/sites/${folder}.json`;
  const siteText = readText(siteFile);
  if (siteText instanceof Error) return { ok: false, problems: [`${siteText.message}; zones with a site: 1119-1120, 1088/2-1089`] };
  let json: unknown;
  try {
    json = JSON.parse(siteText);
  } catch (e) {
    return { ok: false, problems: [`${siteFile}: not JSON (${(e as Error).message})`] };
  }
  const site = Site.safeParse(json);
  if (!site.success) return { ok: false, problems: site.error.issues.map((i) => `${siteFile}: ${i.path.join('.')}: ${i.message}`) };
  const baseFile = `scenes/${folder}/${site.data.base}.json`;
  const baseText = readText(baseFile);
  if (baseText instanceof Error) return { ok: false, problems: [baseText.message] };
  const base = parseScene(baseText, baseFile);
  if (!base.ok) return { ok: false, problems: base.problems.map((p) => formatProblem(p, baseFile)) };
  return { ok: true, site: site.data, base: base.scene };
}

/** A scene as file text, formatted as the repository's scene files are (so the lint's Prettier check passes). */
export function sceneFileText(scene: Scene, file: string): Promise<string> {
  return format(JSON.stringify(scene), { parser: 'json', filepath: file });
}
