/**
 * A forecast's plain data: what the page hands in (the fleet as its source knows it, at a time of day) and what
 * each seed's hour comes back as, in 5-minute bins. Plain arrays and numbers, so comlink carries them.
 */

/** One AGV as the source reports it. */
export interface ForecastAgv {
  /** Zone frame (east, north), m. */
  readonly x: number;
  readonly y: number;
  readonly loaded: boolean;
  /** Lane node index (into the scene's `lanes.nodes`) of its order's goal, or -1 without one. */
  readonly goalNode: number;
  readonly paused: boolean;
  /**
   * Standing still now: its first move in the forecast is a start from rest, paying what getting going costs; the
   * simulation decides from load and goal what the AGV does next.
   */
  readonly standing: boolean;
}

export interface ForecastInput {
  /** Seconds since the gate's local midnight, in [0, 86400). */
  readonly timeOfDayS: number;
  readonly agvs: readonly ForecastAgv[];
}

export interface ForecastOptions {
  readonly seeds: readonly number[];
  /** Hours ahead (1 for the console's forecast). */
  readonly hours: number;
}

/** Width of a forecast bin, s. */
export const FORECAST_BIN_S = 300;
/** Times ahead (s) at which every AGV's position is kept, for scoring against a recording. */
export const FORECAST_POSITION_AFTER_S = [300, 900] as const;

/**
 * Per bin: trucks cleared and containers moved across in it; at its end, trucks waiting (queued at a checkpoint or
 * loading slots, or for their import container); AGV busy share and planner waits over it.
 */
export interface ForecastBins {
  readonly cleared: readonly number[];
  readonly containers: readonly number[];
  readonly trucksWaiting: readonly number[];
  readonly agvBusyShare: readonly number[];
  readonly plannerWaits: readonly number[];
}

export type ForecastMetric = keyof ForecastBins;

/** The counted metrics, whose bins sum to the hour's totals. */
export interface ForecastTotals {
  readonly cleared: number;
  readonly containers: number;
  readonly plannerWaits: number;
}

/** Every AGV's position (zone frame, m) `afterS` after the forecast's start, by input index. */
export interface ForecastPositions {
  readonly afterS: number;
  readonly x: readonly number[];
  readonly y: readonly number[];
}

export interface ForecastResult {
  readonly seed: number;
  /** Time of day the forecast starts and ends (s since midnight; the end may pass 86400). */
  readonly fromS: number;
  readonly toS: number;
  readonly binS: number;
  readonly bins: ForecastBins;
  readonly totals: ForecastTotals;
  readonly positions: readonly ForecastPositions[];
}

/** Per bin, over the seeds. */
export interface BinBand {
  readonly min: readonly number[];
  readonly median: readonly number[];
  readonly max: readonly number[];
}

export interface ForecastBand {
  readonly seeds: number;
  readonly fromS: number;
  readonly toS: number;
  readonly binS: number;
  readonly bins: Readonly<Record<ForecastMetric, BinBand>>;
  /** The hour's totals: lowest and highest over the seeds, and the median. */
  readonly totals: Readonly<Record<keyof ForecastTotals, readonly [number, number]>>;
  readonly medianTotals: ForecastTotals;
}
