/**
 * The staged layouts (data/stagedLayouts.json) made by the layout generator: `stagedLayout(stage)` gives one as a
 * scene; run as `npm run layout:staged` it writes every one to scenes/<zone folder>/<variant>.json, formatted as the
 * repository's files are. Exit 1 naming the problem when a stage cannot be made.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import staged from '../data/stagedLayouts.json' with { type: 'json' };
import { generateLayout } from '../src/domain/layouts/generateLayout';
import { defaultLayoutParams, type Corridor, type PerYard } from '../src/domain/layouts/layoutParams';
import type { Scene, ZoneId } from '../src/domain/sceneSchema';
import { zoneFolder } from '../src/domain/zoneFolder';
import { fail } from './cliOptions';
import { loadSiteAndBase, sceneFileText } from './layoutSite';

export type Stage = (typeof staged.stages)[number];
export const STAGES: readonly Stage[] = staged.stages;

const perYard = ([vnImport, vnExport, cnImport, cnExport]: number[]): PerYard => ({
  vnImport: vnImport!,
  vnExport: vnExport!,
  cnImport: cnImport!,
  cnExport: cnExport!,
});

export function stagedFile(stage: Stage): string {
  return `scenes/${zoneFolder(stage.zone as ZoneId)}/${stage.variant}.json`;
}

export function stagedLayout(stage: Stage): Scene {
  const loaded = loadSiteAndBase(stage.zone);
  if (!loaded.ok) throw new Error(loaded.problems.join('; '));
  return generateLayout(loaded.base, loaded.site, {
    ...defaultLayoutParams(stage.agvs),
    variant: stage.variant,
    cranesPerYard: perYard(stage.cranesPerYard),
    slots: perYard(stage.slots),
    handoverBays: stage.handoverBays,
    corridor: stage.corridor as Corridor,
    scannerLanes: stage.scannerLanes,
    chargeBays: stage.chargeBays,
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const stage of STAGES) {
    let scene: Scene;
    try {
      scene = stagedLayout(stage);
    } catch (e) {
      fail(`${stagedFile(stage)}: ${(e as Error).message}`, 1);
    }
    const text = await sceneFileText(scene, stagedFile(stage));
    writeFileSync(stagedFile(stage), text);
    console.log(`${stagedFile(stage)}: ${scene.description?.en ?? scene.id}`);
  }
}
