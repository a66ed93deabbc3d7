/**
 * What an assumption is called in the UI language: a facility's number by the facility's name (as people name it,
 * src/sim/resourceName) and the field's, a section's number by its label (`engineering.assumption.<path>`), else
 * its path. Shared by the assumptions panel and the study report.
 */
import type { TFunction } from 'i18next';
import type { Scene } from '../../domain/sceneSchema';
import { facilityName } from '../../sim/resourceName';

export function assumptionLabel(path: string, scene: Scene, lang: 'en' | 'vi', t: TFunction): string {
  const m = /^facilities\[(\d+)\]\.(\w+)$/.exec(path);
  const f = m ? scene.facilities[Number(m[1])] : undefined;
  if (m && f) return `${facilityName(scene, f)[lang]} · ${t(`field.${m[2]!}`, { defaultValue: m[2]! })}`;
  return t(`engineering.assumption.${path}`, { defaultValue: path });
}
