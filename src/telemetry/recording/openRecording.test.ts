import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordSyntheticTraffic, syntheticMessages } from './fixtures/syntheticTraffic';
import { McapRecorder } from './McapRecorder';
import { openRecording } from './openRecording';
import { decodeJson, type RecordedMessage } from './RecordingReader';

const TRAFFIC = { agvs: 3, seconds: 30, chunkBytes: 16 * 1024 };
const originals = syntheticMessages(TRAFFIC);
const file = recordSyntheticTraffic(TRAFFIC);

interface Span {
  readonly start: number;
  readonly end: number;
  readonly opcode: number;
  /** For a chunk, its messages, counted from the message indexes that follow it. */
  messages: number;
}

/**
 * The file's top-level records, walked by the spec alone (opcode, u64 length): the magic and header as one span,
 * then one per record, the footer with the trailing magic. Independent of the code under test, so it can tell where a damaged record starts.
 */
function spans(bytes: Uint8Array): Span[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Span[] = [];
  let at = 8;
  let chunk: Span | undefined;
  while (at < bytes.length - 8) {
    const opcode = view.getUint8(at);
    const end = opcode === 0x02 ? bytes.length : at + 9 + Number(view.getBigUint64(at + 1, true));
    const span = { start: out.length === 0 ? 0 : at, end, opcode, messages: 0 };
    if (opcode === 0x06) chunk = span;
    if (opcode === 0x07 && chunk) chunk.messages += view.getUint32(at + 11, true) / 16;
    out.push(span);
    at = end;
  }
  return out;
}

const layout = spans(file);
const chunks = layout.filter((s) => s.opcode === 0x06);

/** Messages in the chunks that end at or before `byte`: what a reader stopping there must return. */
function wholeBefore(byte: number): number {
  return chunks.filter((c) => c.end <= byte).reduce((n, c) => n + c.messages, 0);
}

function spanAt(byte: number): Span {
  return layout.find((s) => s.start <= byte && byte < s.end)!;
}

async function collect(iterable: AsyncIterable<RecordedMessage>): Promise<RecordedMessage[]> {
  const out: RecordedMessage[] = [];
  for await (const m of iterable) out.push(m);
  return out;
}

async function expectPrefix(read: readonly RecordedMessage[], count: number): Promise<void> {
  expect(read.length).toBe(count);
  read.forEach((m, i) => {
    const o = originals[i]!;
    expect([m.topic, m.logTimeNs]).toEqual([o.topic, o.logTimeNs]);
    expect(decodeJson(m)).toEqual(o.payload);
  });
}

