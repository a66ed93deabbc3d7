/**
 * The page's standing with the control-room server (zustand, React-free): whether the twin is served by one, and
 * who is signed in. A twin served without a server (a static build) stays `absent` and works as before.
 */
import { createStore } from 'zustand/vanilla';
import type { Role } from '../../domain/roles';

/** Why the last request failed, for the UI to say in the page's language; `detail` is the server's text. */
export type ServerProblem =
  | { readonly kind: 'wrong-credentials' }
  | { readonly kind: 'throttled'; readonly retryS: number }
  | { readonly kind: 'unreachable'; readonly detail: string }
  | { readonly kind: 'refused'; readonly status: number; readonly detail: string };

export type ServerState =
  | { readonly status: 'checking' }
  | { readonly status: 'absent' }
  | { readonly status: 'signed-out'; readonly busy: boolean; readonly problem?: ServerProblem }
  | { readonly status: 'signed-in'; readonly user: string; readonly role: Role; readonly problem?: ServerProblem };

export type ServerStore = ReturnType<typeof createServerStore>;

export function createServerStore() {
  return createStore<{ readonly server: ServerState; set(server: ServerState): void }>()((set) => ({
    server: { status: 'checking' },
    set: (server) => set({ server }),
  }));
}
