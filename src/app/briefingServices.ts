import { parseScene } from '../domain/parseScene';
import { formatProblem } from '../domain/problem';
import type { Scene } from '../domain/sceneSchema';
import type { SimSource } from '../telemetry/SimSource';
import type { SourceMetrics } from '../telemetry/SourceMetrics';
import type { BriefingServices } from '../ui/briefing/briefingServices';
import { BROWSER_FRAMES } from './FrameClock';
import { CATALOG, ZONES } from './sceneCatalog';
import { SourceController } from './SourceController';
import { startSimulation } from './startSimulation';

async function loadZone(zone: string, variant: string): Promise<Scene> {
  const entry = CATALOG.find((e) => e.zone === zone && e.variant === variant);
  if (!entry) throw new Error(`no ${variant} layout for zone ${zone} under scenes/`);
  const r = parseScene(await entry.load(), entry.path);
  if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p, entry.path)).join('; '));
  return r.scene;
}

/**
 * The briefing wall's scenes, source controllers and simulations, from the catalogue and the simulation worker;
 * the simulations' figures go into `metrics`.
 */
export function briefingServices(metrics: SourceMetrics): BriefingServices {
  return {
    loadScenes: (variant) => Promise.all(ZONES.map((z) => loadZone(z, variant))),
    createController: (maxStepS) => new SourceController<SimSource>(BROWSER_FRAMES, { maxStepS, waitForView: false }),
    startSimulation: (scene, start) => startSimulation(scene, start, metrics),
  };
}
