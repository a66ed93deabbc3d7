/**
 * Which version of the server's layout library the editor holds, if any (zustand, React-free): the layout's id and
 * name, the version, and the scene as opened or saved. The editor holds unsaved edits while its scene is another
 * object than `scene` (every edit makes a new scene object). One per layout session.
 */
import { createStore } from 'zustand/vanilla';
import type { Scene } from '../../domain/sceneSchema';

export interface LibraryOrigin {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly scene: Scene;
}

export type LibraryOriginStore = ReturnType<typeof createLibraryOrigin>;

export function createLibraryOrigin() {
  return createStore<{ readonly origin?: LibraryOrigin; set(origin: LibraryOrigin | undefined): void }>()((set) => ({
    set: (origin) => set({ origin }),
  }));
}
