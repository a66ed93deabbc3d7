/**
 * What a recording shows over the hour after a time T, for scoring a forecast made at T: every vehicle's
 * position (zone frame, by `manufacturer/serial`) at T + 5 and T + 15 min, and the containers moved per 5-minute
 * bin (a vehicle whose state goes from carrying a load to carrying none has delivered one). Read through its own
 * fleet feed from the reader, so playback is not disturbed. Only the part the recording covers is reported: a
 * position past its end is left out, and bins count only whole 5 minutes within it.
 *
 * @example
 *   const truth = await recordingTruth(reader, topics, feedOptions, fromNs, info.endNs);
 *   truth.positions[0]!.at['acme/AGV-1']; // { x, y } at T + 300 s
 */
import { FORECAST_BIN_S, FORECAST_POSITION_AFTER_S } from '../../sim/forecast/forecastTypes';
import { FleetFeed, type FleetFeedOptions } from '../FleetFeed';
import type { RecordedMessage, RecordingReader } from '../recording/RecordingReader';

/** How far after T a recording is read (s). */
export const TRUTH_HORIZON_S = 3600;

export interface RecordedPositions {
  readonly afterS: number;
  readonly at: Readonly<Record<string, { readonly x: number; readonly y: number }>>;
}

export interface RecordingTruth {
  /** T, s since the epoch. */
  readonly fromS: number;
  /** Seconds after T the recording covers (at most {@link TRUTH_HORIZON_S}). */
  readonly coveredS: number;
  readonly binS: number;
  /** Containers moved in each whole bin the recording covers. */
  readonly containersPerBin: readonly number[];
  /** At +300 s and +900 s, those the recording reaches. */
  readonly positions: readonly RecordedPositions[];
}

const NS_PER_S = 1_000_000_000n;
const toMs = (ns: bigint): number => Number(ns / 1_000_000n) + Number(ns % 1_000_000n) / 1e6;

export async function recordingTruth(
  reader: RecordingReader,
  topics: readonly string[],
  options: FleetFeedOptions,
  fromNs: bigint,
  recordingEndNs: bigint,
): Promise<RecordingTruth> {
  const feed = new FleetFeed({ maps: options.maps, capacity: options.capacity, staleAfterMs: options.staleAfterMs, facilityCount: options.facilityCount });
  const table = feed.table;
  const apply = (m: RecordedMessage) => feed.receive(m.topic, m.data, toMs(m.logTimeNs));
  const latest = [...(await reader.latestBefore(fromNs, topics)).values()].sort((a, b) =>
    a.logTimeNs < b.logTimeNs ? -1 : a.logTimeNs > b.logTimeNs ? 1 : 0,
  );
  for (const m of latest) apply(m);
  const coveredS = Math.max(0, Math.min(TRUTH_HORIZON_S, Number(recordingEndNs - fromNs) / 1e9));
  const bins = new Array<number>(Math.floor(coveredS / FORECAST_BIN_S)).fill(0);
  const pending = FORECAST_POSITION_AFTER_S.filter((s) => s <= coveredS);
  const positions: RecordedPositions[] = [];
  const snapshot = (afterS: number) => {
    const at: Record<string, { x: number; y: number }> = {};
    for (let i = 0; i < table.count; i++) if (table.placed[i]) at[table.keys[i]!] = { x: table.x[i]!, y: table.y[i]! };
    positions.push({ afterS, at });
  };
  const wasLoaded = Uint8Array.from(table.loaded);
  for await (const m of reader.messages({ start: fromNs + 1n, end: fromNs + BigInt(TRUTH_HORIZON_S) * NS_PER_S, topics })) {
    while (pending.length > 0 && m.logTimeNs > fromNs + BigInt(pending[0]!) * NS_PER_S) snapshot(pending.shift()!);
    if (apply(m).kind !== 'state') continue;
    const bin = Math.floor(Number(m.logTimeNs - fromNs) / 1e9 / FORECAST_BIN_S);
    for (let i = 0; i < table.count; i++) {
      if (wasLoaded[i] === 1 && table.loaded[i] === 0 && bin < bins.length) bins[bin]!++;
      wasLoaded[i] = table.loaded[i]!;
    }
  }
  for (const afterS of pending) snapshot(afterS);
  return { fromS: toMs(fromNs) / 1000, coveredS, binS: FORECAST_BIN_S, containersPerBin: bins, positions };
}
