/**
 * The simulation's numbers that are not in a scene file (data/simulation.json, each with its source), and the run
 * options with their defaults: vehicles/day is the scene's today figure for a today layout and the top of its 2030
 * target for a proposed one; the AGV count is the scene's fleet.
 */
import safety from '../../data/safety.json' with { type: 'json' };
import simulation from '../../data/simulation.json' with { type: 'json' };
import type { Scene } from '../domain/sceneSchema';

export interface SimOptions {
  readonly seed?: number;
  readonly vehiclesPerDay?: number;
  readonly agvs?: number;
  readonly hours?: number;
  /** Hours simulated before the measured `hours` begin (0: measure from the empty gate at midnight). */
  readonly warmupHours?: number;
  /** How AGVs are planned (see {@link PlannerKind}); `pibt-stop-aware` by default. */
  readonly planner?: PlannerKind;
}

/**
 * The AGV planner. `pibt`: lifelong PIBT, blind to stop losses: it gives a cell to an AGV at rest that then
 * stands out its stop loss, and the cell stays empty (the planner before issue 15, kept as the baseline).
 * `pibt-stop-aware`: the AGVs that will stand out their stop loss are held in the plan and the others planned
 * around them (src/sim/AgvMotion.ts, holdStarters). On 1119–1120 at 3,500/day it clears 0.7–7 % more vehicles
 * (bench/gateWaitBench.ts).
 */
export type PlannerKind = 'pibt' | 'pibt-stop-aware';
export const PLANNERS: readonly PlannerKind[] = ['pibt', 'pibt-stop-aware'];

export interface SimParams {
  readonly seed: number;
  readonly vehiclesPerDay: number;
  readonly agvs: number;
  /** The measured hours, after `warmupHours`. */
  readonly hours: number;
  readonly warmupHours: number;
  readonly planner: PlannerKind;
  readonly cellLengthM: number;
  /** Metres an AGV at top speed covers in one planner step. */
  readonly stepLengthM: number;
  readonly truckSpeedMps: number;
  readonly truckQueueSpacingM: number;
  /** How far from a truck route a holding area may stand and still serve it (m; src/sim/queueSpace.ts). */
  readonly truckHoldingReachM: number;
  readonly importPreAdviceS: number;
  readonly agvSecondsPerCharge: number;
  readonly agvLowBatteryShare: number;
  readonly collision: { readonly horizonS: number; readonly nearMissClearanceM: number };
}

export function simParams(scene: Scene, options: SimOptions = {}): SimParams {
  const vehiclesPerDay =
    options.vehiclesPerDay ??
    (scene.variant === 'today' ? scene.zone.capacity.todayVehiclesPerDay.value : scene.zone.capacity.target2030VehiclesPerDay.max);
  const agvs = options.agvs ?? scene.fleet.agv.count.value;
  const hours = options.hours ?? 24;
  const warmupHours = options.warmupHours ?? 0;
  const seed = options.seed ?? 1;
  const planner = options.planner ?? 'pibt-stop-aware';
  const bad = [
    !(vehiclesPerDay >= 0 && Number.isFinite(vehiclesPerDay)) && `vehicles per day must be a number ≥ 0 (got ${vehiclesPerDay})`,
    !(Number.isInteger(agvs) && agvs >= 0) && `AGVs must be a whole number ≥ 0 (got ${agvs})`,
    !(hours > 0 && hours <= 24 * 14) && `hours must be in (0, 336] (got ${hours})`,
    !(Number.isInteger(warmupHours) && warmupHours >= 0 && warmupHours <= 24 * 7) &&
      `warm-up hours must be a whole number in [0, 168] (got ${warmupHours})`,
    !Number.isInteger(seed) && `seed must be a whole number (got ${seed})`,
    !PLANNERS.includes(planner) && `planner must be one of ${PLANNERS.join(', ')} (got ${String(planner)})`,
  ].filter((m): m is string => typeof m === 'string');
  if (bad.length > 0) throw new Error(bad.join('; '));
  return {
    seed,
    vehiclesPerDay,
    agvs,
    hours,
    warmupHours,
    planner,
    cellLengthM: scene.fleet.agv.lengthM.value + simulation.agvFollowingGapM.value,
    stepLengthM: (scene.fleet.agv.lengthM.value + simulation.agvFollowingGapM.value) * simulation.planStepCells.value,
    truckSpeedMps: simulation.truckSpeedMps.value,
    truckQueueSpacingM: simulation.truckQueueSpacingM.value,
    truckHoldingReachM: simulation.truckHoldingReachM.value,
    importPreAdviceS: simulation.importPreAdviceS.value,
    agvSecondsPerCharge: simulation.agvHoursPerCharge.value * 3600,
    agvLowBatteryShare: simulation.agvLowBatteryShare.value,
    collision: { horizonS: safety.collision.horizonS.value, nearMissClearanceM: safety.collision.nearMissClearanceM.value },
  };
}
