/**
 * One run of a capacity study: the simulation advanced an hour of simulated time at a time, so the caller can
 * report progress, and so each hour's utilisation of every resource can be read off the growth of its busy time
 * over that hour (the run's KPIs only hold the utilisation since midnight).
 */
import type { Scene } from '../../domain/sceneSchema';
import { openSecondsUntil } from '../openingHours';
import { Simulation } from '../Simulation';
import type { HourRow, SimKpis } from '../simKpis';
import type { SimOptions } from '../simParams';

/** One simulated hour: the simulation's hourly row (counts, queues at the hour's end) and the hour's utilisation. */
export interface HourStat extends HourRow {
  /** Share of the hour each resource worked (barriers and scanners: of the hour's open time). */
  readonly utilisation: Readonly<Record<string, number>>;
}

export interface ReplicationResult {
  readonly kpis: SimKpis;
  readonly hours: readonly HourStat[];
}

const HOUR_S = 3600;
const LANES = 'agv-lanes';
const FLEET = 'agv-fleet';
const round3 = (x: number) => Number(Math.min(1, Math.max(0, x)).toFixed(3));

/**
 * Runs the scene with `options` to its end; `onFraction` hears the share of the run done after each hour. With a
 * warm-up, the hours and the KPIs are the measured window's (hour 0 its first).
 * @example
 *   const { kpis, hours } = runReplication(scene, { seed: 2, hours: 4 }); // hours.length === 4
 */
export function runReplication(scene: Scene, options: SimOptions, onFraction?: (fraction: number) => void): ReplicationResult {
  const sim = new Simulation(scene, options);
  const servers = new Set(sim.layout.servers.map((s) => s.id));
  const busyBefore = new Map<string, number>();
  let tBefore = 0;
  let openBefore = 0;
  let laneWaitBefore = 0;
  const hours: HourStat[] = [];
  const warm = sim.params.warmupHours;
  const openAtStart = openSecondsUntil(scene.process.openingHours, warm * HOUR_S);
  for (let h = 0; h < Math.ceil(warm + sim.params.hours); h++) {
    const end = Math.min((h + 1) * HOUR_S, sim.endS);
    sim.advanceTo(end);
    onFraction?.(end / sim.endS);
    if (h < warm) continue;
    // The KPIs speak of the measured window only: its time and the checkpoints' open time since it began.
    const t = end - warm * HOUR_S;
    const k = sim.kpis();
    const open = openSecondsUntil(scene.process.openingHours, end) - openAtStart;
    const utilisation: Record<string, number> = {};
    const fleetBusyBefore = busyBefore.get(FLEET) ?? 0;
    for (const [id, u] of Object.entries(k.utilisation)) {
      if (id === LANES) continue;
      const [basis, basisBefore] = servers.has(id) ? [open, openBefore] : [t, tBefore];
      const busy = u * basis;
      utilisation[id] = basis > basisBefore ? round3((busy - (busyBefore.get(id) ?? 0)) / (basis - basisBefore)) : 0;
      busyBefore.set(id, busy);
    }
    if (LANES in k.utilisation) {
      // The lanes' figure is the share of the fleet's working time spent waiting: this hour's waits over this hour's work.
      const fleetBusy = (k.utilisation[FLEET] ?? 0) * t;
      const laneWait = k.utilisation[LANES]! * fleetBusy;
      utilisation[LANES] = fleetBusy > fleetBusyBefore ? round3((laneWait - laneWaitBefore) / (fleetBusy - fleetBusyBefore)) : 0;
      laneWaitBefore = laneWait;
    }
    tBefore = t;
    openBefore = open;
    const row = sim.hourly[h]!;
    hours.push({
      hour: h - warm,
      arrived: row.arrived,
      cleared: row.cleared,
      inside: row.inside,
      agvsBusy: row.agvsBusy,
      containersWaiting: row.containersWaiting,
      queues: row.queues,
      ...(row.holding ? { holding: row.holding } : {}),
      ...(row.roadQueueM ? { roadQueueM: row.roadQueueM } : {}),
      utilisation,
    });
  }
  return { kpis: sim.kpis(), hours };
}
