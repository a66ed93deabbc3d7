import type { IReadable } from '@mcap/core';

/**
 * What a recording can be read from: bytes in memory, or anything shaped like a `Blob` — a browser `File`
 * from a file input or a drop, or a `Blob` of a `fetch` response — read slice by slice so a large file is never
 * held twice. An HTTP range reader fits the same shape later (`size` from a HEAD, `slice` as a range request).
 */
export interface BlobLike {
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

export type RecordingBytes = Uint8Array | BlobLike;

export function sizeOf(source: RecordingBytes): number {
  return source instanceof Uint8Array ? source.length : source.size;
}

/** Bytes `[start, end)` of the source; a view, not a copy, for in-memory bytes. */
export async function readRange(source: RecordingBytes, start: number, end: number): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source.subarray(start, end);
  return new Uint8Array(await source.slice(start, end).arrayBuffer());
}

/** The source as `@mcap/core`'s random-access readable. */
export function readableOf(source: RecordingBytes): IReadable {
  return {
    size: async () => BigInt(sizeOf(source)),
    read: async (offset, length) => {
      const start = Number(offset);
      const end = start + Number(length);
      if (start < 0 || end > sizeOf(source)) throw new Error(`read of [${start}, ${end}) outside the file`);
      return readRange(source, start, end);
    },
  };
}

/**
 * Reads `[start, end)` forward in pieces of `pieceBytes`. 4 MiB pieces: a `File.slice().arrayBuffer()` costs a
 * round trip to the browser's file thread, so pieces amortise it, while McapStreamReader (which copies what it
 * is given into a buffer twice the size) stays at a few tens of MB.
 */
export async function* readForward(
  source: RecordingBytes,
  start: number,
  end: number,
  pieceBytes = 4 * 1024 * 1024,
): AsyncGenerator<Uint8Array, void, void> {
  for (let at = start; at < end; at += pieceBytes) yield await readRange(source, at, Math.min(end, at + pieceBytes));
}
