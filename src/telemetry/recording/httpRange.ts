/**
 * A recording on an HTTP server read by range requests: only the bytes a reader asks for cross the network, so an
 * indexed MCAP file (its summary at the end, then the chunks a seek needs) plays a window of an hour-long segment
 * without downloading the hour. The reference is plain data, so it crosses to a worker; the worker makes the
 * reader. The server must answer `Range` with 206 (the control-room server's recordings do).
 */
import type { BlobLike } from './byteSource';

/** Where the recording is and how large it was when looked up (a segment still written grows past it). */
export interface HttpRangeRef {
  readonly kind: 'http-range';
  readonly url: string;
  readonly size: number;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export function isHttpRangeRef(x: unknown): x is HttpRangeRef {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'http-range';
}

/** The ref as a blob: each `slice` is one range request. `fetched()` counts the bytes received so far. */
export function httpRangeBlob(ref: HttpRangeRef, fetchFn: Fetch = (input, init) => fetch(input, init)): BlobLike & { fetched(): number } {
  let fetched = 0;
  return {
    size: ref.size,
    fetched: () => fetched,
    slice: (start: number, end: number) => ({
      arrayBuffer: async () => {
        if (end <= start) return new ArrayBuffer(0);
        const res = await fetchFn(ref.url, { headers: { range: `bytes=${start}-${end - 1}` }, credentials: 'same-origin' });
        if (res.status !== 206) throw new Error(`${ref.url}: a range request for bytes ${start}–${end - 1} was answered ${res.status}, not 206`);
        const bytes = await res.arrayBuffer();
        if (bytes.byteLength !== end - start) throw new Error(`${ref.url}: asked for ${end - start} bytes from ${start}, got ${bytes.byteLength}`);
        fetched += bytes.byteLength;
        return bytes;
      },
    }),
  };
}

/** Looks the recording up (HEAD) for its size: the ref a replay opens. */
export async function httpRangeRef(url: string, fetchFn: Fetch = (input, init) => fetch(input, init)): Promise<HttpRangeRef> {
  const res = await fetchFn(url, { method: 'HEAD', credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${url}: the server answered ${res.status}`);
  const size = Number(res.headers.get('content-length'));
  if (!Number.isSafeInteger(size) || size < 0) throw new Error(`${url}: the server gave no length for the recording`);
  if (res.headers.get('accept-ranges') !== 'bytes') throw new Error(`${url}: the server does not serve byte ranges`);
  return { kind: 'http-range', url, size };
}
