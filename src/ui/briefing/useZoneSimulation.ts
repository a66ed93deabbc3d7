import { useEffect, useState } from 'react';
import type { Subscription } from 'rxjs';
import type { Scene } from '../../domain/sceneSchema';
import type { SimSource } from '../../telemetry/SimSource';
import { useBriefingServices, type BriefingSimStart } from './briefingServices';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * One zone's simulation for the wall, in its own worker. When the simulated day ends a new one is started and
 * swapped in once it runs (the tile keeps its figures meanwhile), so the wall loops unattended. Paused while
 * `running` is false (the tab is hidden).
 */
export function useZoneSimulation(scene: Scene | undefined, settings: BriefingSimStart, running: boolean): { source?: SimSource; error?: string } {
  const { startSimulation } = useBriefingServices();
  const [source, setSource] = useState<SimSource>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!scene) return;
    let current: { readonly source: SimSource; dispose(): void } | undefined;
    let sub: Subscription | undefined;
    let stopped = false;
    const start = () => {
      startSimulation(scene, settings).then(
        (next) => {
          if (stopped) return next.dispose();
          const previous = current;
          sub?.unsubscribe();
          current = next;
          setSource(next.source);
          setError(undefined);
          previous?.dispose();
          let restarting = false;
          sub = next.source.state$.subscribe((s) => {
            if (s.status === 'ended' && !restarting) {
              restarting = true;
              start();
            } else if (s.status === 'error' && s.error) setError(s.error);
          });
        },
        (e: unknown) => !stopped && setError(messageOf(e)),
      );
    };
    start();
    return () => {
      stopped = true;
      sub?.unsubscribe();
      current?.dispose();
      setSource(undefined);
    };
  }, [scene, settings, startSimulation]);

  useEffect(() => {
    if (running) source?.play();
    else source?.pause();
  }, [source, running]);

  return { source, error };
}
