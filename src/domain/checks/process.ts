import type { Problem } from '../problem';
import type { Scene } from '../sceneSchema';

/** Shares are fractions of one; this much rounding is accepted when they are added up. */
const SHARE_SUM_TOLERANCE = 1e-6;

/** Numbers that must agree with each other: shares that add up, ranges in order, a profile that has arrivals. */
export function checkProcess(scene: Scene): Problem[] {
  const out: Problem[] = [];
  const { riskChannels, arrivalProfile, openingHours } = scene.process;
  const risk = riskChannels.green.value + riskChannels.yellow.value + riskChannels.red.value;
  if (Math.abs(risk - 1) > SHARE_SUM_TOLERANCE) {
    out.push({ path: 'process.riskChannels', message: `green + yellow + red must add up to 1 (they add up to ${risk})` });
  }
  const total = arrivalProfile.hourlyShare.reduce((s, x) => s + x, 0);
  if (total <= 0) out.push({ path: 'process.arrivalProfile.hourlyShare', message: 'has no arrivals in any hour' });
  arrivalProfile.hourlyShare.forEach((share, h) => {
    const open = openingHours.openHour <= openingHours.closeHour
      ? h + 1 > openingHours.openHour && h < openingHours.closeHour
      : h + 1 > openingHours.openHour || h < openingHours.closeHour;
    if (share > 0 && !open) {
      out.push({ path: `process.arrivalProfile.hourlyShare[${h}]`, message: `arrivals at ${h}:00 while the gate is closed` });
    }
  });
  if (openingHours.openHour === openingHours.closeHour) {
    out.push({ path: 'process.openingHours', message: 'opens and closes at the same hour' });
  }
  const target = scene.zone.capacity.target2030VehiclesPerDay;
  if (target.min > target.max) out.push({ path: 'zone.capacity.target2030VehiclesPerDay', message: `min ${target.min} is above max ${target.max}` });
  scene.views.forEach((v, i) => {
    if (v.position.every((x, k) => x === v.target[k])) out.push({ path: `views[${i}].target`, message: 'equals the camera position' });
  });
  return out;
}
