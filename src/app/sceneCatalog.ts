/**
 * The scenes shipped in `scenes/<zone folder>/<variant>.json`, bundled as raw text so they pass through the
 * same checker as any other file. A zone folder is the zone id with "/" written "-" (1088/2-1089 → 1088-2-1089).
 */
import type { ZoneId } from '../domain/sceneSchema';
import { zoneFolder } from '../domain/zoneFolder';

const files = import.meta.glob<string>('/scenes/*/*.json', { query: '?raw', import: 'default' });

export const ZONES: readonly ZoneId[] = ['1119-1120', '1088/2-1089'];
export const DEFAULT_ZONE: ZoneId = '1119-1120';
export const DEFAULT_VARIANT = 'proposed';

export interface CatalogEntry {
  readonly zone: ZoneId;
  readonly variant: string;
  readonly path: string;
  readonly load: () => Promise<string>;
}

export const CATALOG: readonly CatalogEntry[] = Object.entries(files).flatMap(([path, load]) => {
  const m = /^\/scenes\/([^/]+)\/([^/]+)\.json$/.exec(path);
  const zone = ZONES.find((z) => zoneFolder(z) === m?.[1]);
  return m && zone ? [{ zone, variant: m[2]!, path: path.slice(1), load }] : [];
});

export function variantsOf(zone: ZoneId): string[] {
  return CATALOG.filter((e) => e.zone === zone).map((e) => e.variant);
}
