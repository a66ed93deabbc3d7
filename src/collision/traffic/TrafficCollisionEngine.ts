/**
 * Traffic prediction's collision side behind the collision worker (`workers/collision.worker.ts` exposes it
 * through comlink; plain data in and out): set up once with the scene's lane network, the AGV's size, the
 * figures and the two shared buffers (the fleet as packed, and the routes the planner predicted from it); then,
 * each round, one call reads both buffers where they lie and returns that round's conflicts, deadlocks and
 * blocked routes as small plain objects. Scratch memory is allocated at set-up; a round allocates only its findings.
 *
 * @example
 *   const engine = new TrafficCollisionEngine();
 *   engine.init(scene.lanes, { lengthM: 15.6, widthM: 3 }, params, { capacity: 200, routeCap: 48, samples: 601 }, inputBuffer, routesBuffer);
 *   const findings = engine.check(downNodes); // after each round of the planner
 */
import { META_CLOCK_S, META_COUNT, META_ROUND, predictedRoutes, trafficInput, type PredictedRoutes, type TrafficInput } from '../../domain/trafficFrame';
import type { BlockedRoute, PredictedConflict, PredictedDeadlock, TrafficFindings } from '../../domain/trafficFindings';
import { findBlockedRoutes } from './blockedRoutes';
import { ConflictPredictor } from './ConflictPredictor';
import { trafficSetup, type TrafficAgv, type TrafficLanes, type TrafficParams, type TrafficSetup } from './trafficParams';
import { findDeadlocks, waitForScratch, type WaitForScratch } from './waitFor';

/** The sizes both buffers were laid out with (trafficFrame.ts). */
export interface TrafficLayout {
  readonly capacity: number;
  readonly routeCap: number;
  readonly samples: number;
}

interface Ready {
  readonly setup: TrafficSetup;
  readonly input: TrafficInput;
  readonly routes: PredictedRoutes;
  readonly conflicts: ConflictPredictor;
  readonly waitFor: WaitForScratch;
  readonly stood: Int32Array;
}

export class TrafficCollisionEngine {
  private ready: Ready | undefined;

  /** Sets up (or sets up again) for a scene and a pair of buffers; throws naming a bad figure, size or buffer. */
  init(
    lanes: TrafficLanes,
    agv: TrafficAgv,
    params: TrafficParams,
    layout: TrafficLayout,
    inputBuffer: ArrayBufferLike,
    routesBuffer: ArrayBufferLike,
  ): void {
    for (const name of ['capacity', 'routeCap', 'samples'] as const) {
      const v = layout[name];
      if (!(Number.isInteger(v) && v > 0)) throw new RangeError(`layout.${name} must be a positive whole number, got ${v}`);
    }
    const setup = trafficSetup(lanes, agv, params);
    const { capacity, routeCap, samples } = layout;
    this.ready = {
      setup,
      input: trafficInput(capacity, routeCap, inputBuffer),
      routes: predictedRoutes(capacity, routeCap, samples, routesBuffer),
      conflicts: new ConflictPredictor(capacity, agv, params),
      waitFor: waitForScratch(capacity),
      stood: new Int32Array(capacity),
    };
  }

  /** This round's findings, from the routes' latest round; `downNodes` marks lane nodes out of service (1 a node). */
  check(downNodes: Uint8Array): TrafficFindings {
    const r = this.ready;
    if (!r) throw new Error('TrafficCollisionEngine.check called before init: set it up with the lanes, the AGV size, the figures and the buffers first');
    const { input, routes, setup } = r;
    const n = routes.meta[META_COUNT]!;
    if (!(Number.isInteger(n) && n >= 0 && n <= routes.capacity))
      throw new RangeError(`the predicted routes hold ${n} AGVs; the layout has room for ${routes.capacity}`);
    if (input.meta[META_COUNT]! < n)
      throw new RangeError(`the predicted routes hold ${n} AGVs but the packed fleet only ${input.meta[META_COUNT]}: the fleet was repacked mid-round`);
    const conflicts: PredictedConflict[] = [];
    const deadlocks: PredictedDeadlock[] = [];
    const blocked: BlockedRoute[] = [];
    r.conflicts.predict(input, routes, conflicts);
    findDeadlocks(input, routes, setup, r.waitFor, deadlocks);
    findBlockedRoutes(input, routes, setup, downNodes, r.stood, blocked);
    return { round: routes.meta[META_ROUND]!, clockS: routes.meta[META_CLOCK_S]!, conflicts, deadlocks, blocked };
  }
}
