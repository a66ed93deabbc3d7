import { useTranslation } from 'react-i18next';
import type { Scene } from '../domain/sceneSchema';
import { useTwin } from '../store/useTwin';

/** Where the zone stands against its target: today's vehicles a day and the 2030 range, with the multiple. */
export function ZoneCard({ scene }: { scene: Scene }) {
  const { t } = useTranslation();
  const lang = useTwin((s) => s.lang);
  const { todayVehiclesPerDay: today, target2030VehiclesPerDay: target } = scene.zone.capacity;
  const fmt = (n: number) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  const x = `${(target.min / today.value).toFixed(1)}–${(target.max / today.value).toFixed(1)}`;
  return (
    <section className="panel zone-card" data-testid="zone-card">
      <h1>{scene.zone.name[lang]}</h1>
      <p className="scene-title">{scene.title[lang]}</p>
      <div className="figures">
        <div title={today.source}>
          <span className="label">{t('zone.today')}</span>
          <span className="big">{fmt(today.value)}</span>
          <span className="unit">{t('zone.perDay')}</span>
        </div>
        <div className="arrow">→</div>
        <div title={target.source}>
          <span className="label">{t('zone.target2030')}</span>
          <span className="big">
            {fmt(target.min)}–{fmt(target.max)}
          </span>
          <span className="unit">{t('zone.multiple', { x })}</span>
        </div>
      </div>
    </section>
  );
}
