import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fleetFrame } from '../../domain/fleetFrame';
import type { Scene } from '../../domain/sceneSchema';
import { useTwin, useTwinStore } from '../../store/useTwin';
import { TwinCanvas } from '../../view/TwinCanvas';

/** Engineers' layout studio: the layout editor on the 3D view, the live checker and capacity studies. */
export function EngineeringConsole({ scene, maxPixelRatio }: { scene: Scene; maxPixelRatio: number }) {
  const { t } = useTranslation();
  const store = useTwinStore();
  const hidden = useTwin((s) => s.hiddenKinds);
  const lang = useTwin((s) => s.lang);
  const sideNames = useMemo(() => ({ VN: t('country.VN'), CN: t('country.CN') }), [t, lang]);
  const fleet = useMemo(() => ({ frame: fleetFrame(0, 0) }), []);
  return (
    <TwinCanvas
      scene={scene}
      fleet={fleet}
      hidden={hidden}
      maxPixelRatio={maxPixelRatio}
      sideNames={sideNames}
      onPick={(f) => store.getState().select(f.id)}
      onMiss={() => store.getState().select(undefined)}
    />
  );
}
