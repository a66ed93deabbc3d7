/**
 * The reader interface every recording format implements, after Foxglove's IIterableSource: initialise once,
 * iterate a time range in log-time order, and fetch the latest message per topic at or before a time, which is
 * what a seek needs to rebuild the state without replaying from the start. A new file format is a new reader.
 *
 * Times are `bigint` nanoseconds since the Unix epoch (MCAP's unit); ranges are inclusive at both ends.
 */
export interface RecordedMessage {
  readonly topic: string;
  readonly logTimeNs: bigint;
  /** The payload as recorded: UTF-8 JSON for our files (see {@link decodeJson}). */
  readonly data: Uint8Array;
}

export interface TopicSummary {
  readonly topic: string;
  readonly messageCount: number;
  readonly messageEncoding: string;
}

/** Where reading stopped in a damaged file; every message wholly before `stoppedAtByte` was kept. */
export interface Damage {
  /** Offset of the first record that could not be read (the one cut short or failing its checks). */
  readonly stoppedAtByte: number;
  readonly reason: string;
}

export interface RecordingInfo {
  /** Sorted by topic name. */
  readonly topics: readonly TopicSummary[];
  readonly messageCount: number;
  /** First and last log time; both undefined when the recording holds no message. */
  readonly startNs: bigint | undefined;
  readonly endNs: bigint | undefined;
  /** Set when the file is damaged; playback covers what came before it. */
  readonly damage: Damage | undefined;
}

export interface MessageQuery {
  readonly start?: bigint;
  readonly end?: bigint;
  /** Only these topics; all when undefined. */
  readonly topics?: readonly string[];
}

export interface RecordingReader {
  initialize(): Promise<RecordingInfo>;
  /** Messages with `start <= logTimeNs <= end` in log-time order; ties keep the order they were recorded in. */
  messages(query?: MessageQuery): AsyncGenerator<RecordedMessage, void, void>;
  /** For each topic (all when undefined) that has one, its last message with `logTimeNs <= timeNs`. */
  latestBefore(timeNs: bigint, topics?: readonly string[]): Promise<ReadonlyMap<string, RecordedMessage>>;
}

const textDecoder = new TextDecoder();

/** Parses a recorded JSON payload. */
export function decodeJson(message: RecordedMessage): unknown {
  return JSON.parse(textDecoder.decode(message.data));
}

/** `1234567` → `"1,234,567"`, for the byte offsets in damage reports. */
export function formatBytes(n: number): string {
  return n.toLocaleString('en-US');
}
