import type { Scene } from '../domain/sceneSchema';

/** Seconds the barriers and scanners were open from midnight of day 1 to `t`, by the scene's opening hours. */
export function openSecondsUntil(hours: Scene['process']['openingHours'], t: number): number {
  let total = 0;
  for (let day = 0; day * 86400 < t; day++)
    total += Math.max(0, Math.min(t, day * 86400 + hours.closeHour * 3600) - (day * 86400 + hours.openHour * 3600));
  return total;
}
