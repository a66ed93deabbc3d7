/**
 * A resolution proposal for a predicted conflict or deadlock, as the planner worker hands it to the page: which
 * AGVs wait where and until when, what that costs each AGV (seconds of delay against its predicted arrival), and
 * the planned routes in time to draw as ghosts. AGVs are fleet-table indices; the page turns them into keys.
 *
 * A proposal acts through what a VDA 5050 master control may do: it withholds releases. A hold keeps an AGV's
 * base from growing beyond one node of its route until a time; the base already released is never taken back, so
 * a hold can only sit at or beyond the end of the AGV's base. The order update that extends the base past the
 * node is sent when the hold ends.
 */

/** What a proposal resolves. */
export type ProposalTarget =
  { readonly kind: 'conflict'; readonly a: number; readonly b: number } | { readonly kind: 'deadlock'; readonly agvs: readonly number[] };

/** One AGV told to wait: nothing beyond its route node `routeIndex` (lane node `node`) is released before `untilS`. */
export interface ProposedHold {
  readonly agv: number;
  readonly node: number;
  readonly routeIndex: number;
  /** Source clock (s, the same clock as the input's `META_CLOCK_S`) the hold lasts until. */
  readonly untilS: number;
}

/** An AGV the plan was checked for, with the seconds it loses (its ETA with the plan less its predicted ETA). */
export interface ProposalAgv {
  readonly agv: number;
  readonly delayS: number;
}

/** A ghost route: the AGV's poses every `sampleS` from the packed instant, as planned (zone frame, m). */
export interface GhostRoute {
  readonly agv: number;
  readonly px: Float32Array;
  readonly py: Float32Array;
}

export interface TrafficProposal {
  readonly ok: true;
  readonly target: ProposalTarget;
  readonly holds: readonly ProposedHold[];
  /** The AGVs involved and those near them that the plan was checked against, each with its delay. */
  readonly agvs: readonly ProposalAgv[];
  readonly totalDelayS: number;
  /** Seconds of delay in all this plan saves against the next best plan found (0 when it was the only one). */
  readonly savesS: number;
  readonly sampleS: number;
  readonly ghosts: readonly GhostRoute[];
}

/**
 * Why no plan was found: `inside-bases` — the meeting lies inside the released bases of the AGVs that could wait,
 * which no release can undo (only a pause can); `no-plan` — every hold tried left a conflict.
 */
export type ProposalFailureReason = 'inside-bases' | 'no-plan';

export interface ProposalFailure {
  readonly ok: false;
  readonly target: ProposalTarget;
  readonly reason: ProposalFailureReason;
  /** The same in a sentence (English, for logs and tests). */
  readonly detail: string;
}

export type ProposalResult = TrafficProposal | ProposalFailure;
