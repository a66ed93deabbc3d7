import { coded, type Problem } from '../problem';
import type { Scene } from '../sceneSchema';

/** Shares are fractions of one; this much rounding is accepted when they are added up. */
const SHARE_SUM_TOLERANCE = 1e-6;

/** Numbers that must agree with each other: shares that add up, ranges in order, a profile that has arrivals. */
export function checkProcess(scene: Scene): Problem[] {
  const out: Problem[] = [];
  const { riskChannels, arrivalProfile, openingHours } = scene.process;
  const risk = riskChannels.green.value + riskChannels.yellow.value + riskChannels.red.value;
  if (Math.abs(risk - 1) > SHARE_SUM_TOLERANCE) {
    out.push(
      coded('process.riskChannels', `green + yellow + red must add up to 1 (they add up to ${risk})`, { code: 'risk-shares-sum', params: { sum: risk } }),
    );
  }
  const total = arrivalProfile.hourlyShare.reduce((s, x) => s + x, 0);
  if (total <= 0) out.push(coded('process.arrivalProfile.hourlyShare', 'has no arrivals in any hour', { code: 'no-arrivals', params: {} }));
  arrivalProfile.hourlyShare.forEach((share, h) => {
    const open =
      openingHours.openHour <= openingHours.closeHour
        ? h + 1 > openingHours.openHour && h < openingHours.closeHour
        : h + 1 > openingHours.openHour || h < openingHours.closeHour;
    if (share > 0 && !open) {
      out.push(
        coded(`process.arrivalProfile.hourlyShare[${h}]`, `arrivals at ${h}:00 while the gate is closed`, {
          code: 'arrivals-while-closed',
          params: { hour: h },
        }),
      );
    }
  });
  if (openingHours.openHour === openingHours.closeHour) {
    out.push(coded('process.openingHours', 'opens and closes at the same hour', { code: 'opens-when-closes', params: {} }));
  }
  const target = scene.zone.capacity.target2030VehiclesPerDay;
  if (target.min > target.max) {
    out.push(
      coded('zone.capacity.target2030VehiclesPerDay', `min ${target.min} is above max ${target.max}`, {
        code: 'min-above-max',
        params: { min: target.min, max: target.max },
      }),
    );
  }
  scene.views.forEach((v, i) => {
    if (v.position.every((x, k) => x === v.target[k])) {
      out.push(coded(`views[${i}].target`, 'equals the camera position', { code: 'view-target-at-camera', params: {} }));
    }
  });
  return out;
}
