/**
 * The briefing wall's camera tour: every zone's stops in turn, from each scene's `tour` (checked to name its
 * views); a scene without a tour gets one stop per preset view, captioned with the view's name.
 */
import type { Scene, View } from '../../domain/sceneSchema';

export interface PlannedStop {
  /** Index of the scene (zone) the stop belongs to. */
  readonly zone: number;
  readonly view: View;
  readonly caption: { readonly vi: string; readonly en: string };
  readonly dwellS: number;
  /** 1-based position of the stop within its zone's tour, and that tour's length. */
  readonly n: number;
  readonly count: number;
}

export function tourPlan(scenes: readonly Scene[], defaultDwellS: number): PlannedStop[] {
  return scenes.flatMap((scene, zone) => {
    const views = new Map(scene.views.map((v) => [v.id, v]));
    const stops = scene.tour
      ? scene.tour.flatMap((s) => {
          const view = views.get(s.view);
          return view ? [{ view, caption: s.caption, dwellS: s.dwellS }] : [];
        })
      : scene.views.map((view) => ({ view, caption: view.name, dwellS: defaultDwellS }));
    return stops.map((s, i) => ({ ...s, zone, n: i + 1, count: stops.length }));
  });
}
