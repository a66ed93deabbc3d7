/**
 * What the wall needs from the app layer, handed down by App (the UI layer never imports `src/app`): the two
 * zones' scenes from the bundled catalogue, and a simulation started in its own worker.
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

export interface BriefingServices {
  /** The scene of `variant` for every zone, checked like any scene file (rejects naming the file and problem). */
  loadScenes(variant: string): Promise<readonly Scene[]>;
  startSimulation(scene: Scene, start: BriefingSimStart): Promise<{ readonly source: SimSource; dispose(): void }>;
}

export const BriefingServicesContext = createContext<BriefingServices | undefined>(undefined);

export function useBriefingServices(): BriefingServices {
  const services = useContext(BriefingServicesContext);
  if (!services) throw new Error('the briefing wall needs <BriefingServicesContext.Provider> (App provides it)');
  return services;
}
