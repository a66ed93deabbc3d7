/**
 * The briefing wall's defaults (data/briefing.json, each with its source): how fast and from when the simulated
 * day runs, the tour's pacing, the pixel-ratio cap. Read once; the wall has no settings UI.
 */
import briefing from '../../../data/briefing.json' with { type: 'json' };
import type { BriefingSimStart } from './briefingServices';

export const BRIEFING = {
  speed: briefing.speed.value,
  startS: briefing.startHour.value * 3600,
  seed: briefing.seed.value,
  defaultDwellS: briefing.defaultDwellS.value,
  maxPixelRatio: briefing.maxPixelRatio.value,
  cameraSmoothTimeS: briefing.cameraSmoothTimeS.value,
  controlsVisibleMs: briefing.controlsVisibleS.value * 1000,
  maxStepS: briefing.maxStepS.value,
} as const;

/** The wall's layouts: the proposed one of each zone (issue 5 §1: each lane against its 2030 target). */
export const BRIEFING_VARIANT = 'proposed';

/** Simulation settings for each zone, in the shape `startSimulation` takes from the URL elsewhere. */
export const BRIEFING_SIM: BriefingSimStart = { options: { seed: BRIEFING.seed }, startS: BRIEFING.startS, speed: BRIEFING.speed, problems: [] };
