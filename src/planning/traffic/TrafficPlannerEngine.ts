import { META_ROUND, predictedRoutes, trafficInput, type PredictedRoutes, type TrafficInput } from '../../domain/trafficFrame';
import type { ProposalResult, ProposalTarget } from '../../domain/trafficProposal';
import { ProposalPlanner, type ProposalOptions } from './ProposalPlanner';
import { RoutePredictor, type LaneNetwork } from './RoutePredictor';
import type { AgvKinematics } from './SpeedProfile';

/** Sizes of the two traffic buffers: AGVs, route nodes per AGV, and samples per AGV (for the longest horizon offered). */
export interface TrafficLayout {
  readonly capacity: number;
  readonly routeCap: number;
  readonly samples: number;
}

/** What one prediction round reports back to the page (plain data; the routes themselves are in the shared buffer). */
export interface PredictionRound {
  readonly round: number;
  readonly count: number;
  /** Wall milliseconds the round took, for the diagnostics. */
  readonly ms: number;
}

/**
 * Route prediction behind one object for the planner worker: `init` once with the lane network, the AGV figures
 * and the two (shared) buffers, then `predict` each round; the fleet is read from the input buffer and the routes
 * are written into the routes buffer where they lie, so a call moves only a few numbers. Plain data in and out,
 * for comlink. `propose` gives resolution proposals (holds) for predicted conflicts and deadlocks on the fleet
 * and routes of the last round, as they lie in the buffers.
 *
 * @example
 *   const engine = new TrafficPlannerEngine();
 *   engine.init(scene.lanes, { maxSpeedMps: 6.94, accelerationMps2: 0.5, decelerationMps2: 0.8 }, { capacity: 200, routeCap: 48, samples: 601 }, inputSab, routesSab);
 *   const { round, count, ms } = engine.predict(120, 0.5);
 *   const [proposal] = engine.propose([{ kind: 'conflict', a: 3, b: 7 }], { ...PROPOSAL_DEFAULTS, lengthM: 15.6, widthM: 3 });
 */
export class TrafficPlannerEngine {
  private predictor: RoutePredictor | undefined;
  private input: TrafficInput | undefined;
  private routes: PredictedRoutes | undefined;
  private proposer: ProposalPlanner | undefined;

  init(lanes: LaneNetwork, agv: AgvKinematics, layout: TrafficLayout, inputBuffer: ArrayBufferLike, routesBuffer: ArrayBufferLike): void {
    for (const name of ['capacity', 'routeCap', 'samples'] as const) {
      const value = layout[name];
      if (!Number.isInteger(value) || value < 1)
        throw new RangeError(`TrafficPlannerEngine.init: layout ${name} must be a whole number ≥ 1, got ${value}`);
    }
    this.input = trafficInput(layout.capacity, layout.routeCap, inputBuffer);
    this.routes = predictedRoutes(layout.capacity, layout.routeCap, layout.samples, routesBuffer);
    this.predictor = new RoutePredictor(lanes, agv, layout.routeCap);
    this.proposer = new ProposalPlanner(this.predictor, lanes);
  }

  /**
   * A proposal (holds, delays, ghost routes) or a failure per target (fleet-table indices), on the last predicted
   * round; plain data and Float32Arrays, for comlink. The buffers are read, never written.
   */
  propose(targets: readonly ProposalTarget[], options: ProposalOptions): ProposalResult[] {
    const { proposer, input, routes } = this;
    if (proposer === undefined || input === undefined || routes === undefined) throw new Error('TrafficPlannerEngine: call init before propose');
    return proposer.propose(input, routes, targets, options);
  }

  /** Predicts the packed fleet over `horizonS`, sampled every `sampleS`; throws when the routes buffer is too short for it. */
  predict(horizonS: number, sampleS: number): PredictionRound {
    const { predictor, input, routes } = this;
    if (predictor === undefined || input === undefined || routes === undefined) throw new Error('TrafficPlannerEngine: call init before predict');
    const start = performance.now();
    const count = predictor.predict(input, routes, horizonS, sampleS);
    return { round: routes.meta[META_ROUND]!, count, ms: performance.now() - start };
  }
}
