/**
 * Simulation settings the URL may carry: `seed`, `vpd` (vehicles/day), `agvs`, `t` (start clock, HH:MM),
 * `speed` (one of the speed buttons' values). Anything malformed is listed as a problem naming the parameter and
 * what it allows, and the default is used.
 */
import { coded, type Problem } from '../domain/problem';
import type { SimOptions } from '../sim/simParams';
import { SPEEDS } from '../telemetry/SimSource';

export interface SimUrl {
  readonly options: SimOptions;
  readonly startS: number;
  readonly speed: number;
  readonly problems: readonly Problem[];
}

/** The clock the twin opens at when the URL does not say: 07:00, the morning ramp of arrivals. */
export const DEFAULT_START_S = 7 * 3600;
export const DEFAULT_SPEED = 10;
const MAX_VEHICLES_PER_DAY = 100000;
const MAX_AGVS = 5000;

export function readSimUrl(search: string): SimUrl {
  const p = new URLSearchParams(search);
  const problems: Problem[] = [];
  /** The parameter as a number when `ok` accepts it; otherwise a problem from `wrong` and undefined. */
  const num = (name: string, ok: (n: number) => boolean, wrong: (raw: string) => Problem): number | undefined => {
    const raw = p.get(name);
    if (raw === null) return undefined;
    const n = Number(raw);
    if (raw.trim() !== '' && ok(n)) return n;
    problems.push(wrong(raw));
    return undefined;
  };
  const seed = num('seed', Number.isInteger, (value) =>
    coded('seed', `"${value}" is not a whole number; using the default`, { code: 'url-whole-number', params: { value } }),
  );
  const vehiclesPerDay = num(
    'vpd',
    (n) => Number.isFinite(n) && n >= 0 && n <= MAX_VEHICLES_PER_DAY,
    (value) =>
      coded('vpd', `"${value}" is not a number of vehicles/day (0–100,000); using the default`, {
        code: 'url-number-range',
        params: { value, min: 0, max: MAX_VEHICLES_PER_DAY },
      }),
  );
  const agvs = num(
    'agvs',
    (n) => Number.isInteger(n) && n >= 0 && n <= MAX_AGVS,
    (value) =>
      coded('agvs', `"${value}" is not a whole number of AGVs (0–5,000); using the default`, {
        code: 'url-whole-number-range',
        params: { value, min: 0, max: MAX_AGVS },
      }),
  );
  // Only the speeds the buttons offer: a speed none of them shows could not be told apart from the nearest one.
  const speed = num(
    'speed',
    (n) => SPEEDS.some((s) => s === n),
    (value) =>
      coded('speed', `"${value}" is not one of the speeds ${SPEEDS.join(', ')}; using ${DEFAULT_SPEED}`, {
        code: 'url-one-of',
        params: { value, known: SPEEDS.map(String) },
      }),
  );
  let startS = DEFAULT_START_S;
  const t = p.get('t');
  if (t !== null) {
    const m = /^(\d{1,2}):(\d{2})$/.exec(t);
    if (m && Number(m[1]) < 24 && Number(m[2]) < 60) startS = Number(m[1]) * 3600 + Number(m[2]) * 60;
    else problems.push(coded('t', `"${t}" is not a time of day HH:MM; starting at 07:00`, { code: 'url-time-of-day', params: { value: t } }));
  }
  const options: SimOptions = {
    ...(seed === undefined ? {} : { seed }),
    ...(vehiclesPerDay === undefined ? {} : { vehiclesPerDay }),
    ...(agvs === undefined ? {} : { agvs }),
  };
  return { options, startS, speed: speed ?? DEFAULT_SPEED, problems };
}
