/**
 * Simulation settings the URL may carry: `seed`, `vpd` (vehicles/day), `agvs`, `t` (start clock, HH:MM),
 * `speed` (1–1000). Anything malformed is listed as a problem naming the parameter, and the default is used.
 */
import type { Problem } from '../domain/problem';
import type { SimOptions } from '../sim/simParams';

export interface SimUrl {
  readonly options: SimOptions;
  readonly startS: number;
  readonly speed: number;
  readonly problems: readonly Problem[];
}

/** The clock the twin opens at when the URL does not say: 07:00, the morning ramp of arrivals. */
export const DEFAULT_START_S = 7 * 3600;
export const DEFAULT_SPEED = 10;

export function readSimUrl(search: string): SimUrl {
  const p = new URLSearchParams(search);
  const problems: Problem[] = [];
  const num = (name: string, ok: (n: number) => boolean, what: string): number | undefined => {
    const raw = p.get(name);
    if (raw === null) return undefined;
    const n = Number(raw);
    if (raw.trim() !== '' && ok(n)) return n;
    problems.push({ path: name, message: `"${raw}" is not ${what}; using the default` });
    return undefined;
  };
  const seed = num('seed', Number.isInteger, 'a whole number');
  const vehiclesPerDay = num('vpd', (n) => Number.isFinite(n) && n >= 0 && n <= 100000, 'a number of vehicles/day (0–100,000)');
  const agvs = num('agvs', (n) => Number.isInteger(n) && n >= 0 && n <= 5000, 'a whole number of AGVs (0–5,000)');
  const speed = num('speed', (n) => n > 0 && n <= 1000, 'a speed between 1 and 1000');
  let startS = DEFAULT_START_S;
  const t = p.get('t');
  if (t !== null) {
    const m = /^(\d{1,2}):(\d{2})$/.exec(t);
    if (m && Number(m[1]) < 24 && Number(m[2]) < 60) startS = Number(m[1]) * 3600 + Number(m[2]) * 60;
    else problems.push({ path: 't', message: `"${t}" is not a time of day HH:MM; starting at 07:00` });
  }
  const options: SimOptions = {
    ...(seed === undefined ? {} : { seed }),
    ...(vehiclesPerDay === undefined ? {} : { vehiclesPerDay }),
    ...(agvs === undefined ? {} : { agvs }),
  };
  return { options, startS, speed: speed ?? DEFAULT_SPEED, problems };
}
