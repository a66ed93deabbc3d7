/**
 * The control room's shared alert book as this page has it from the server's socket (zustand, React-free): whether
 * the socket is open, which scene the server watches (its book is about that scene's fleet), and the book itself,
 * newest first, as the server last said. Absent a server, or signed out, it stays `off` and the page keeps its own
 * book, as before.
 */
import { createStore } from 'zustand/vanilla';
import type { Alert } from '../../telemetry/alerts/AlertBook';

export interface SharedAlertsState {
  readonly status: 'off' | 'connecting' | 'open';
  readonly sceneId?: string;
  /** Undefined until the server has sent its whole book (and after the socket closed). */
  readonly alerts?: readonly Alert[];
  /** Why the socket closed or an acknowledgement failed, as text to show. */
  readonly problem?: string;
}

export type SharedAlertsStore = ReturnType<typeof createSharedAlertsStore>;

export function createSharedAlertsStore() {
  return createStore<{ readonly shared: SharedAlertsState; set(shared: SharedAlertsState): void }>()((set) => ({
    shared: { status: 'off' },
    set: (shared) => set({ shared }),
  }));
}
