import { sideOfPolyline } from '../geometry';
import { coded, type Problem } from '../problem';
import type { Scene, Vec2 } from '../sceneSchema';

/** 'VN', 'CN', or undefined on the line itself. */
export function sideOf(scene: Scene, p: Vec2): 'VN' | 'CN' | undefined {
  const s = sideOfPolyline(p, scene.zone.border.line);
  if (s === 0) return undefined;
  const left = s === 1;
  return left === (scene.zone.border.vietnamSide === 'left') ? 'VN' : 'CN';
}

/** Each facility's declared side agrees with where its footprint's centre lies. */
export function checkSides(scene: Scene): Problem[] {
  const out: Problem[] = [];
  scene.facilities.forEach((f, i) => {
    const actual = sideOf(scene, f.footprint.position);
    if (actual !== undefined && actual !== f.side) {
      out.push(
        coded(`facilities[${i}].side`, `says ${f.side} but its footprint's centre lies on the ${actual} side of the border`, {
          code: 'wrong-side',
          params: { declared: f.side, actual },
        }),
      );
    }
  });
  return out;
}
