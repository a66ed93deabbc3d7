/**
 * The operations console's traffic prediction (zustand, React-free): the horizon and whether every AGV's
 * predicted route is drawn (settings), and the latest prediction round as the page keeps it (a snapshot). The
 * snapshot is copied out of the shared prediction buffers once a round (about once a second), so the view and the
 * panels read a consistent round while the workers write the next; nothing here changes per frame.
 */
import { createStore } from 'zustand/vanilla';
import traffic from '../../../data/traffic.json' with { type: 'json' };
import type { BlockedReason, ConflictKind } from '../../domain/trafficFindings';
import type { ProposalFailureReason } from '../../domain/trafficProposal';
import type { ForecastBand } from '../../sim/forecast/forecastTypes';
import type { ForecastError } from '../../telemetry/replay/forecastError';

export interface ConflictView {
  /** Vehicle keys (`manufacturer/serial`), from the wire: show as text. */
  readonly a: string;
  readonly b: string;
  readonly kind: ConflictKind;
  /** Seconds from the snapshot's clock, nominal and its uncertainty. */
  readonly inS: number;
  readonly earliestS: number;
  readonly latestS: number;
  readonly x: number;
  readonly y: number;
}

export interface DeadlockView {
  readonly agvs: readonly string[];
  readonly inS: number;
  readonly x: number;
  readonly y: number;
}

export interface BlockedView {
  readonly agv: string;
  readonly reason: BlockedReason;
  /** Lane node id where the route is blocked, or the reported id of a node the scene does not know. */
  readonly nodeId?: string;
  readonly by?: string;
  readonly inS: number;
  readonly x: number;
  readonly y: number;
}

/** What a proposal resolves, with vehicle keys. */
export type ProposalTargetView =
  { readonly kind: 'conflict'; readonly a: string; readonly b: string } | { readonly kind: 'deadlock'; readonly agvs: readonly string[] };

/** One AGV of a proposal told to wait at a lane node until a source time (s). */
export interface HoldView {
  readonly agv: string;
  readonly nodeId: string;
  readonly untilS: number;
  /** Whether the twin releases this AGV's route itself (an order it sent), so that it can carry the hold out. */
  readonly committed: boolean;
}

/**
 * A resolution proposal for one predicted conflict or deadlock, keyed by vehicle: the holds, what each AGV it was
 * checked for loses (s), and the planned routes to draw as ghosts; or, when none was found, why.
 */
export type ProposalView =
  | {
      readonly id: string;
      readonly ok: true;
      readonly target: ProposalTargetView;
      readonly holds: readonly HoldView[];
      readonly agvs: readonly { readonly agv: string; readonly delayS: number }[];
      readonly totalDelayS: number;
      readonly savesS: number;
      readonly sampleS: number;
      readonly ghosts: readonly { readonly agv: string; readonly px: Float32Array; readonly py: Float32Array }[];
    }
  | { readonly id: string; readonly ok: false; readonly target: ProposalTargetView; readonly reason: ProposalFailureReason };

/**
 * One prediction round, keyed by vehicle. Route arrays are copies in fleet-table order (`keys[i]` is AGV i):
 * `route[i * routeCap + k]` its k-th lane node ahead (-1: unknown to the scene), `nodeS` the predicted seconds
 * until it gets there (NaN: never), the first `baseLen[i]` released.
 */
export interface TrafficSnapshot {
  /** Source clock (s) of the fleet the round predicted from. */
  readonly clockS: number;
  readonly horizonS: number;
  readonly keys: readonly string[];
  readonly routeCap: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly routeLen: Int32Array;
  readonly baseLen: Int32Array;
  readonly route: Int32Array;
  readonly nodeS: Float32Array;
  /** Seconds until each AGV reaches its route's last node (NaN without a route). */
  readonly etaS: Float64Array;
  readonly conflicts: readonly ConflictView[];
  readonly deadlocks: readonly DeadlockView[];
  readonly blocked: readonly BlockedView[];
  /** A proposal (or why there is none) for each conflict and deadlock, in their order. */
  readonly proposals: readonly ProposalView[];
  /** Wall-clock milliseconds the round took (pack, routes, conflicts), for the diagnostics. */
  readonly roundMs: number;
}

/** A replayed forecast's score against the recording after its start. */
export interface ForecastScore {
  /** Figures the recording could not score are absent. */
  readonly error?: ForecastError;
  /** Seconds after the forecast's start the recording covers; absent when it could not be read. */
  readonly coveredS?: number;
  /** Why a figure is missing (the recording ends too soon, or reading it failed), as text. */
  readonly reason?: string;
}

/** The console's one-hour forecast: running (with progress), done (the band over the seeds), or failed. */
export type ForecastView =
  | { readonly status: 'running'; readonly fromS: number; readonly seedsDone: number; readonly seeds: number }
  | {
      readonly status: 'done';
      /** Source clock (s) the forecast starts from and ends at. */
      readonly fromS: number;
      readonly toS: number;
      readonly band: ForecastBand;
      /** Wall-clock milliseconds the run took. */
      readonly wallMs: number;
      /** Replay only: the score, once the recording has been read. */
      readonly score?: ForecastScore;
    }
  | { readonly status: 'failed'; readonly reason: string };

export interface TrafficState {
  readonly horizonS: number;
  /** Draw every AGV's predicted route, not only the selected one's. */
  readonly showAll: boolean;
  readonly snapshot?: TrafficSnapshot;
  /** Why prediction is not running (a worker failed to start or threw), as text for the problems list. */
  readonly failure?: string;
  readonly forecast?: ForecastView;
  /** The proposal whose ghost routes the map shows (its id), if any. */
  readonly shownProposal?: string;
}

export interface TrafficActions {
  setHorizon(seconds: number): void;
  setShowAll(on: boolean): void;
  publish(snapshot: TrafficSnapshot | undefined): void;
  fail(reason: string | undefined): void;
  setForecast(forecast: ForecastView | undefined): void;
  showProposal(id: string | undefined): void;
}

export type TrafficStore = ReturnType<typeof createTrafficStore>;

/** Horizons offered in the console (s). */
export const HORIZON_CHOICES: readonly number[] = traffic.horizonChoicesS.value;
export const DEFAULT_HORIZON_S: number = traffic.horizonS.value;

export function createTrafficStore(initial: Partial<Pick<TrafficState, 'horizonS' | 'showAll'>> = {}) {
  return createStore<TrafficState & TrafficActions>()((set) => ({
    horizonS: initial.horizonS ?? DEFAULT_HORIZON_S,
    showAll: initial.showAll ?? false,
    setHorizon: (seconds) => {
      if (!(seconds > 0)) throw new RangeError(`horizon ${seconds} s: expected a positive number of seconds`);
      set({ horizonS: seconds });
    },
    setShowAll: (on) => set({ showAll: on }),
    publish: (snapshot) => set({ snapshot }),
    fail: (reason) => set(reason === undefined ? { failure: undefined } : { failure: reason }),
    setForecast: (forecast) => set({ forecast }),
    showProposal: (id) => set({ shownProposal: id }),
  }));
}
