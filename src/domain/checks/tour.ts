import { coded, type Problem } from '../problem';
import type { Scene } from '../sceneSchema';

/** Every stop of the briefing tour names one of the scene's preset views, so the wall never flies nowhere. */
export function checkTour(scene: Scene): Problem[] {
  const views = new Set(scene.views.map((v) => v.id));
  const out: Problem[] = [];
  scene.tour?.forEach((stop, i) => {
    if (!views.has(stop.view)) {
      out.push(
        coded(`tour[${i}].view`, `names no view ("${stop.view}"; views: ${[...views].join(', ')})`, {
          code: 'tour-unknown-view',
          params: { view: stop.view, views: [...views] },
        }),
      );
    }
  });
  return out;
}
