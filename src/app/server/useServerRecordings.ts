import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ServerStore } from '../../store/server/serverStore';
import type { RecordedChoice } from '../../ui/ReplayOpen';

export interface ServerRecordings {
  /** Newest first; undefined without a server, signed out, or before the answer. */
  readonly segments?: readonly (RecordedChoice & { readonly url: string })[];
  /** Why the list could not be fetched. */
  readonly problem?: string;
}

/** The control-room server's recorded segments, fetched whenever the replay picker opens (`active`) for a signed-in user. */
export function useServerRecordings(store: ServerStore, active: boolean): ServerRecordings {
  const signedIn = useStore(store, (s) => s.server.status === 'signed-in');
  const [result, setResult] = useState<ServerRecordings>({});
  useEffect(() => {
    if (!active || !signedIn) {
      setResult({});
      return;
    }
    let live = true;
    fetch('/api/recordings', { credentials: 'same-origin' })
      .then(async (res) => {
        const body = (await res.json()) as { segments?: (RecordedChoice & { url: string })[]; error?: string };
        if (!res.ok || !body.segments) throw new Error(body.error ?? `the server answered ${res.status}`);
        if (live) setResult({ segments: body.segments.reverse() });
      })
      .catch((e: unknown) => live && setResult({ problem: `the server's recordings cannot be listed: ${e instanceof Error ? e.message : String(e)}` }));
    return () => {
      live = false;
    };
  }, [active, signedIn]);
  return result;
}