describe('openRecording on damaged files', () => {
  it('walks the sample as the spec says: magic and header, then chunks each followed by their indexes', () => {
    expect(chunks.length).toBeGreaterThan(20);
    expect(chunks.reduce((n, c) => n + c.messages, 0)).toBe(originals.length);
    expect(layout.at(-1)!.opcode).toBe(0x02);
  });

  it('plays a truncated file up to the cut and says which record was cut', async () => {
    const edges = [0, 1, 7, 8, layout[0]!.end, layout[0]!.end + 1, ...chunks.flatMap((c) => [c.start, c.start + 5, c.end - 1])];
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ min: 0, max: file.length - 1 }), fc.constantFrom(...edges)), async (cut) => {
        const { reader, info, kind, why } = await openRecording(file.subarray(0, cut));
        expect(kind).toBe('stream');
        expect(why).toMatch(/^index not used \(/);
        const stopped = cut === 0 ? 0 : spanAt(cut).start;
        expect(info.damage?.stoppedAtByte).toBe(stopped);
        expect(info.damage?.reason).toMatch(cut === 0 ? /empty/ : /^truncated at byte [\d,]+: /);
        await expectPrefix(await collect(reader.messages()), wholeBefore(stopped));
        expect(info.messageCount).toBe(wholeBefore(stopped));
      }),
      { numRuns: 60 },
    );
  });

  it('names the cut record and its declared length', async () => {
    const c = chunks[3]!;
    const { info } = await openRecording(file.subarray(0, c.start + 100));
    expect(info.damage?.reason).toBe(
      `truncated at byte ${(c.start + 100).toLocaleString('en-US')}: the Chunk record at byte ${c.start.toLocaleString('en-US')} declares ${(c.end - c.start - 9).toLocaleString('en-US')} bytes but only 91 follow (record length runs past the end)`,
    );
  });

  it('stops at a chunk with a corrupted byte and keeps every chunk before it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: chunks.length - 1 }),
        fc.oneof(fc.integer({ min: 9, max: 48 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
        fc.integer({ min: 1, max: 255 }),
        async (which, where, xor) => {
          const c = chunks[which]!;
          // Half the flips land in the chunk's fields (times, sizes, CRC, compression), half in its records.
          const at = Number.isInteger(where) && where >= 9 ? c.start + where : c.start + 49 + Math.floor(where * (c.end - c.start - 49));
          const damaged = file.slice();
          damaged[at]! ^= xor;
          const { reader, info, kind, why } = await openRecording(damaged);
          expect(kind).toBe('stream');
          expect(why).toMatch(/^index not used \(data-section CRC mismatch/);
          expect(info.damage?.stoppedAtByte).toBe(c.start);
          expect(info.damage?.reason).toMatch(/^corrupt Chunk record at byte [\d,]+: /);
          await expectPrefix(await collect(reader.messages()), wholeBefore(c.start));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('never throws and never plays a damaged index, wherever one byte is flipped', async () => {
    const known = new Set(originals.map((m) => `${m.topic}@${m.logTimeNs}`));
    let chunkDamageSeen = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: file.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
        const damaged = file.slice();
        damaged[at]! ^= xor;
        const { reader, info, kind } = await openRecording(damaged);
        expect(kind).toBe('stream');
        const read = await collect(reader.messages());
        expect(read.length).toBe(info.messageCount);
        for (const m of read) expect(known.has(`${m.topic}@${m.logTimeNs}`)).toBe(true);
        if (info.damage && spanAt(at).opcode === 0x06) {
          expect(info.damage.stoppedAtByte).toBeLessThanOrEqual(at);
          chunkDamageSeen++;
        }
      }),
      { numRuns: 60 },
    );
    // Chunks are most of the file: some flips must have landed in one and been caught, or the check above never ran.
    expect(chunkDamageSeen).toBeGreaterThan(0);
  });

  it('gives clear results for an empty recording, a zero-length file and a foreign file', async () => {
    const empty = await openRecording(new McapRecorder().finish());
    expect(empty.kind).toBe('indexed');
    expect(empty.info).toEqual({ topics: [], messageCount: 0, startNs: undefined, endNs: undefined, damage: undefined });
    expect(await collect(empty.reader.messages())).toEqual([]);
    expect((await empty.reader.latestBefore(10n)).size).toBe(0);

    const zero = await openRecording(new Uint8Array(0));
    expect(zero.kind).toBe('stream');
    expect(zero.info.damage).toEqual({ stoppedAtByte: 0, reason: 'the file is empty (0 bytes): not an MCAP recording' });
    expect(zero.info.messageCount).toBe(0);

    const foreign = await openRecording(new TextEncoder().encode('{"not":"an mcap file, but long enough to look at"}'));
    expect(foreign.info.damage?.stoppedAtByte).toBe(0);
    expect(foreign.info.damage?.reason).toMatch(/^not an MCAP file: Expected MCAP magic/);
  });

  it('reads a damaged Blob as it reads damaged bytes', async () => {
    const cut = chunks[10]!.start + 1234;
    const fromBytes = await openRecording(file.subarray(0, cut));
    const fromBlob = await openRecording(new Blob([file.subarray(0, cut)]));
    expect(fromBlob.info).toEqual(fromBytes.info);
    expect((await collect(fromBlob.reader.messages())).length).toBe(wholeBefore(chunks[10]!.start));
  });
});
