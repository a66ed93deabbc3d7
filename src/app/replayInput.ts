/** What a replay plays, and its bytes: a file the user picked or dropped, an address (a shipped sample's too), or a segment the control-room server recorded. */
import { httpRangeRef, type HttpRangeRef } from '../telemetry/recording/httpRange';
import { SAMPLE_RECORDINGS } from './sampleCatalogue';

/**
 * What to replay: a file the user picked or dropped, an address (`sample:<id>` for a shipped sample), or a server
 * segment (read by range requests, so a seek into an hour-long segment fetches what it needs, not the hour).
 */
export type ReplayInput =
  | { readonly kind: 'file'; readonly file: File }
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'server'; readonly url: string; readonly name: string };

/** Longest a recording may take to download before we give up and say so (ms). */
const FETCH_TIMEOUT_MS = 60_000;

export function replayName(input: ReplayInput): string {
  return input.kind === 'file' ? input.file.name : input.kind === 'server' ? input.name : input.url;
}

/** The recording's bytes: the file, the address fetched (`sample:<id>` names a shipped sample), or a server segment's range reference. */
export async function replayBytes(input: ReplayInput): Promise<Blob | HttpRangeRef> {
  if (input.kind === 'file') return input.file;
  if (input.kind === 'server') return httpRangeRef(input.url);
  const sample = input.url.startsWith('sample:') ? SAMPLE_RECORDINGS.find((s) => `sample:${s.id}` === input.url) : undefined;
  if (input.url.startsWith('sample:') && !sample) {
    throw new Error(`no sample recording "${input.url.slice(7)}" (known: ${SAMPLE_RECORDINGS.map((s) => s.id).join(', ')})`);
  }
  const res = await fetch(sample?.url ?? input.url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
  if (res.headers.get('content-type')?.includes('text/html')) throw new Error('the address answered with a web page, not a recording');
  return res.blob();
}
