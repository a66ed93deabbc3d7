import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../domain/sceneSchema';
import { useTwin } from '../store/useTwin';
import { facilityName } from './FacilityPanel';

/** Offset of the tooltip from the pointer (CSS px), so it never sits under the cursor. */
const OFFSET_PX = 14;

/**
 * Name and kind of the facility under the pointer. React re-renders only when the hovered facility changes;
 * the tooltip follows the pointer by writing its own style (pointer moves are too fast for React state).
 */
export function HoverTooltip({ scene }: { scene: Scene }) {
  const { t } = useTranslation();
  const id = useTwin((s) => s.hoveredFacilityId);
  const lang = useTwin((s) => s.lang);
  const ref = useRef<HTMLDivElement>(null);
  const f = id === undefined ? undefined : scene.facilities.find((x) => x.id === id);

  useEffect(() => {
    const follow = (e: PointerEvent) => {
      const el = ref.current;
      if (el) el.style.transform = `translate(${e.clientX + OFFSET_PX}px, ${e.clientY + OFFSET_PX}px)`;
    };
    window.addEventListener('pointermove', follow);
    return () => window.removeEventListener('pointermove', follow);
  }, []);

  return (
    <div ref={ref} className="tooltip" role="tooltip" data-testid="tooltip" hidden={!f}>
      {f && (
        <>
          <strong>{facilityName(f, lang)}</strong>
          <span>{t(`kind.${f.kind}`)}</span>
        </>
      )}
    </div>
  );
}
