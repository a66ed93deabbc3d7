import { McapStreamReader, type TypedMcapRecords } from '@mcap/core';
import { readForward, readRange, sizeOf, type RecordingBytes } from './byteSource';
import {
  formatBytes,
  type Damage,
  type MessageQuery,
  type RecordedMessage,
  type RecordingInfo,
  type RecordingReader,
  type TopicSummary,
} from './RecordingReader';

/** Opcode and record length: the bytes every MCAP record starts with. */
const RECORD_HEADER = 1 + 8;
/** Record names by opcode (MCAP spec), for damage reports. */
const RECORD_NAMES = [
  '',
  'Header',
  'Footer',
  'Schema',
  'Channel',
  'Message',
  'Chunk',
  'MessageIndex',
  'ChunkIndex',
  'Attachment',
  'AttachmentIndex',
  'Statistics',
  'Metadata',
  'MetadataIndex',
  'SummaryOffset',
  'DataEnd',
];

interface Scan {
  /** Every kept message, sorted by log time (stable: ties stay in file order). */
  readonly all: readonly RecordedMessage[];
  readonly byTopic: ReadonlyMap<string, readonly RecordedMessage[]>;
  readonly info: RecordingInfo;
}

interface OpenChunk {
  readonly start: number;
  readonly chunk: TypedMcapRecords['Chunk'];
  readonly messages: RecordedMessage[];
}

/**
 * Reads an MCAP file front to back with `@mcap/core`'s McapStreamReader, for files whose summary or index is
 * missing or untrustworthy: a recording cut short by a crash, or damaged in the middle. It keeps every message
 * of every record that passes its checks and stops at the first record that does not, reporting where
 * (`info.damage`). Checks: the reader's own (record framing, chunk CRC, channel before message) plus two it
 * skips — a chunk's declared uncompressed size and time range must match its contents — so that a flipped byte
 * anywhere in a chunk stops reading at that chunk.
 *
 * A damaged chunk is dropped whole: its CRC covers it whole, so none of its messages can be trusted. With 1 MiB
 * chunks that is at most ~0.13 s of a 20,000 messages/s recording.
 *
 * The scan runs once, on the first call; the kept messages are then held in memory (about the file's size, as
 * each message's bytes are copied out of its chunk), which is the price of random access without an index.
 * Measured in Node 20: 98–125 MB/s, 0.62–0.79 s for a 78 MB recording of 198,102 messages.
 *
 * @example
 *   const reader = new StreamRecordingReader(truncatedFile);
 *   const { damage } = await reader.initialize();
 *   damage?.reason; // "truncated at byte 1,234,567: the Chunk record at byte 1,200,001 declares …"
 */
export class StreamRecordingReader implements RecordingReader {
  readonly #source: RecordingBytes;
  #scan: Promise<Scan> | undefined;

  constructor(source: RecordingBytes) {
    this.#source = source;
  }

  async initialize(): Promise<RecordingInfo> {
    return (await this.#scanned()).info;
  }

  async *messages(query: MessageQuery = {}): AsyncGenerator<RecordedMessage, void, void> {
    const { all } = await this.#scanned();
    const topics = query.topics ? new Set(query.topics) : undefined;
    for (let i = query.start === undefined ? 0 : firstAtOrAfter(all, query.start); i < all.length; i++) {
      const m = all[i]!;
      if (query.end !== undefined && m.logTimeNs > query.end) return;
      if (!topics || topics.has(m.topic)) yield m;
    }
  }

  async latestBefore(timeNs: bigint, topics?: readonly string[]): Promise<ReadonlyMap<string, RecordedMessage>> {
    const { byTopic } = await this.#scanned();
    const latest = new Map<string, RecordedMessage>();
    for (const topic of topics ?? byTopic.keys()) {
      const list = byTopic.get(topic);
      const m = list?.[firstAtOrAfter(list, timeNs + 1n) - 1];
      if (m) latest.set(topic, m);
    }
    return latest;
  }

  #scanned(): Promise<Scan> {
    this.#scan ??= this.#read();
    return this.#scan;
  }

  async #read(): Promise<Scan> {
    const source = this.#source;
    const size = sizeOf(source);
    const reader = new McapStreamReader({ includeChunks: true, validateCrcs: true });
    const channels = new Map<number, { topic: string; encoding: string }>();
    const kept: RecordedMessage[] = [];
    let open: OpenChunk | undefined;
    let appended = 0;
    /** End of the last whole top-level record consumed, and where that record started. */
    let consumedEnd = 0;
    let recordStart = 0;
    let damage: Damage | undefined;

    const closeChunk = (): Damage | undefined => {
      if (!open) return undefined;
      const { start, chunk, messages } = open;
      open = undefined;
      const problem = chunkProblem(chunk, messages);
      if (problem) return { stoppedAtByte: start, reason: `corrupt Chunk record at byte ${formatBytes(start)}: ${problem}` };
      for (const m of messages) kept.push(m);
      return undefined;
    };

