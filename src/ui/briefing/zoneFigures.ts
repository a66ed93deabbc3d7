/**
 * What a zone's briefing tile shows, from the running simulation's latest snapshot: nothing here is typed in,
 * every figure is the engine's. The headline is the day's projection (sim/dayProjection.ts): cleared so far and
 * where the day will end, with a 95 % band, a figure a leader can repeat. The trend is the pace hour by hour (trucks
 * cleared in each hour × 24, the same measure as the operations HUD), a rate, labelled as one.
 */
import type { Scene } from '../../domain/sceneSchema';
import { projectDay, type DayProjection } from '../../sim/dayProjection';
import type { SimSnapshot } from '../../sim/SimulationEngine';

const HOURS_PER_DAY = 24;

export interface ZoneFigures {
  /** Where the simulated day will end; undefined before its first hour ends. */
  readonly projection?: DayProjection;
  /** Trucks cleared since the simulated day began. */
  readonly cleared: number;
  /** Trucks a day the simulation is fed (its demand). */
  readonly demand: number;
  /** Median time from arrival to leaving, minutes; undefined before any truck has left. */
  readonly timeInSystemP50Min?: number;
  /** Share of the AGV fleet's time at work (0–1); undefined for a layout without AGVs. */
  readonly agvUse?: number;
  readonly agvs: number;
  /** Hours of the day 0–23 (x of the trend chart). */
  readonly hours: readonly number[];
  /** Pace (cleared × 24) per hour of the current simulated day; null for hours not yet simulated. */
  readonly trend: readonly (number | null)[];
}

/** The hours of a day, the trend chart's x (shared so the chart is not fed a new array on every snapshot). */
export const DAY_HOURS: readonly number[] = Array.from({ length: HOURS_PER_DAY }, (_, h) => h);

export function zoneFigures(snapshot: SimSnapshot, process: Scene['process']): ZoneFigures {
  const k = snapshot.kpis;
  const trend: (number | null)[] = DAY_HOURS.map(() => null);
  // The wall runs one simulated day at a time (and starts the next afresh), so an hour row is an hour of today.
  for (const row of snapshot.hourly) trend[row.hour % HOURS_PER_DAY] = row.cleared * HOURS_PER_DAY;
  const projection = projectDay(snapshot.hourly, k.vehiclesPerDay, process);
  return {
    ...(projection ? { projection } : {}),
    cleared: k.cleared,
    demand: k.vehiclesPerDay,
    ...(k.cleared > 0 ? { timeInSystemP50Min: k.timeInSystemP50S / 60 } : {}),
    ...(k.agvs > 0 ? { agvUse: k.utilisation['agv-fleet'] ?? 0 } : {}),
    agvs: k.agvs,
    hours: DAY_HOURS,
    trend,
  };
}
