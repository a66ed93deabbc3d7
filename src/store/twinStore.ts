/**
 * The app's store (zustand, React-free): the loaded layout, selection, settings and problems. Per-frame fleet
 * state is deliberately not here; it lives in typed buffers read inside `useFrame` (docs/architecture.md).
 */
import { createStore } from 'zustand/vanilla';
import type { Problem } from '../domain/problem';
import type { Scene } from '../domain/sceneSchema';

export type Lang = 'vi' | 'en';

/** The three consoles: leaders' briefing wall, engineers' layout studio, operators' control room. */
export const CONSOLE_MODES = ['briefing', 'engineering', 'operations'] as const;
export type ConsoleMode = (typeof CONSOLE_MODES)[number];

export interface LoadedScene {
  readonly scene: Scene;
  /** Where it came from: a catalogue key (`1119-1120/proposed`), a URL, or a dropped file's name. */
  readonly origin: string;
}

export interface ProblemReport {
  readonly file: string;
  readonly problems: readonly Problem[];
}

export interface TwinState {
  readonly loaded?: LoadedScene;
  readonly loading?: string;
  readonly report?: ProblemReport;
  readonly selectedFacilityId?: string;
  /** Facility under the pointer. Only the id: the pointer's position never enters React state. */
  readonly hoveredFacilityId?: string;
  readonly viewId?: string;
  /** Bumped on every request to fly to the current view, so asking for the same view again still moves. */
  readonly viewRequest: number;
  readonly lang: Lang;
  readonly mode: ConsoleMode;
  readonly hiddenKinds: readonly string[];
  /** A place (zone frame) the camera is asked to fly to, e.g. an alert's; `n` counts requests so asking twice moves again. */
  readonly flyTarget?: { readonly x: number; readonly y: number; readonly n: number };
}

export interface TwinActions {
  startLoading(origin: string): void;
  sceneLoaded(loaded: LoadedScene, viewId?: string): void;
  reportProblems(report: ProblemReport): void;
  dismissProblems(): void;
  select(facilityId: string | undefined): void;
  hover(facilityId: string | undefined): void;
  goToView(viewId: string): void;
  setLang(lang: Lang): void;
  setMode(mode: ConsoleMode): void;
  toggleKind(kind: string): void;
  flyTo(x: number, y: number): void;
}

export type TwinStore = ReturnType<typeof createTwinStore>;

export function createTwinStore(initial: Partial<TwinState> = {}) {
  return createStore<TwinState & TwinActions>()((set, get) => ({
    viewRequest: 0,
    lang: 'vi',
    mode: 'operations',
    hiddenKinds: [],
    ...initial,
    startLoading: (origin) => set({ loading: origin }),
    sceneLoaded: (loaded, viewId) => {
      const views = loaded.scene.views;
      const view = views.find((v) => v.id === viewId) ?? views[0];
      set({
        loaded,
        loading: undefined,
        selectedFacilityId: undefined,
        hoveredFacilityId: undefined,
        viewId: view?.id,
        viewRequest: get().viewRequest + 1,
      });
    },
    reportProblems: (report) => set({ report, loading: undefined }),
    dismissProblems: () => set({ report: undefined }),
    select: (facilityId) => set({ selectedFacilityId: facilityId }),
    hover: (facilityId) => {
      if (get().hoveredFacilityId !== facilityId) set({ hoveredFacilityId: facilityId });
    },
    goToView: (viewId) => set({ viewId, viewRequest: get().viewRequest + 1 }),
    setLang: (lang) => set({ lang }),
    setMode: (mode) => set({ mode }),
    flyTo: (x, y) => set({ flyTarget: { x, y, n: (get().flyTarget?.n ?? 0) + 1 } }),
    toggleKind: (kind) => {
      const hidden = get().hiddenKinds;
      set({ hiddenKinds: hidden.includes(kind) ? hidden.filter((k) => k !== kind) : [...hidden, kind] });
    },
  }));
}
