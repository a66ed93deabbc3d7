import { useCallback, useEffect, useRef, useState } from 'react';
import type { Scene } from '../domain/sceneSchema';
import type { LiveSource } from '../telemetry/LiveSource';
import type { RunningSource } from './runInWorker';
import { startLive } from './startLive';

/**
 * The live source's life in the app: nothing until the user logs in, then the worker connected with those
 * credentials (kept in memory only), torn down when the scene changes or the app leaves. A failed login keeps
 * the form open with the broker's reason.
 */
export function useLiveSource(scene: Scene | undefined, broker: string | undefined) {
  const [live, setLive] = useState<LiveSource>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  /** Who logged in: acknowledgements and commands are made in their name. */
  const [user, setUser] = useState<string>();
  const running = useRef<RunningSource<LiveSource> | undefined>(undefined);

  useEffect(
    () => () => {
      running.current?.dispose();
      running.current = undefined;
      setLive(undefined);
    },
    [scene, broker],
  );

  const login = useCallback(
    (user: string, password: string) => {
      if (!scene || !broker) return;
      setBusy(true);
      setError(undefined);
      startLive(scene, broker, user, password).then(
        (r) => {
          running.current = r;
          setLive(r.source);
          setUser(user);
          setBusy(false);
        },
        (e: unknown) => {
          setError(e instanceof Error ? e.message : String(e));
          setBusy(false);
        },
      );
    },
    [scene, broker],
  );

  return { live, user, error, busy, login };
}
