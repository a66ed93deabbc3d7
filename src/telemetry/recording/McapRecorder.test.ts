import { McapIndexedReader, McapStreamReader, MCAP_MAGIC } from '@mcap/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readableOf } from './byteSource';
import { recordSyntheticTraffic, syntheticMessages, type TrafficMessage } from './fixtures/syntheticTraffic';
import { McapRecorder } from './McapRecorder';
import { openRecording } from './openRecording';
import { decodeJson, type RecordedMessage, type RecordingReader } from './RecordingReader';
import { StreamRecordingReader } from './StreamRecordingReader';

const TRAFFIC = { agvs: 5, seconds: 60, chunkBytes: 16 * 1024 };
const originals = syntheticMessages(TRAFFIC);
const file = recordSyntheticTraffic(TRAFFIC);
const topics = [...new Set(originals.map((m) => m.topic))].sort();
const first = originals[0]!.logTimeNs;
const last = originals.at(-1)!.logTimeNs;

async function collect(iterable: AsyncIterable<RecordedMessage>): Promise<RecordedMessage[]> {
  const out: RecordedMessage[] = [];
  for await (const m of iterable) out.push(m);
  return out;
}

function expectSame(read: readonly RecordedMessage[], expected: readonly TrafficMessage[]): void {
  expect(read.map((m) => `${m.topic}@${m.logTimeNs}`)).toEqual(expected.map((m) => `${m.topic}@${m.logTimeNs}`));
  read.forEach((m, i) => expect(decodeJson(m)).toEqual(expected[i]!.payload));
}

/** A time anywhere from 1 s before the first message to 1 s after the last, often exactly on a message. */
const anyTime = fc.oneof(
  fc.bigInt({ min: first - 1_000_000_000n, max: last + 1_000_000_000n }),
  fc.integer({ min: 0, max: originals.length - 1 }).map((i) => originals[i]!.logTimeNs),
);

describe('McapRecorder writes a file other MCAP readers accept', () => {
  it('starts and ends with the magic, and @mcap/core reads it indexed and streamed with every CRC checked', async () => {
    expect(originals.length).toBe(3274);
    expect([...file.subarray(0, 8)]).toEqual(MCAP_MAGIC);
    expect([...file.subarray(file.length - 8)]).toEqual(MCAP_MAGIC);

    const indexed = await McapIndexedReader.Initialize({ readable: readableOf(file) });
    expect(indexed.statistics?.messageCount).toBe(BigInt(originals.length));
    expect(indexed.chunkIndexes.length).toBeGreaterThan(50);
    expect([...indexed.channelsById.values()].map((c) => c.topic).sort()).toEqual(topics);
    for (const c of indexed.channelsById.values()) {
      expect(c.messageEncoding).toBe('json');
      expect(indexed.schemasById.get(c.schemaId)?.encoding).toBe('jsonschema');
      expect(indexed.schemasById.get(c.schemaId)?.name).toBe(c.topic.split('/').at(-1));
    }
    let n = 0;
    for await (const m of indexed.readMessages({ validateCrcs: true })) expect(m.logTime).toBe(originals[n++]!.logTimeNs);
    expect(n).toBe(originals.length);

    const stream = new McapStreamReader({ validateCrcs: true });
    stream.append(file);
    let streamed = 0;
    for (let r; (r = stream.nextRecord());) if (r.type === 'Message') streamed++;
    expect(stream.done()).toBe(true);
    expect(streamed).toBe(originals.length);
  });

  it('passes bytes through untouched and keeps out-of-order times sorted on reading', async () => {
    const recorder = new McapRecorder();
    const raw = new TextEncoder().encode('{"already":"encoded"}');
    recorder.record('a', 20n, raw);
    recorder.record('b', 10n, { late: true });
    const { reader, info } = await openRecording(recorder.finish());
    expect([info.startNs, info.endNs, info.messageCount]).toEqual([10n, 20n, 2]);
    const read = await collect(reader.messages());
    expect(read.map((m) => m.topic)).toEqual(['b', 'a']);
    expect(read[1]!.data).toEqual(raw);
    expect(() => recorder.record('a', 30n, {})).toThrow(/after finish/);
  });

  it('writes to a sink the same bytes it would hold, and a file cut after a flush reads up to the flush', async () => {
    const parts: Uint8Array[] = [];
    const sinkRecorder = new McapRecorder({ sink: (b) => parts.push(b.slice()) });
    const held = new McapRecorder();
    const messages = originals.slice(0, 200);
    for (const r of [sinkRecorder, held]) for (const m of messages.slice(0, 150)) r.record(m.topic, m.logTimeNs, m.payload);
    sinkRecorder.flush();
    held.flush();
    const cutAt = sinkRecorder.bytes;
    expect(sinkRecorder.messages).toBe(150);
    for (const r of [sinkRecorder, held]) for (const m of messages.slice(150)) r.record(m.topic, m.logTimeNs, m.payload);
    expect(sinkRecorder.finish()).toEqual(new Uint8Array(0));
    const whole = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (whole.set(p, at), at + p.length), 0);
    expect(whole).toEqual(held.finish());

    // Killed after the flush: the file ends mid-way, and reads up to the damage with the first 150 messages.
    const cut = await openRecording(whole.slice(0, cutAt + 100));
    expect(cut.info.damage).toBeDefined();
    expectSame(
      await collect(cut.reader.messages()),
      [...messages.slice(0, 150)].sort((a, b) => Number(a.logTimeNs - b.logTimeNs)),
    );
  });

  it('rejects negative times rather than wrapping them', () => {
    expect(() => new McapRecorder().record('a', -1n, {})).toThrow(/negative/);
  });
});

