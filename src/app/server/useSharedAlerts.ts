import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { Scene } from '../../domain/sceneSchema';
import { may } from '../../domain/roles';
import type { ServerStore } from '../../store/server/serverStore';
import type { SharedAlertsStore } from '../../store/server/sharedAlertsStore';
import type { SharedBook } from '../../ui/operations/useAlertBook';
import type { ServerSocket } from './ServerSocket';

/**
 * The shared alert book the server's socket brings, for a live console on the scene the server watches (another
 * scene's book would place its alerts wrongly, so that console keeps its own).
 */
export function useSharedAlerts(
  socket: ServerSocket | undefined,
  server: ServerStore,
  alerts: SharedAlertsStore,
  live: boolean,
  scene: Scene | undefined,
): SharedBook | undefined {
  const standing = useStore(server, (s) => s.server);
  const canAcknowledge = standing.status === 'signed-in' && may(standing.role, 'command');
  const shared = useStore(alerts, (s) => s.shared);
  return useMemo(() => {
    if (!live || !socket || !scene || !shared.alerts || shared.sceneId !== scene.id) return undefined;
    return {
      alerts: shared.alerts,
      canAcknowledge,
      ...(shared.problem === undefined ? {} : { problem: shared.problem }),
      acknowledge: (ids: readonly string[] | 'all') => void socket.acknowledge(ids),
    };
  }, [live, socket, scene, shared, canAcknowledge]);
}
