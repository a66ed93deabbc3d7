import { footprintCorners, polylineTouchesConvex } from '../geometry';
import { coded, type Problem } from '../problem';
import type { Scene } from '../sceneSchema';

/** Scanner bays and barriers stand on the truck route: some route passes through each of them. */
export function checkTruckRoutes(scene: Scene): Problem[] {
  const out: Problem[] = [];
  scene.facilities.forEach((f, i) => {
    if (f.kind !== 'scanner-bay' && f.kind !== 'barrier') return;
    const corners = footprintCorners(f.footprint);
    if (!scene.truckRoutes.some((r) => polylineTouchesConvex(r.points, corners))) {
      out.push(
        coded(`facilities[${i}].footprint`, `${f.kind} "${f.id}" is not on any truck route`, {
          code: 'off-truck-route',
          params: { id: f.id, kind: f.kind },
        }),
      );
    }
  });
  return out;
}
