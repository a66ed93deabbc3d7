/**
 * The figures a run is judged by, from the simulation's counters: trucks cleared, time in system, utilisation and
 * queues per resource (by facility id; a yard's id stands for its loading slots; `agv-fleet` for the AGVs and
 * the containers waiting for one; `agv-lanes` for the share of the AGVs' working time spent waiting for another
 * AGV on the lanes), the resource that binds (the highest utilisation; the lanes when the fleet binds but waits
 * more than half its working time), AGV empty travel, planner waits, near misses.
 * Numbers are rounded so printed results compare byte for byte across runs.
 */
import { percentile } from '../domain/SampleRing';
import type { ApproachTotals } from './queueSpace';

export interface HourRow {
  readonly hour: number;
  readonly arrived: number;
  readonly cleared: number;
  readonly inside: number;
  readonly agvsBusy: number;
  readonly containersWaiting: number;
  readonly queues: Readonly<Record<string, number>>;
  /**
   * At the hour's end, per truck holding area (by id; a route with none by its first stop's id): trucks in it, and
   * metres of queue on the road before it. Absent from rows not made by the simulation (the gate's own feed).
   */
  readonly holding?: Readonly<Record<string, number>>;
  readonly roadQueueM?: Readonly<Record<string, number>>;
}

/**
 * A truck holding area over the measured window (src/sim/queueSpace.ts): trucks waiting before the route's first
 * checkpoint fill it first, then stand on the approach road one `truckQueueSpacingM` apart (the spill-back).
 */