describe.each([
  ['indexed', async () => (await openRecording(file)).reader],
  ['stream', async () => new StreamRecordingReader(file)],
  ['indexed over a Blob', async () => (await openRecording(new Blob([file]))).reader],
] as const)('the %s reader reads back exactly what was recorded', (_, open) => {
  let reader: RecordingReader;
  const opened = open().then((r) => (reader = r));

  it('reports topics, counts and the time range', async () => {
    await opened;
    const info = await reader.initialize();
    expect(info.topics.map((t) => t.topic)).toEqual(topics);
    for (const t of info.topics) {
      expect(t.messageCount).toBe(originals.filter((m) => m.topic === t.topic).length);
      expect(t.messageEncoding).toBe('json');
    }
    expect([info.messageCount, info.startNs, info.endNs, info.damage]).toEqual([originals.length, first, last, undefined]);
  });

  it('iterates everything in log-time order, ties in recorded order', async () => {
    await opened;
    expectSame(await collect(reader.messages()), originals);
  });

  it('filters by time range (inclusive) and topics exactly', async () => {
    await opened;
    await fc.assert(
      fc.asyncProperty(anyTime, anyTime, fc.option(fc.subarray(topics), { nil: undefined }), async (a, b, only) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const expected = originals.filter((m) => m.logTimeNs >= start && m.logTimeNs <= end && (!only || only.includes(m.topic)));
        expectSame(await collect(reader.messages({ start, end, topics: only })), expected);
      }),
      { numRuns: 25 },
    );
  });

  it('finds the latest message per topic at or before any time, as a scan from the start does', async () => {
    await opened;
    await fc.assert(
      fc.asyncProperty(anyTime, fc.option(fc.subarray(topics, { minLength: 1 }), { nil: undefined }), async (t, only) => {
        const expected = new Map<string, TrafficMessage>();
        for (const m of originals) if (m.logTimeNs <= t && (!only || only.includes(m.topic))) expected.set(m.topic, m);
        const latest = await reader.latestBefore(t, only);
        expect([...latest.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [topic, m] of latest) {
          expect(m.logTimeNs).toBe(expected.get(topic)!.logTimeNs);
          expect(decodeJson(m)).toEqual(expected.get(topic)!.payload);
        }
      }),
      { numRuns: 40 },
    );
  });
});
