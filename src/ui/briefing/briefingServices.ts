/**
 * What the wall needs from the app layer, handed down by App (the UI layer never imports `src/app`): the two
 * zones' scenes from the bundled catalogue, a source controller per zone, and a simulation started in its own
 * worker.
 */
import { createContext, useContext } from 'react';
import type { Scene } from '../../domain/sceneSchema';
import type { SimOptions } from '../../sim/simParams';
import type { SimSource } from '../../telemetry/SimSource';

/** How a zone's simulation starts: the engine's options, the clock it opens at (s) and its speed (×). */
export interface BriefingSimStart {
  readonly options: SimOptions;
  readonly startS: number;
  readonly speed: number;
  readonly problems: readonly never[];
}

export interface RunningSimulation {
  readonly source: SimSource;
  dispose(): void;
}

/** What the wall uses of the app's `SourceController`, which starts, loops, paces, pauses and disposes a zone's simulation. */
export interface ZoneController {
  getState(): { readonly source?: SimSource; readonly error?: string };
  subscribe(listener: () => void): () => void;
  /** `loop`: a new day is started when one ends, and takes over once it runs. */
  start(kind: 'sim', start: () => Promise<RunningSimulation>, options: { readonly loop: boolean }): Promise<SimSource | undefined>;
  /** Stops the clock (the tab is hidden); `resume` starts it again. */
  pause(): void;
  resume(): void;
  stop(): void;
}

export interface BriefingServices {
  /** The scene of `variant` for every zone, checked like any scene file (rejects naming the file and problem). */
  loadScenes(variant: string): Promise<readonly Scene[]>;
  /**
   * A controller of its own for one zone, stepping its source at most `maxStepS` of wall time a frame, whether or
   * not the 3D view draws that zone (the tiles show both).
   */
  createController(maxStepS: number): ZoneController;
  startSimulation(scene: Scene, start: BriefingSimStart): Promise<RunningSimulation>;
}

export const BriefingServicesContext = createContext<BriefingServices | undefined>(undefined);

export function useBriefingServices(): BriefingServices {
  const services = useContext(BriefingServicesContext);
  if (!services) throw new Error('the briefing wall needs <BriefingServicesContext.Provider> (App provides it)');
  return services;
}
