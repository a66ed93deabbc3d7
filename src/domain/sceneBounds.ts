import { footprintCorners } from './geometry';
import type { Scene, Vec2 } from './sceneSchema';

export interface Bounds {
  readonly minE: number;
  readonly maxE: number;
  readonly minN: number;
  readonly maxN: number;
}

/** The east-north box holding every facility corner, lane node, route point and border point of a scene. */
export function sceneBounds(scene: Scene): Bounds {
  const points: Vec2[] = [
    ...scene.zone.border.line,
    ...scene.facilities.flatMap((f) => footprintCorners(f.footprint)),
    ...scene.lanes.nodes.map((n) => n.position),
    ...scene.truckRoutes.flatMap((r) => r.points),
  ];
  return pointsBounds(points);
}

/** The east-north box holding `points`, grown by `margin` metres on every side. */
export function pointsBounds(points: readonly Vec2[], margin = 0): Bounds {
  let minE = Infinity;
  let maxE = -Infinity;
  let minN = Infinity;
  let maxN = -Infinity;
  for (const [e, n] of points) {
    minE = Math.min(minE, e);
    maxE = Math.max(maxE, e);
    minN = Math.min(minN, n);
    maxN = Math.max(maxN, n);
  }
  return { minE: minE - margin, maxE: maxE + margin, minN: minN - margin, maxN: maxN + margin };
}
