/** What a replay plays, and its bytes: a file the user picked or dropped, or an address (a shipped sample's too). */
import { SAMPLE_RECORDINGS } from './sampleCatalogue';

/** What to replay: a file the user picked or dropped, or an address (`sample:<id>` for a shipped sample). */
export type ReplayInput = { readonly kind: 'file'; readonly file: File } | { readonly kind: 'url'; readonly url: string };

/** Longest a recording may take to download before we give up and say so (ms). */
const FETCH_TIMEOUT_MS = 60_000;

export function replayName(input: ReplayInput): string {
  return input.kind === 'file' ? input.file.name : input.url;
}

/** The recording's bytes: the file, or the address fetched (`sample:<id>` names a shipped sample). */
export async function replayBytes(input: ReplayInput): Promise<Blob> {
  if (input.kind === 'file') return input.file;
  const sample = input.url.startsWith('sample:') ? SAMPLE_RECORDINGS.find((s) => `sample:${s.id}` === input.url) : undefined;
  if (input.url.startsWith('sample:') && !sample) {
    throw new Error(`no sample recording "${input.url.slice(7)}" (known: ${SAMPLE_RECORDINGS.map((s) => s.id).join(', ')})`);
  }
  const res = await fetch(sample?.url ?? input.url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
  if (res.headers.get('content-type')?.includes('text/html')) throw new Error('the address answered with a web page, not a recording');
  return res.blob();
}
