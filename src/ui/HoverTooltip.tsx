import { useTranslation } from 'react-i18next';
import type { Scene } from '../domain/sceneSchema';
import { useTwin } from '../store/useTwin';
import { facilityName } from './FacilityPanel';

/** Name and kind of the facility under the pointer. */
export function HoverTooltip({ scene }: { scene: Scene }) {
  const { t } = useTranslation();
  const hovered = useTwin((s) => s.hovered);
  const lang = useTwin((s) => s.lang);
  const f = hovered && scene.facilities.find((x) => x.id === hovered.facilityId);
  if (!hovered || !f) return null;
  return (
    <div className="tooltip" role="tooltip" data-testid="tooltip" style={{ left: hovered.x + 14, top: hovered.y + 14 }}>
      <strong>{facilityName(f, lang)}</strong>
      <span>{t(`kind.${f.kind}`)}</span>
    </div>
  );
}
