/**
 * A zone's site (data/sites, bundled) and its base scene (from the scene catalogue), what the layout generator
 * builds on in the browser: *New variant…* and the experiment's generated layouts. Every problem is named.
 */
import { Site } from '../domain/layouts/siteSchema';
import { parseScene } from '../domain/parseScene';
import { formatProblem } from '../domain/problem';
import type { Scene, ZoneId } from '../domain/sceneSchema';
import { zoneFolder } from '../domain/zoneFolder';
import { CATALOG } from './sceneCatalog';

const SITES = import.meta.glob<unknown>('/data/sites/*.json', { eager: true, import: 'default' });

export type ZoneSite = { readonly ok: true; readonly site: Site; readonly base: Scene } | { readonly ok: false; readonly problems: readonly string[] };

export async function loadZoneSite(zone: ZoneId): Promise<ZoneSite> {
  const siteFile = `/data/sites/${zoneFolder(zone)}.json`;
  const site = Site.safeParse(SITES[siteFile]);
  if (!site.success)
    return { ok: false, problems: [`${siteFile.slice(1)}: ${site.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`] };
  const entry = CATALOG.find((e) => e.zone === zone && e.variant === site.data.base);
  if (!entry) return { ok: false, problems: [`no shipped scene "${site.data.base}" of zone ${zone} to build on`] };
  const base = parseScene(await entry.load(), entry.path);
  if (!base.ok) return { ok: false, problems: base.problems.map((p) => formatProblem(p, entry.path)) };
  return { ok: true, site: site.data, base: base.scene };
}
