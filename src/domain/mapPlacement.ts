/**
 * AGV map frames into the zone frame: a vehicle reports (x, y, θ) in the map named by its `mapId`; the scene's
 * `telemetry.maps` says where that map's origin lies in the zone and how it is turned (zone = origin + R·map).
 */
import type { MapPlacement } from './sceneSchema';

/**
 * Writes the zone-frame east, north and heading of a map pose into out[0..2]; false (out untouched) when the
 * scene does not place `mapId`.
 *
 * @example
 *   const out = new Float64Array(3);
 *   mapToZone([{ mapId: 'yard', origin: [100, 0], rotation: Math.PI / 2 }], 'yard', 10, 0, 0, out); // out = [100, 10, π/2]
 */
export function mapToZone(maps: readonly MapPlacement[], mapId: string, x: number, y: number, theta: number, out: Float64Array): boolean {
  for (const m of maps) {
    if (m.mapId !== mapId) continue;
    const c = Math.cos(m.rotation);
    const s = Math.sin(m.rotation);
    out[0] = m.origin[0] + c * x - s * y;
    out[1] = m.origin[1] + s * x + c * y;
    out[2] = theta + m.rotation;
    return true;
  }
  return false;
}

/**
 * The maps a scene places: its `telemetry.maps`, or, for a scene that says nothing, one map named after the scene
 * lying on the zone frame — what the twin's own simulated fleet publishes in, so its recordings replay on the
 * scene they were made on.
 */
export function sceneMaps(scene: { readonly id: string; readonly telemetry?: { readonly maps: readonly MapPlacement[] } }): readonly MapPlacement[] {
  const maps = scene.telemetry?.maps ?? [];
  return maps.length > 0 ? maps : [{ mapId: scene.id, origin: [0, 0], rotation: 0 }];
}
