/**
 * What traffic prediction finds over its horizon, as the collision worker hands it back to the page: small plain
 * objects (structured-cloned once a round), AGVs named by their fleet-table index; the page turns indices into
 * `manufacturer/serial` keys with the key list packed alongside the fleet.
 */

/** How two predicted footprints meet: on one lane edge one behind the other, where lanes join, across, or head-on. */
export type ConflictKind = 'follow' | 'merge' | 'crossing' | 'head-on' | 'standing';

export interface PredictedConflict {
  /** Fleet-table indices of the two AGVs, a < b. */
  readonly a: number;
  readonly b: number;
  readonly kind: ConflictKind;
  /** Nominal seconds from the packed instant until their footprints (grown by the near-miss clearance) meet. */
  readonly inS: number;
  /** The uncertainty of that time: the earliest and latest it can happen (s from the packed instant). */
  readonly earliestS: number;
  readonly latestS: number;
  /** Where they meet (zone frame, m): the midpoint of the two footprints' centres at `inS`. */
  readonly x: number;
  readonly y: number;
}

/** A cycle in the wait-for graph: each AGV needs the space the next one holds. */
export interface PredictedDeadlock {
  readonly agvs: readonly number[];
  /** Seconds until the last of them stops (0 when all stand now). */
  readonly inS: number;
  readonly x: number;
  readonly y: number;
}

export type BlockedReason = 'unknown-node' | 'checkpoint-down' | 'stood-still';

export interface BlockedRoute {
  readonly agv: number;
  readonly reason: BlockedReason;
  /** The lane node where the route is blocked (a scene lane node index), or -1 for a node the scene does not know. */
  readonly node: number;
  /** For `stood-still`: the AGV standing on the route. */
  readonly by?: number;
  /** Seconds until the AGV reaches the block (NaN when it cannot be timed). */
  readonly inS: number;
  readonly x: number;
  readonly y: number;
}

export interface TrafficFindings {
  /** The round of the predicted routes these come from (`META_ROUND`). */
  readonly round: number;
  readonly clockS: number;
  readonly conflicts: readonly PredictedConflict[];
  readonly deadlocks: readonly PredictedDeadlock[];
  readonly blocked: readonly BlockedRoute[];
}
