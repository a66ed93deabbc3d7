import { coded, type Problem } from '../problem';
import type { Scene } from '../sceneSchema';

/**
 * Sizes that follow from other fields. A road's footprint runs along its rotation: size[0] is its length and
 * size[1] its width, which must hold its lanes (plus at most a lane's width of shoulders each side).
 */
export function checkDimensions(scene: Scene): Problem[] {
  const out: Problem[] = [];
  scene.facilities.forEach((f, i) => {
    if (f.kind !== 'road') return;
    const lane = f.laneWidthM.value;
    const width = f.footprint.size[1];
    if (width < f.lanes * lane || width > (f.lanes + 2) * lane) {
      out.push(
        coded(
          `facilities[${i}].footprint.size[1]`,
          `road width ${width} m does not fit ${f.lanes} lanes of ${lane} m (size[0] is the road's length along its rotation, size[1] its width)`,
          { code: 'road-too-narrow', params: { width, lanes: f.lanes, laneWidth: lane } },
        ),
      );
    }
  });
  return out;
}
