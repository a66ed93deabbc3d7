/**
 * How the engineering console runs experiments without importing the app layer: the app provides a pool of
 * workers to start a run on (src/app/experiment/startExperiment.ts) and the layout generator on the zone's site
 * (src/app/experiment/experimentServices.ts) through this context.
 */
import { createContext } from 'react';
import type { ExperimentLayout } from '../../../sim/experiment/experiment';
import type { ExperimentFile } from '../../../sim/experiment/experimentFile';
import type { StartExperiment } from '../../../store/layout/ExperimentRunner';

export type GeneratedLayouts = { readonly ok: true; readonly layouts: ExperimentLayout[] } | { readonly ok: false; readonly problems: readonly string[] };

export interface ExperimentServices {
  readonly start: StartExperiment;
  /** The experiment's generated layouts, made on its zone's site and base scene. */
  readonly generate: (file: ExperimentFile) => Promise<GeneratedLayouts>;
}

export const ExperimentContext = createContext<ExperimentServices | undefined>(undefined);
