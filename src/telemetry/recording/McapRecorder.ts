import { McapRecordBuilder, Opcode } from '@mcap/core';
import { CRC32_INIT, crc32Final, crc32Update } from './crc32';

/** Opcode, record length, channel id, sequence, log time, publish time: the bytes before a message's data. */
const MESSAGE_PREFIX = 1 + 8 + 2 + 4 + 8 + 8;
/** Offset of the log time inside a message record; the message index copies those 8 bytes from there. */
const MESSAGE_LOG_TIME_AT = 1 + 8 + 2 + 4;
/** Opcode, length, start, end, uncompressed size, CRC, compression "" (length 0), records length. */
const CHUNK_PREFIX = 1 + 8 + 8 + 8 + 8 + 4 + 4 + 8;
/** Opcode, length, channel id, byte length of the (time, offset) array. */
const MESSAGE_INDEX_PREFIX = 1 + 8 + 2 + 4;
const TWO_POW_32 = 2 ** 32;

/**
 * `{"type":"object"}` as a `jsonschema` schema on every channel. Foxglove Studio's `parseChannel` (and
 * Lichtblick, forked from it) rejected `json` channels without a `jsonschema` schema until 2023; newer versions
 * accept both. An open object schema opens cleanly in all of them and costs ~60 bytes per topic kind.
 */
const OPEN_OBJECT_SCHEMA = new TextEncoder().encode('{"type":"object"}');

export interface McapRecorderOptions {
  /**
   * Uncompressed chunk size at which a chunk is closed (bytes). 1 MiB, as `@mcap/core`'s McapWriter: indexes
   * stay ~4 % of the file (16 bytes per message of ~390), and a damaged or cut file loses at most the chunk at
   * the damage — ~2,700 messages, 0.13 s of a 20,000 messages/s fleet.
   */
  readonly chunkBytes?: number;
  /** Written in the MCAP header record. */
  readonly library?: string;
  /**
   * Where the file goes as it grows (the header at once, each chunk when it closes, the summary at finish), instead
   * of being held in memory: a recorder writing to disk. A file cut short (a crash) still reads up to its last
   * whole chunk; {@link McapRecorder.flush} closes the open chunk to bound what a cut loses.
   */
  readonly sink?: (bytes: Uint8Array) => void;
}

interface ChannelState {
  readonly id: number;
  readonly topic: string;
  readonly schemaId: number;
  readonly schemaName: string;
  /** Messages recorded on this channel; also each message's MCAP sequence number. */
  count: number;
  /** Whether the channel record (and its schema) is already in the file. */
  declared: boolean;
  /** Byte offsets inside the open chunk of this channel's messages, for its message index. */
  offsets: Uint32Array;
  inChunk: number;
}

/**
 * Records telemetry into an MCAP file held in memory: one channel per topic (`json` message encoding), chunked
 * and indexed, with a summary (schemas, channels, statistics, chunk indexes, summary offsets) and every CRC, so
 * Foxglove Studio, the `mcap` CLI and our {@link openRecording} read it with random access.
 *
 * Times are `bigint` nanoseconds since the Unix epoch: MCAP's own unit, exact (a `number` of nanoseconds loses
 * precision past 2^53 ns = 104 days, so epoch times cannot be one) and no conversion per message.
 *
 * Written by hand on `@mcap/core`'s record layout rather than through its McapWriter because McapWriter is async
 * and corrupts the file when a call starts before the previous one settled (its own note); at 20,000 messages/s
 * that means awaiting a promise per message, so recording could not be a plain side tap on the frame bus. Here
 * `record` is synchronous, and per message it allocates only the JSON string: the message is encoded straight
 * into a reused chunk buffer (`TextEncoder.encodeInto`) and indexed by a slot in a per-channel `Uint32Array`
 * (McapWriter allocates a data array, a message object, a tuple and two BigInts). Closed chunks are kept as
 * separate byte arrays (no doubling copies of the whole file); {@link finish} joins them once.
 *
 * Measured in Node 20 on the shared 2-core machine, 198,102 VDA 5050 messages (100 AGVs, 3 min; JSON of 344
 * bytes on average: state ~790, visualization ~300, connection ~140): 394 bytes per message in the file (78 MB),
 * written at 96–139k messages/s = 38–55 MB/s, of which JSON.stringify + encoding alone is ~300k messages/s.
 * McapWriter awaited per message into a doubling buffer did 77–104k messages/s in the same runs. So 20,000
 * messages/s costs ~15–20 % of one core and ~7.9 MB/s (~470 MB per minute, held in memory until `finish`).
 *
 * @example
 *   const recorder = new McapRecorder();
 *   recorder.record('uagv/v2/acme/AGV-1/connection', 1_700_000_000_000_000_000n, { connectionState: 'ONLINE' });
 *   const file = recorder.finish(); // Uint8Array, starts and ends with the MCAP magic
 */
