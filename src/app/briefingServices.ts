import { parseScene } from '../domain/parseScene';
import { formatProblem } from '../domain/problem';
import type { Scene } from '../domain/sceneSchema';
import type { SourceMetrics } from '../telemetry/SourceMetrics';
import type { BriefingServices } from '../ui/briefing/briefingServices';
import { CATALOG, ZONES } from './sceneCatalog';
import { startSimulation } from './startSimulation';

async function loadZone(zone: string, variant: string): Promise<Scene> {
  const entry = CATALOG.find((e) => e.zone === zone && e.variant === variant);
  if (!entry) throw new Error(`no ${variant} layout for zone ${zone} under scenes/`);
  const r = parseScene(await entry.load(), entry.path);
  if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p, entry.path)).join('; '));
  return r.scene;
}

/** The briefing wall's scenes and simulations, from the catalogue and the simulation worker; the simulations' figures go into `metrics`. */
export function briefingServices(metrics: SourceMetrics): BriefingServices {
  return {
    loadScenes: (variant) => Promise.all(ZONES.map((z) => loadZone(z, variant))),
    startSimulation: (scene, start) => startSimulation(scene, start, metrics),
  };
}
