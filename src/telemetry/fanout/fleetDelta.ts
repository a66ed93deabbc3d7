/**
 * The control-room server's binary fleet frames: what changed in a packed frame (domain/packedFrame) since the
 * last frame sent to that console. Little-endian, 4-byte words:
 *
 *     f64 packedAtMs · u32 seq · u32 runCount · runCount × (u32 start · u32 length · length × 32-bit word)
 *
 * A run is a stretch of the packed frame's floats, copied as their bits (so a NaN is sent as itself and an
 * unchanged NaN is not sent again). Runs closer than {@link MERGE_GAP} unchanged words are sent as one: a run's own
 * header costs two words. The first frame to a console is the whole frame; a frame with nothing changed is not sent.
 */

export const HEADER_BYTES = 16;
/** Unchanged words between two changed stretches below which they go as one run (a run header is two words). */
const MERGE_GAP = 2;

/** One console's side of the server: the frame as that console last received it. */
export class DeltaEncoder {
  private readonly sent: Uint32Array;
  private first = true;
  /** Changed stretches of the latest frame: [start, end) pairs, reused frame to frame. */
  private readonly runs: Uint32Array;

  constructor(readonly length: number) {
    this.sent = new Uint32Array(length);
    this.runs = new Uint32Array(length + 2);
  }

  /**
   * The bytes that bring this console from what it last received to `frame` (the whole frame the first time), and
   * remembers them as sent; undefined when nothing changed.
   */
  encode(frame: Float32Array, packedAtMs: number, seq: number): Uint8Array<ArrayBuffer> | undefined {
    if (frame.length !== this.length) throw new Error(`fleet frame of ${frame.length} floats given to an encoder of ${this.length}`);
    const words = new Uint32Array(frame.buffer, frame.byteOffset, frame.length);
    const runs = this.runs;
    let n = 0;
    if (this.first) {
      runs[0] = 0;
      runs[1] = this.length;
      n = this.length > 0 ? 1 : 0;
    } else {
      const sent = this.sent;
      let i = 0;
      while (i < words.length) {
        if (words[i] === sent[i]) {
          i++;
          continue;
        }
        let end = i + 1;
        while (end < words.length && words[end] !== sent[end]) end++;
        if (n > 0 && i - runs[2 * n - 1]! <= MERGE_GAP) runs[2 * n - 1] = end;
        else {
          runs[2 * n] = i;
          runs[2 * n + 1] = end;
          n++;
        }
        i = end;
      }
    }
    if (n === 0) return undefined;
    let size = HEADER_BYTES;
    for (let r = 0; r < n; r++) size += 8 + 4 * (runs[2 * r + 1]! - runs[2 * r]!);
    const out = new ArrayBuffer(size);
    const head = new DataView(out);
    head.setFloat64(0, packedAtMs, true);
    head.setUint32(8, seq >>> 0, true);
    head.setUint32(12, n, true);
    const body = new Uint32Array(out);
    let at = HEADER_BYTES / 4;
    for (let r = 0; r < n; r++) {
      const start = runs[2 * r]!;
      const end = runs[2 * r + 1]!;
      body[at++] = start;
      body[at++] = end - start;
      body.set(words.subarray(start, end), at);
      at += end - start;
    }
    this.sent.set(words);
    this.first = false;
    return new Uint8Array(out);
  }
}

export interface DeltaHeader {
  readonly packedAtMs: number;
  readonly seq: number;
  /** Words of the frame this delta changed. */
  readonly changed: number;
}

/**
 * Applies a frame from the server to `into` (the console's copy of the packed frame). A malformed frame throws,
 * naming what is wrong, and leaves `into` untouched.
 */
export function applyDelta(bytes: ArrayBuffer | Uint8Array, into: Float32Array): DeltaHeader {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view.byteLength < HEADER_BYTES) throw new Error(`fleet frame of ${view.byteLength} bytes: shorter than its ${HEADER_BYTES}-byte header`);
  if (view.byteLength % 4 !== 0) throw new Error(`fleet frame of ${view.byteLength} bytes: not whole 4-byte words`);
  // The words of a frame that arrived at an odd offset are copied once, so that they can be read as 32-bit words.
  const aligned = view.byteOffset % 4 === 0 ? view : view.slice();
  const head = new DataView(aligned.buffer, aligned.byteOffset, aligned.byteLength);
  const packedAtMs = head.getFloat64(0, true);
  const seq = head.getUint32(8, true);
  const runCount = head.getUint32(12, true);
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
  const target = new Uint32Array(into.buffer, into.byteOffset, into.length);
  let at = HEADER_BYTES / 4;
  for (let r = 0; r < runCount; r++) {
    if (at + 2 > words.length) throw new Error(`fleet frame ${seq}: run ${r + 1} of ${runCount} is cut off`);
    const start = words[at]!;
    const length = words[at + 1]!;
    if (start + length > target.length)
      throw new Error(`fleet frame ${seq}: run ${r + 1} reaches word ${start + length} of a ${target.length}-word frame`);
    if (at + 2 + length > words.length) throw new Error(`fleet frame ${seq}: run ${r + 1} has ${length} words, the frame holds ${words.length - at - 2}`);
    at += 2 + length;
  }
  if (at !== words.length) throw new Error(`fleet frame ${seq}: ${4 * (words.length - at)} bytes after its last run`);
  at = HEADER_BYTES / 4;
  let changed = 0;
  for (let r = 0; r < runCount; r++) {
    const start = words[at]!;
    const length = words[at + 1]!;
    target.set(words.subarray(at + 2, at + 2 + length), start);
    changed += length;
    at += 2 + length;
  }
  return { packedAtMs, seq, changed };
}