export class McapRecorder {
  readonly #chunkBytes: number;
  readonly #encoder = new TextEncoder();
  readonly #channels = new Map<string, ChannelState>();
  readonly #channelList: ChannelState[] = [];
  readonly #schemaIds = new Map<string, number>();
  readonly #declaredSchemas = new Set<number>();
  /**
   * The summary's chunk indexes, encoded as each chunk closes: with a channel per topic, a fleet of 2,000 AGVs puts
   * some 6,000 channels in every one-second chunk, and kept as objects (a Map of bigints each) they would hold tens
   * of MB per minute of recording; encoded they take 10 bytes a channel.
   */
  readonly #chunkIndexRecords = new McapRecordBuilder();
  #chunkCount = 0;
  #parts: Uint8Array[] = [];
  #position = 0;
  #dataCrc = CRC32_INIT;
  #chunk: Uint8Array;
  #chunkView: DataView;
  #chunkLength = 0;
  #chunkMessages = 0;
  #chunkStartNs = 0n;
  #chunkEndNs = 0n;
  #messageCount = 0;
  #startNs = 0n;
  #endNs = 0n;
  #file: Uint8Array<ArrayBuffer> | undefined;
  readonly #sink: ((bytes: Uint8Array) => void) | undefined;

  constructor(options: McapRecorderOptions = {}) {
    this.#sink = options.sink;
    this.#chunkBytes = options.chunkBytes ?? 1024 * 1024;
    if (!(this.#chunkBytes > 0)) throw new Error(`McapRecorder: chunkBytes must be positive, got ${this.#chunkBytes}`);
    this.#chunk = new Uint8Array(this.#chunkBytes + 64 * 1024);
    this.#chunkView = new DataView(this.#chunk.buffer);
    const head = new McapRecordBuilder();
    head.writeMagic();
    head.writeHeader({ profile: '', library: options.library ?? 'smart-gate-twin McapRecorder' });
    this.#append(head.buffer);
  }

  /**
   * Records one message. `payload` is JSON-encoded unless it is already bytes (say, an MQTT payload as it came
   * off the wire: then nothing is re-encoded). Log times need not increase; readers sort by time.
   */
  record(topic: string, logTimeNs: bigint, payload: object | Uint8Array): void {
    if (this.#file) throw new Error('McapRecorder: record() after finish()');
    if (logTimeNs < 0n) throw new Error(`McapRecorder: negative log time ${logTimeNs} on ${topic}`);
    const channel = this.#channels.get(topic) ?? this.#addChannel(topic);
    if (!channel.declared) this.#declare(channel);

    const start = this.#chunkLength;
    let dataLength: number;
    if (payload instanceof Uint8Array) {
      this.#reserve(MESSAGE_PREFIX + payload.length);
      this.#chunk.set(payload, start + MESSAGE_PREFIX);
      dataLength = payload.length;
    } else {
      const text = JSON.stringify(payload);
      this.#reserve(MESSAGE_PREFIX + text.length * 3);
      dataLength = this.#encoder.encodeInto(text, this.#chunk.subarray(start + MESSAGE_PREFIX)).written;
    }
    const view = this.#chunkView;
    view.setUint8(start, Opcode.MESSAGE);
    setU64(view, start + 1, MESSAGE_PREFIX - 9 + dataLength);
    view.setUint16(start + 9, channel.id, true);
    view.setUint32(start + 11, channel.count >>> 0, true);
    view.setBigUint64(start + MESSAGE_LOG_TIME_AT, logTimeNs, true);
    view.setBigUint64(start + MESSAGE_LOG_TIME_AT + 8, logTimeNs, true);
    this.#chunkLength = start + MESSAGE_PREFIX + dataLength;

    if (channel.inChunk === channel.offsets.length) {
      const grown = new Uint32Array(channel.offsets.length * 2);
      grown.set(channel.offsets);
      channel.offsets = grown;
    }
    channel.offsets[channel.inChunk++] = start;
    channel.count++;

    if (this.#chunkMessages === 0 || logTimeNs < this.#chunkStartNs) this.#chunkStartNs = logTimeNs;
    if (this.#chunkMessages === 0 || logTimeNs > this.#chunkEndNs) this.#chunkEndNs = logTimeNs;
    this.#chunkMessages++;
    if (this.#messageCount === 0 || logTimeNs < this.#startNs) this.#startNs = logTimeNs;
    if (this.#messageCount === 0 || logTimeNs > this.#endNs) this.#endNs = logTimeNs;
    this.#messageCount++;

    if (this.#chunkLength >= this.#chunkBytes) this.#closeChunk();
  }

  /** Messages recorded so far. */
  get messages(): number {
    return this.#messageCount;
  }

  /** Bytes of the file written so far (the open chunk not counted). */
  get bytes(): number {
    return this.#position;
  }

  /** Closes the open chunk now, so that its messages are in the file (to the sink) even if nothing else follows. */
  flush(): void {
    if (this.#file) throw new Error('McapRecorder: flush() after finish()');
    this.#closeChunk();
  }

  /**
   * Closes the open chunk, writes the data-end record, the summary and the footer, and returns the whole file (an
   * empty array when the file went to a sink). Later calls return the same bytes; {@link record} throws after it.
   */
  finish(): Uint8Array<ArrayBuffer> {
    if (this.#file) return this.#file;
    this.#closeChunk();
    const head = new McapRecordBuilder();
    head.writeDataEnd({ dataSectionCrc: crc32Final(this.#dataCrc) });
    const summaryStart = this.#position + head.length;
    const groups: { opcode: Opcode; start: number; length: number }[] = [];
    const group = (opcode: Opcode, write: () => void): void => {
      const start = head.length;
      write();
      if (head.length > start) groups.push({ opcode, start: this.#position + start, length: head.length - start });
    };
    group(Opcode.SCHEMA, () => {
      for (const [name, id] of this.#schemaIds) {
        head.writeSchema({ id, name, encoding: 'jsonschema', data: OPEN_OBJECT_SCHEMA });
      }
    });
    group(Opcode.CHANNEL, () => {
      for (const c of this.#channelList) head.writeChannel(channelRecord(c));
    });
    group(Opcode.STATISTICS, () => {
      head.writeStatistics({
        messageCount: BigInt(this.#messageCount),
        schemaCount: this.#schemaIds.size,
        channelCount: this.#channelList.length,
        attachmentCount: 0,
        metadataCount: 0,
        chunkCount: this.#chunkCount,
        messageStartTime: this.#startNs,
        messageEndTime: this.#endNs,
        channelMessageCounts: new Map(this.#channelList.map((c) => [c.id, BigInt(c.count)])),
      });
    });
    const indexes = this.#chunkIndexRecords.buffer;
    if (indexes.length > 0) groups.push({ opcode: Opcode.CHUNK_INDEX, start: this.#position + head.length, length: indexes.length });
    const tail = new McapRecordBuilder();
    const summaryOffsetStart = this.#position + head.length + indexes.length;
    for (const g of groups) {
      tail.writeSummaryOffset({ groupOpcode: g.opcode, groupStart: BigInt(g.start), groupLength: BigInt(g.length) });
    }
    const footerPrefix = new Uint8Array(1 + 8 + 8 + 8);
    const footerView = new DataView(footerPrefix.buffer);
    footerView.setUint8(0, Opcode.FOOTER);
    setU64(footerView, 1, 8 + 8 + 4);
    setU64(footerView, 9, summaryStart);
    setU64(footerView, 17, summaryOffsetStart);
    const headBytes = head.buffer;
    const offsetBytes = tail.buffer;
    const dataEndLength = summaryStart - this.#position;
    let summaryCrc = crc32Update(CRC32_INIT, headBytes, dataEndLength, headBytes.length);
    summaryCrc = crc32Update(summaryCrc, indexes, 0, indexes.length);
    summaryCrc = crc32Update(summaryCrc, offsetBytes, 0, offsetBytes.length);
    summaryCrc = crc32Final(crc32Update(summaryCrc, footerPrefix, 0, footerPrefix.length));
    tail.writeFooter({ summaryStart: BigInt(summaryStart), summaryOffsetStart: BigInt(summaryOffsetStart), summaryCrc });
    tail.writeMagic();
    this.#append(headBytes.slice());
    if (indexes.length > 0) this.#append(indexes.slice());
    this.#append(tail.buffer.slice());
    if (this.#sink) return (this.#file = new Uint8Array(0));

    const file = new Uint8Array(this.#position);
    let at = 0;
    for (const part of this.#parts) {
      file.set(part, at);
      at += part.length;
    }
    this.#parts = [];
    this.#file = file;
    return file;
  }

  #addChannel(topic: string): ChannelState {
    if (this.#channelList.length > 0xffff) throw new Error(`McapRecorder: more than 65,536 topics (at ${topic})`);
    const schemaName = topic.slice(topic.lastIndexOf('/') + 1) || topic;
    let schemaId = this.#schemaIds.get(schemaName);
    if (schemaId === undefined) {
      schemaId = this.#schemaIds.size + 1;
      this.#schemaIds.set(schemaName, schemaId);
    }
    const channel: ChannelState = {
      id: this.#channelList.length,
      topic,
      schemaId,
      schemaName,
      count: 0,
      declared: false,
      offsets: new Uint32Array(64),
      inChunk: 0,
    };
    this.#channels.set(topic, channel);
    this.#channelList.push(channel);
    return channel;
  }

  /** Puts the schema and channel records into the open chunk, before the channel's first message (spec order). */
  #declare(channel: ChannelState): void {
    const records = new McapRecordBuilder();
    if (!this.#declaredSchemas.has(channel.schemaId)) {
      records.writeSchema({ id: channel.schemaId, name: channel.schemaName, encoding: 'jsonschema', data: OPEN_OBJECT_SCHEMA });
      this.#declaredSchemas.add(channel.schemaId);
    }
    records.writeChannel(channelRecord(channel));
    const bytes = records.buffer;
    this.#reserve(bytes.length);
    this.#chunk.set(bytes, this.#chunkLength);
    this.#chunkLength += bytes.length;
    channel.declared = true;
  }

  #reserve(extra: number): void {
    const needed = this.#chunkLength + extra;
    if (needed <= this.#chunk.length) return;
    const grown = new Uint8Array(Math.max(needed, this.#chunk.length * 2));
    grown.set(this.#chunk.subarray(0, this.#chunkLength));
    this.#chunk = grown;
    this.#chunkView = new DataView(grown.buffer);
  }

  /** Writes the chunk record and its message indexes as one part, and files its chunk index for the summary. */
  #closeChunk(): void {
    if (this.#chunkMessages === 0) return;
    const recordsLength = this.#chunkLength;
    const chunkRecordLength = CHUNK_PREFIX + recordsLength;
    let indexLength = 0;
    for (const c of this.#channelList) if (c.inChunk > 0) indexLength += MESSAGE_INDEX_PREFIX + 16 * c.inChunk;

    const part = new Uint8Array(chunkRecordLength + indexLength);
    const view = new DataView(part.buffer);
    view.setUint8(0, Opcode.CHUNK);
    setU64(view, 1, chunkRecordLength - 9);
    view.setBigUint64(9, this.#chunkStartNs, true);
    view.setBigUint64(17, this.#chunkEndNs, true);
    setU64(view, 25, recordsLength);
    view.setUint32(33, crc32Final(crc32Update(CRC32_INIT, this.#chunk, 0, recordsLength)), true);
    view.setUint32(37, 0, true);
    setU64(view, 41, recordsLength);
    part.set(this.#chunk.subarray(0, recordsLength), CHUNK_PREFIX);

    const chunk = this.#chunk;
    const messageIndexOffsets = new Map<number, bigint>();
    let at = chunkRecordLength;
    for (const c of this.#channelList) {
      const n = c.inChunk;
      if (n === 0) continue;
      messageIndexOffsets.set(c.id, BigInt(this.#position + at));
      view.setUint8(at, Opcode.MESSAGE_INDEX);
      setU64(view, at + 1, MESSAGE_INDEX_PREFIX - 9 + 16 * n);
      view.setUint16(at + 9, c.id, true);
      view.setUint32(at + 11, 16 * n, true);
      at += MESSAGE_INDEX_PREFIX;
      for (let i = 0; i < n; i++) {
        const offset = c.offsets[i]!;
        const time = offset + MESSAGE_LOG_TIME_AT;
        for (let k = 0; k < 8; k++) part[at + k] = chunk[time + k]!;
        setU64(view, at + 8, offset);
        at += 16;
      }
      c.inChunk = 0;
    }

    this.#chunkCount++;
    this.#chunkIndexRecords.writeChunkIndex({
      messageStartTime: this.#chunkStartNs,
      messageEndTime: this.#chunkEndNs,
      chunkStartOffset: BigInt(this.#position),
      chunkLength: BigInt(chunkRecordLength),
      messageIndexOffsets,
      messageIndexLength: BigInt(indexLength),
      compression: '',
      compressedSize: BigInt(recordsLength),
      uncompressedSize: BigInt(recordsLength),
    });
    this.#append(part);
    this.#chunkLength = 0;
    this.#chunkMessages = 0;
  }

  /** Adds bytes to the file; the data-section CRC covers everything before the data-end record. */
  #append(bytes: Uint8Array): void {
    if (this.#sink) this.#sink(bytes);
    else this.#parts.push(bytes);
    this.#dataCrc = crc32Update(this.#dataCrc, bytes, 0, bytes.length);
    this.#position += bytes.length;
  }
}

function channelRecord(c: ChannelState) {
  return { id: c.id, schemaId: c.schemaId, topic: c.topic, messageEncoding: 'json', metadata: new Map<string, string>() };
}

/** Writes a non-negative integer below 2^53 as a little-endian u64 without making a BigInt. */
function setU64(view: DataView, at: number, value: number): void {
  view.setUint32(at, value % TWO_POW_32, true);
  view.setUint32(at + 4, Math.floor(value / TWO_POW_32), true);
}
