import type { ZoneId } from './sceneSchema';

/** A zone id as a folder or attribute name: `1088/2-1089` → `1088-2-1089` (scenes/<folder>/<variant>.json). */
export function zoneFolder(zone: ZoneId): string {
  return zone.replace('/', '-');
}
