import { convexPenetration, footprintCorners } from '../geometry';
import { coded, type Problem } from '../problem';
import type { FacilityKind, Scene } from '../sceneSchema';

/**
 * Overlaps that a real layout has on purpose: a crane straddles the yard it works, scanners and barriers stand
 * on the road, roads meet each other and the holding area, a camera pole stands anywhere.
 */
const ALLOWED: ReadonlyArray<readonly [FacilityKind, FacilityKind]> = [
  ['crane', 'import-storage'],
  ['crane', 'export-storage'],
  ['scanner-bay', 'road'],
  ['barrier', 'road'],
  ['road', 'road'],
  ['road', 'truck-holding'],
];

export function mayOverlap(a: FacilityKind, b: FacilityKind): boolean {
  if (a === 'camera' || b === 'camera') return true;
  return ALLOWED.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** Depth below which two footprints merely touch (metres): survey-grade layouts are drawn to the decimetre. */
export const TOUCH_TOLERANCE_M = 0.1;

/** Facilities whose footprints overlap where no real layout would allow it. */
export function checkOverlaps(scene: Scene): Problem[] {
  const out: Problem[] = [];
  const corners = scene.facilities.map((f) => footprintCorners(f.footprint));
  for (let i = 0; i < scene.facilities.length; i++) {
    for (let j = i + 1; j < scene.facilities.length; j++) {
      const a = scene.facilities[i]!;
      const b = scene.facilities[j]!;
      if (mayOverlap(a.kind, b.kind)) continue;
      const depth = convexPenetration(corners[i]!, corners[j]!);
      if (depth > TOUCH_TOLERANCE_M) {
        const other = `facilities[${i}]`;
        const metres = Number(depth.toFixed(1));
        out.push(
          coded(`facilities[${j}].footprint`, `overlaps ${other} ("${a.id}", ${a.kind}) by ${depth.toFixed(1)} m`, {
            code: 'facility-overlap',
            params: { other, id: a.id, kind: a.kind, depth: metres },
          }),
        );
      }
    }
  }
  return out;
}
