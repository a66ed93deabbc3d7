import { useEffect, useState } from 'react';
import type { Scene } from '../domain/sceneSchema';
import type { ReplaySource } from '../telemetry/ReplaySource';
import { SAMPLE_RECORDINGS } from './sampleCatalogue';
import { startReplay } from './startReplay';

/** What to replay: a file the user picked or dropped, or an address (`sample:<id>` for a shipped sample). */
export type ReplayInput = { readonly kind: 'file'; readonly file: File } | { readonly kind: 'url'; readonly url: string };

/** Longest a recording may take to download before we give up and say so (ms). */
const FETCH_TIMEOUT_MS = 60_000;

export function replayName(input: ReplayInput): string {
  return input.kind === 'file' ? input.file.name : input.url;
}

async function bytesOf(input: ReplayInput): Promise<Blob> {
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

/**
 * The replay source's life in the app: the recording fetched (or taken from the disk) and opened in the replay
 * worker, torn down when the scene or the input changes. A file that cannot be read gives an error naming it.
 */
export function useReplaySource(scene: Scene | undefined, input: ReplayInput | undefined) {
  const [replay, setReplay] = useState<ReplaySource>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setReplay(undefined);
    setError(undefined);
    if (!scene || !input) return;
    let cancelled = false;
    let dispose: (() => void) | undefined;
    setBusy(true);
    const name = replayName(input);
    bytesOf(input)
      .then((blob) => startReplay(scene, name, blob))
      .then(
        (running) => {
          if (cancelled) return running.dispose();
          dispose = running.dispose;
          setReplay(running.source);
          setBusy(false);
        },
        (e: unknown) => {
          if (cancelled) return;
          setError(`${name}: ${e instanceof Error ? e.message : String(e)}`);
          setBusy(false);
        },
      );
    return () => {
      cancelled = true;
      dispose?.();
    };
  }, [scene, input]);

  return { replay, error, busy };
}
