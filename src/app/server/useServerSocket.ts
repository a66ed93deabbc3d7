import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ServerStore } from '../../store/server/serverStore';
import type { SharedAlertsStore } from '../../store/server/sharedAlertsStore';
import { ServerSocket } from './ServerSocket';

/** The server's socket while someone is signed in (closed on sign-out and when the page goes); undefined otherwise. */
export function useServerSocket(server: ServerStore, alerts: SharedAlertsStore): ServerSocket | undefined {
  const user = useStore(server, (s) => (s.server.status === 'signed-in' ? s.server.user : undefined));
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
  return socket;
}
