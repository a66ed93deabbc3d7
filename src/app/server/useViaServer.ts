import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { Scene } from '../../domain/sceneSchema';
import type { ServerStore } from '../../store/server/serverStore';
import type { LiveSource } from '../../telemetry/LiveSource';
import type { SourceMetrics } from '../../telemetry/SourceMetrics';
import type { ViaServerState } from '../../ui/LiveViaServer';
import type { SourceController } from '../SourceController';
import { startFanout } from '../startFanout';

/**
 * The live console through the control-room server (`?source=live&via=server`, `scene` given only then): starts
 * the fan-out as soon as someone is signed in to the server, and stops it when they sign out. Returns what the
 * console shows while the fleet is not on screen (undefined once it is).
 */
export function useViaServer(
  scene: Scene | undefined,
  store: ServerStore,
  controller: SourceController,
  metrics: SourceMetrics,
  live: LiveSource | undefined,
  busy: boolean,
  error: string | undefined,
): { state: ViaServerState; error?: string; onRetry: () => void } | undefined {
  const server = useStore(store, (s) => s.server);
  const user = server.status === 'signed-in' ? server.user : undefined;
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!scene) return;
    if (!user) {
      controller.stop();
      return;
    }
    void controller.start('live', () => startFanout(scene, metrics), { operator: user });
  }, [scene, user, attempt, controller, metrics]);
  if (!scene || live) return undefined;
  const state: ViaServerState =
    server.status === 'absent' ? 'not-served' : server.status === 'signed-out' ? 'sign-in' : error && !busy ? 'failed' : 'connecting';
  return { state, ...(error && state === 'failed' ? { error } : {}), onRetry: () => setAttempt((a) => a + 1) };
}
