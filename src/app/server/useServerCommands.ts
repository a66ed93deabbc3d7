import { useEffect } from 'react';
import { useStore } from 'zustand';
import { may } from '../../domain/roles';
import type { ServerStore } from '../../store/server/serverStore';
import type { LiveSource } from '../../telemetry/LiveSource';
import { ServerCommands } from './ServerCommands';
import type { ServerSocket } from './ServerSocket';

/**
 * On a twin served by the control-room server, a live source's commands go through the server as the signed-in
 * user (allowed by their role; none while signed out) and its audit log is the server's, kept current by the
 * server's socket. Without a server they go
 * through the page's own broker connection, as before.
 */
export function useServerCommands(live: LiveSource | undefined, store: ServerStore, socket: ServerSocket | undefined): void {
  const server = useStore(store, (s) => s.server);
  useEffect(() => {
    if (!live || server.status === 'absent' || server.status === 'checking') return;
    const signedIn = server.status === 'signed-in';
    const route = new ServerCommands(signedIn && may(server.role, 'command'), signedIn ? server.user : '', socket);
    live.routeCommands(route);
    return () => {
      route.dispose();
      live.routeCommands(undefined);
    };
  }, [live, server, socket]);
}
