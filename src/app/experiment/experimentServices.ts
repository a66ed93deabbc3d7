/** The browser's experiment services: generated layouts on the zone's bundled site, days on a pool of web workers. */
import { generatedLayouts } from '../../sim/experiment/experimentFile';
import type { ExperimentServices } from '../../ui/engineering/experiment/experimentContext';
import { loadZoneSite } from '../zoneSite';
import { startExperiment } from './startExperiment';

export const EXPERIMENT_SERVICES: ExperimentServices = {
  start: startExperiment,
  generate: async (file) => {
    const site = await loadZoneSite(file.zone);
    return site.ok ? generatedLayouts(file, site.base, site.site) : site;
  },
};
