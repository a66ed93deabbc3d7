/**
 * *New variant…* of the engineering console: a generated layout of the zone (src/domain/layouts) on its site
 * (data/sites, bundled) and its base scene (from the scene catalogue), opened like a scene file when the checker
 * passes it. Every reason it cannot be made is returned, one line each.
 */
import { generateLayout, LayoutError } from '../domain/layouts/generateLayout';
import type { LayoutParams } from '../domain/layouts/layoutParams';
import { parseScene } from '../domain/parseScene';
import { formatProblem } from '../domain/problem';
import type { ZoneId } from '../domain/sceneSchema';
import { zoneFolder } from '../domain/zoneFolder';
import type { TwinStore } from '../store/twinStore';
import { openScene } from './openScene';
import { loadZoneSite } from './zoneSite';

/** Makes the variant and opens it; the problems when it cannot be made (nothing opened then). */
export async function newVariant(store: TwinStore, zone: ZoneId, params: LayoutParams): Promise<readonly string[] | undefined> {
  const site = await loadZoneSite(zone);
  if (!site.ok) return site.problems;
  let text: string;
  try {
    text = JSON.stringify(generateLayout(site.base, site.site, params), null, 2);
  } catch (e) {
    if (e instanceof LayoutError) return [...e.problems];
    throw e;
  }
  const name = `${zoneFolder(zone)}-${params.variant}.json`;
  const checked = parseScene(text, name);
  if (!checked.ok) return checked.problems.map((p) => formatProblem(p, name));
  await openScene(store, { kind: 'text', name, text });
  return undefined;
}