    if (size === 0) damage = { stoppedAtByte: 0, reason: 'the file is empty (0 bytes): not an MCAP recording' };
    const pieces = readForward(source, 0, size);
    while (!damage && !reader.done()) {
      let piece: IteratorResult<Uint8Array, void>;
      try {
        piece = await pieces.next();
      } catch (error) {
        damage = { stoppedAtByte: consumedEnd, reason: `reading the file failed at byte ${formatBytes(appended)}: ${messageOf(error)}` };
        break;
      }
      if (piece.done) break;
      reader.append(piece.value);
      appended += piece.value.length;
      for (;;) {
        let record;
        try {
          record = reader.nextRecord();
        } catch (error) {
          if (appended - reader.bytesRemaining() > consumedEnd) {
            damage = closeChunk() ?? (await unreadable(source, consumedEnd, messageOf(error)));
          } else {
            open = undefined;
            damage = { stoppedAtByte: recordStart, reason: `corrupt Chunk record at byte ${formatBytes(recordStart)}: ${messageOf(error)}` };
          }
          break;
        }
        if (!record) break;
        const position = appended - reader.bytesRemaining();
        if (position !== consumedEnd) {
          damage = closeChunk();
          if (damage) break;
          recordStart = consumedEnd;
          consumedEnd = position;
          if (record.type === 'Chunk') {
            open = { start: recordStart, chunk: record, messages: [] };
            continue;
          }
        }
        if (record.type === 'Channel') {
          channels.set(record.id, { topic: record.topic, encoding: record.messageEncoding });
        } else if (record.type === 'Message') {
          const m = { topic: channels.get(record.channelId)?.topic ?? '', logTimeNs: record.logTime, data: record.data };
          (open ? open.messages : kept).push(m);
        }
      }
    }
    await pieces.return();
    damage ??= closeChunk();
    if (!damage && !reader.done()) damage = await truncation(source, size, consumedEnd);
    if (!damage && appended < size) {
      damage = { stoppedAtByte: appended, reason: `${formatBytes(size - appended)} bytes after the footer, ignored` };
    }
    return summarise(kept, channels, damage);
  }
}

/** Why a chunk that passed the stream reader's checks still cannot be trusted, or undefined. */
function chunkProblem(chunk: TypedMcapRecords['Chunk'], messages: readonly RecordedMessage[]): string | undefined {
  if (chunk.compression === '' && BigInt(chunk.records.length) !== chunk.uncompressedSize) {
    return `declares ${chunk.uncompressedSize} uncompressed bytes but holds ${chunk.records.length}`;
  }
  if (messages.length === 0) return undefined;
  let min = messages[0]!.logTimeNs;
  let max = min;
  for (const m of messages) {
    if (m.logTimeNs < min) min = m.logTimeNs;
    if (m.logTimeNs > max) max = m.logTimeNs;
  }
  if (min !== chunk.messageStartTime || max !== chunk.messageEndTime) {
    return `declares messages from ${chunk.messageStartTime} to ${chunk.messageEndTime} ns but holds ${min} to ${max} ns`;
  }
  return undefined;
}

/** Describes a top-level record that the stream reader could not parse, naming it by its opcode byte. */
async function unreadable(source: RecordingBytes, at: number, message: string): Promise<Damage> {
  if (at === 0) return { stoppedAtByte: 0, reason: `not an MCAP file: ${message}` };
  const name = recordName((await readRange(source, at, at + 1))[0] ?? 0);
  return { stoppedAtByte: at, reason: `corrupt ${name} record at byte ${formatBytes(at)}: ${message}` };
}

/** Describes a file that ends before its footer: where, and which record was cut. */
async function truncation(source: RecordingBytes, size: number, at: number): Promise<Damage> {
  const prefix = `truncated at byte ${formatBytes(size)}`;
  if (at === 0) return { stoppedAtByte: 0, reason: `${prefix}: the file ends inside the MCAP magic and header` };
  if (at === size) return { stoppedAtByte: at, reason: `${prefix}: the file ends between records, before the footer` };
  if (size - at < RECORD_HEADER) {
    return { stoppedAtByte: at, reason: `${prefix}: the record at byte ${formatBytes(at)} is cut inside its 9-byte header` };
  }
  const head = await readRange(source, at, at + RECORD_HEADER);
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const name = recordName(view.getUint8(0));
  const declared = view.getBigUint64(1, true);
  if (name === 'Footer') {
    return { stoppedAtByte: at, reason: `${prefix}: the trailing magic after the Footer record at byte ${formatBytes(at)} is cut` };
  }
  return {
    stoppedAtByte: at,
    reason: `${prefix}: the ${name} record at byte ${formatBytes(at)} declares ${formatBytes(Number(declared))} bytes but only ${formatBytes(size - at - RECORD_HEADER)} follow (record length runs past the end)`,
  };
}

function summarise(kept: RecordedMessage[], channels: ReadonlyMap<number, { topic: string; encoding: string }>, damage: Damage | undefined): Scan {
  let sorted = true;
  for (let i = 1; i < kept.length && sorted; i++) sorted = kept[i - 1]!.logTimeNs <= kept[i]!.logTimeNs;
  if (!sorted) kept.sort((a, b) => (a.logTimeNs < b.logTimeNs ? -1 : a.logTimeNs > b.logTimeNs ? 1 : 0));
  const byTopic = new Map<string, RecordedMessage[]>();
  const encodings = new Map<string, string>();
  for (const { topic, encoding } of channels.values()) {
    byTopic.set(topic, []);
    encodings.set(topic, encoding);
  }
  for (const m of kept) byTopic.get(m.topic)?.push(m);
  const topics: TopicSummary[] = [...byTopic]
    .map(([topic, list]) => ({ topic, messageCount: list.length, messageEncoding: encodings.get(topic) ?? '' }))
    .sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
  return {
    all: kept,
    byTopic,
    info: { topics, messageCount: kept.length, startNs: kept[0]?.logTimeNs, endNs: kept.at(-1)?.logTimeNs, damage },
  };
}

function recordName(opcode: number): string {
  return RECORD_NAMES[opcode] || `opcode 0x${opcode.toString(16)}`;
}

/** Index of the first message with `logTimeNs >= t` (binary search). */
function firstAtOrAfter(list: readonly RecordedMessage[], t: bigint): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]!.logTimeNs < t) low = mid + 1;
    else high = mid;
  }
  return high;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
