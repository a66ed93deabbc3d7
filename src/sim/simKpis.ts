/**
 * The figures a run is judged by, from the simulation's counters: trucks cleared, time in system, utilisation and
 * queues per resource (by facility id; a yard's id stands for its loading slots; `agv-fleet` for the AGVs and
 * the containers waiting for one; `agv-lanes` for the share of the AGVs' working time spent waiting for another
 * AGV on the lanes), the resource that binds (the highest utilisation; the lanes when the fleet binds but waits
 * more than half its working time), AGV empty travel, planner waits, near misses.
 * Numbers are rounded so printed results compare byte for byte across runs.
 */
import { percentile } from '../domain/SampleRing';
import type { ServiceQueue } from './ServiceQueue';
import type { Simulation } from './Simulation';

export interface HourRow {
  readonly hour: number;
  readonly arrived: number;
  readonly cleared: number;
  readonly inside: number;
  readonly agvsBusy: number;
  readonly containersWaiting: number;
  readonly queues: Readonly<Record<string, number>>;
}

export interface SimKpis {
  readonly scene: string;
  readonly seed: number;
  readonly vehiclesPerDay: number;
  readonly agvs: number;
  readonly hours: number;
  readonly arrived: number;
  readonly cleared: number;
  readonly inside: number;
  /** Cleared per 24 h of simulated time. */
  readonly clearedPerDay: number;
  readonly timeInSystemP50S: number;
  readonly timeInSystemP95S: number;
  readonly utilisation: Readonly<Record<string, number>>;
  readonly queueMax: Readonly<Record<string, number>>;
  readonly queueMean: Readonly<Record<string, number>>;
  readonly bottleneck: string;
  readonly agvEmptyTravelShare: number;
  readonly plannerWaits: number;
  readonly plannerWaitS: number;
  readonly nearMisses: number;
  readonly contacts: number;
  readonly containersAcross: { readonly export: number; readonly import: number };
  readonly yardTeuMax: Readonly<Record<string, number>>;
  readonly simSeconds: number;
}

export interface ResourceTotals {
  readonly servers: readonly ServiceQueue[];
  readonly slots: readonly ServiceQueue[];
  readonly cranes: readonly ServiceQueue[];
  readonly openSeconds: number;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

export function simKpis(sim: Simulation, r: ResourceTotals): SimKpis {
  const t = sim.now;
  const utilisation: Record<string, number> = {};
  const queueMax: Record<string, number> = {};
  const queueMean: Record<string, number> = {};
  const add = (q: ServiceQueue, capacitySeconds: number) => {
    utilisation[q.id] = capacitySeconds > 0 ? round(q.busySeconds / capacitySeconds, 4) : 0;
    queueMax[q.id] = q.queueMax;
    queueMean[q.id] = t > 0 ? round(q.queueSeconds / t, 3) : 0;
  };
  for (const q of r.servers) add(q, q.servers * r.openSeconds);
  for (const q of r.slots) if (q.served > 0) add(q, q.servers * t);
  for (const q of r.cranes) add(q, t);
  const fleet = sim.fleet;
  const m = fleet?.motion;
  if (fleet && m) {
    utilisation['agv-fleet'] = t > 0 ? round(fleet.busySeconds / (m.n * t), 4) : 0;
    queueMax['agv-fleet'] = fleet.jobQueueMax;
    queueMean['agv-fleet'] = t > 0 ? round(fleet.jobSeconds / t, 3) : 0;
    utilisation['agv-lanes'] = fleet.busySeconds > 0 ? round(Math.min(1, (m.waits * m.stepS) / fleet.busySeconds), 4) : 0;
  }
  let bottleneck = '';
  for (const [id, u] of Object.entries(utilisation)) if (bottleneck === '' || u > utilisation[bottleneck]!) bottleneck = id;
  // A fleet busy all day mostly because its AGVs queue behind each other is held back by its lanes, not its size.
  if (bottleneck === 'agv-fleet' && utilisation['agv-lanes']! > 0.5) bottleneck = 'agv-lanes';
  const empty = fleet?.emptyMoves ?? 0;
  const moves = empty + (fleet?.loadedMoves ?? 0);
  const yardTeuMax: Record<string, number> = {};
  sim.layout.yards.forEach((y, k) => {
    if (sim.yardStockMax[k]! > 0) yardTeuMax[y.id] = sim.yardStockMax[k]!;
  });
  return {
    scene: sim.scene.id,
    seed: sim.params.seed,
    vehiclesPerDay: sim.params.vehiclesPerDay,
    agvs: m ? m.n : 0,
    hours: sim.params.hours,
    arrived: sim.arrived,
    cleared: sim.cleared,
    inside: sim.trucksInside,
    clearedPerDay: t > 0 ? round((sim.cleared * 86400) / t, 1) : 0,
    timeInSystemP50S: round(percentile(sim.timeInSystem, sim.cleared, 0.5), 1),
    timeInSystemP95S: round(percentile(sim.timeInSystem, sim.cleared, 0.95), 1),
    utilisation,
    queueMax,
    queueMean,
    bottleneck,
    agvEmptyTravelShare: moves > 0 ? round(empty / moves, 4) : 0,
    plannerWaits: m ? m.waits : 0,
    plannerWaitS: m ? round(m.waits * m.stepS, 1) : 0,
    nearMisses: fleet?.watch.nearMisses ?? 0,
    contacts: fleet?.watch.contacts ?? 0,
    containersAcross: { ...sim.containersAcross },
    yardTeuMax,
    simSeconds: round(t, 3),
  };
}
