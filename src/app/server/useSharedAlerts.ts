import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { Scene } from '../../domain/sceneSchema';
import { may } from '../../domain/roles';
import type { ServerStore } from '../../store/server/serverStore';
import type { SharedAlertsStore } from '../../store/server/sharedAlertsStore';
import type { SharedBook } from '../../ui/operations/useAlertBook';
import { ServerSocket } from './ServerSocket';

/**
 * The server's socket while someone is signed in, and the shared alert book it brings, for a live console on the
 * scene the server watches (another scene's book would place its alerts wrongly, so that console keeps its own).
 */
export function useSharedAlerts(server: ServerStore, alerts: SharedAlertsStore, live: boolean, scene: Scene | undefined): SharedBook | undefined {
  const standing = useStore(server, (s) => s.server);
  const user = standing.status === 'signed-in' ? standing.user : undefined;
  const canAcknowledge = standing.status === 'signed-in' && may(standing.role, 'command');
  const [socket, setSocket] = useState<ServerSocket>();
  useEffect(() => {
    if (user === undefined) return;
    const s = new ServerSocket(alerts);
    s.open();
    setSocket(s);
    return () => {
      s.close();
      setSocket(undefined);
    };
  }, [user, alerts]);
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