export interface HoldingKpi {
  /** Its capacity in trucks (0: the route has no holding area, its queue stands on the road from the first truck). */
  readonly capacity: number;
  /** Trucks in it now, the most, the time-mean. */
  readonly trucks: number;
  readonly trucksMax: number;
  readonly trucksMean: number;
  /** Metres of queue on the road beyond it: now, the most, the time-mean. */
  readonly roadQueueM: number;
  readonly roadQueueMaxM: number;
  readonly roadQueueMeanM: number;
  /**
   * Seconds into the window when it was first full (the next truck stands on the road), or null if never; with no
   * holding area (capacity 0), when a truck first stood on the road.
   */
  readonly fullFirstS: number | null;
  /** Hours of the window it was full (capacity 0: hours with a truck on the road). */
  readonly fullHours: number;
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
  /** Per truck holding area (by id; a route with none by its first stop's id). */
  readonly holding: Readonly<Record<string, HoldingKpi>>;
  /** The longest queue on an approach road beyond its holding area (m): now, and the most in the window. */
  readonly spillBackM: number;
  readonly spillBackMaxM: number;
  /** When a holding area first filled (s into the window; the earliest of them), or null if none did (capacity > 0 only). */
  readonly holdingFullFirstS: number | null;
  /** Hours a holding area was full (the longest of them; capacity > 0 only). */
  readonly holdingFullHours: number;
  readonly simSeconds: number;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** A resource's totals so far (a ServiceQueue is one). */
export interface QueueTotals {
  readonly id: string;
  readonly servers: number;
  readonly busySeconds: number;
  readonly queueSeconds: number;
  readonly queueMax: number;
  readonly served: number;
}

/** The AGV fleet's totals so far. */
export interface FleetTotals {
  readonly agvs: number;
  readonly busySeconds: number;
  readonly jobQueueMax: number;
  readonly jobSeconds: number;
  readonly emptyMoves: number;
  readonly loadedMoves: number;
  /** AGVs that wanted to move and could not, summed over planner steps of `stepS` seconds. */
  readonly waits: number;
  readonly stepS: number;
  readonly nearMisses: number;
  readonly contacts: number;
}

/** What the KPIs are worked out from: the run's identity, its clock and its counters, accounted up to `now`. */
export interface KpiInput {
  readonly scene: string;
  readonly seed: number;
  readonly vehiclesPerDay: number;
  readonly hours: number;
  readonly now: number;
  readonly arrived: number;
  readonly cleared: number;
  readonly inside: number;
  /** Time in system of each truck cleared, in order of leaving (the first `cleared` values count). */
  readonly timeInSystem: Float64Array;
  readonly containersAcross: { readonly export: number; readonly import: number };
  /** The highest stock of each yard (TEU), by yard id. */
  readonly yardStockMax: ReadonlyMap<string, number>;
  /** Barriers and scanner bays, utilised over their opening hours (`openSeconds`). */
  readonly servers: readonly QueueTotals[];
  /** Yards' loading slots, utilised over the whole run; a yard nobody used is left out. */
  readonly slots: readonly QueueTotals[];
  readonly cranes: readonly QueueTotals[];
  readonly openSeconds: number;
  readonly fleet: FleetTotals | undefined;
  /** The truck holding areas and the roads before them (src/sim/queueSpace.ts); `fullFirstT` counts from `windowStartS`. */
  readonly approaches: readonly ApproachTotals[];
  readonly windowStartS: number;
  readonly truckQueueSpacingM: number;
}

function holdingKpis(r: KpiInput): Record<string, HoldingKpi> {
  const t = r.now;
  const sp = r.truckQueueSpacingM;
  const out: Record<string, HoldingKpi> = {};
  for (const a of r.approaches) {
    out[a.id] = {
      capacity: a.capacity,
      trucks: a.holding,
      trucksMax: a.holdingMax,
      trucksMean: t > 0 ? round(a.holdingSeconds / t, 2) : 0,
      roadQueueM: round(a.road * sp, 1),
      roadQueueMaxM: round(a.roadMax * sp, 1),
      roadQueueMeanM: t > 0 ? round((a.roadSeconds * sp) / t, 1) : 0,
      fullFirstS: a.fullFirstT < 0 ? null : round(a.fullFirstT - r.windowStartS, 1),
      fullHours: round(a.fullSeconds / 3600, 3),
    };
  }
  return out;
}

export function simKpis(r: KpiInput): SimKpis {
  const t = r.now;
  const utilisation: Record<string, number> = {};
  const queueMax: Record<string, number> = {};
  const queueMean: Record<string, number> = {};
  const add = (q: QueueTotals, capacitySeconds: number) => {
    utilisation[q.id] = capacitySeconds > 0 ? round(q.busySeconds / capacitySeconds, 4) : 0;
    queueMax[q.id] = q.queueMax;
    queueMean[q.id] = t > 0 ? round(q.queueSeconds / t, 3) : 0;
  };
  for (const q of r.servers) add(q, q.servers * r.openSeconds);
  for (const q of r.slots) if (q.served > 0) add(q, q.servers * t);
  for (const q of r.cranes) add(q, t);
  const fleet = r.fleet;
  if (fleet) {
    utilisation['agv-fleet'] = t > 0 ? round(fleet.busySeconds / (fleet.agvs * t), 4) : 0;
    queueMax['agv-fleet'] = fleet.jobQueueMax;
    queueMean['agv-fleet'] = t > 0 ? round(fleet.jobSeconds / t, 3) : 0;
    utilisation['agv-lanes'] = fleet.busySeconds > 0 ? round(Math.min(1, (fleet.waits * fleet.stepS) / fleet.busySeconds), 4) : 0;
  }
  let bottleneck = '';
  for (const [id, u] of Object.entries(utilisation)) if (bottleneck === '' || u > utilisation[bottleneck]!) bottleneck = id;
  // A fleet busy all day mostly because its AGVs queue behind each other is held back by its lanes, not its size.
  if (bottleneck === 'agv-fleet' && utilisation['agv-lanes']! > 0.5) bottleneck = 'agv-lanes';
  const empty = fleet?.emptyMoves ?? 0;
  const moves = empty + (fleet?.loadedMoves ?? 0);
  const yardTeuMax: Record<string, number> = {};
  for (const [id, teu] of r.yardStockMax) if (teu > 0) yardTeuMax[id] = teu;
  const holding = holdingKpis(r);
  const areas = Object.values(holding);
  const held = areas.filter((h) => h.capacity > 0);
  const firsts = held.flatMap((h) => (h.fullFirstS === null ? [] : [h.fullFirstS]));
  return {
    scene: r.scene,
    seed: r.seed,
    vehiclesPerDay: r.vehiclesPerDay,
    agvs: fleet ? fleet.agvs : 0,
    hours: r.hours,
    arrived: r.arrived,
    cleared: r.cleared,
    inside: r.inside,
    clearedPerDay: t > 0 ? round((r.cleared * 86400) / t, 1) : 0,
    timeInSystemP50S: round(percentile(r.timeInSystem, r.cleared, 0.5), 1),
    timeInSystemP95S: round(percentile(r.timeInSystem, r.cleared, 0.95), 1),
    utilisation,
    queueMax,
    queueMean,
    bottleneck,
    agvEmptyTravelShare: moves > 0 ? round(empty / moves, 4) : 0,
    plannerWaits: fleet ? fleet.waits : 0,
    plannerWaitS: fleet ? round(fleet.waits * fleet.stepS, 1) : 0,
    nearMisses: fleet?.nearMisses ?? 0,
    contacts: fleet?.contacts ?? 0,
    containersAcross: { ...r.containersAcross },
    yardTeuMax,
    holding,
    spillBackM: Math.max(0, ...areas.map((h) => h.roadQueueM)),
    spillBackMaxM: Math.max(0, ...areas.map((h) => h.roadQueueMaxM)),
    holdingFullFirstS: firsts.length > 0 ? Math.min(...firsts) : null,
    holdingFullHours: Math.max(0, ...held.map((h) => h.fullHours)),
    simSeconds: round(t, 3),
  };
}
