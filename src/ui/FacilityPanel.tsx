import { useTranslation } from 'react-i18next';
import { formatNumber } from './formatNumber';
import type { Facility, Scene } from '../domain/sceneSchema';
import { useTwin } from '../store/useTwin';
import { KIND_COLOUR } from '../domain/kindColour';

const COMMON = new Set(['id', 'kind', 'name', 'side', 'footprint']);
const degrees = (rad: number) => `${((rad * 180) / Math.PI).toFixed(0)}°`;

function isSourced(v: unknown): v is { value: number; source: string } {
  return typeof v === 'object' && v !== null && 'value' in v && 'source' in v;
}

function FieldValue({ name, value }: { name: string; value: unknown }) {
  const { t, i18n } = useTranslation();
  if (isSourced(value)) {
    return (
      <>
        <span className="value">{typeof value.value === 'number' ? formatNumber(value.value, i18n.language, 3) : String(value.value)}</span>
        <small className="source">{value.source}</small>
      </>
    );
  }
  if (typeof value === 'number' && name.endsWith('Rad')) return <span className="value">{degrees(value)}</span>;
  if (typeof value === 'number') return <span className="value">{formatNumber(value, i18n.language, 3)}</span>;
  return <span className="value">{t(`value.${String(value)}`, { defaultValue: String(value) })}</span>;
}

export function facilityName(f: Facility, lang: 'vi' | 'en'): string {
  return f.name?.[lang] ?? f.id;
}

/** The selected facility's properties, every model number with its source. */
export function FacilityPanel({ scene }: { scene: Scene }) {
  const { t } = useTranslation();
  const id = useTwin((s) => s.selectedFacilityId);
  const lang = useTwin((s) => s.lang);
  const select = useTwin((s) => s.select);
  const f = scene.facilities.find((x) => x.id === id);
  if (!f) return null;
  const { position, size, height, rotation } = f.footprint;
  const fields = Object.entries(f).filter(([k]) => !COMMON.has(k));
  return (
    <aside className="panel facility-panel" data-testid="facility-panel" aria-label={facilityName(f, lang)}>
      <header>
        <span className="swatch" style={{ background: KIND_COLOUR[f.kind] }} />
        <h2>{facilityName(f, lang)}</h2>
        <button type="button" onClick={() => select(undefined)} aria-label={t('panel.close')}>
          ×
        </button>
      </header>
      <dl>
        <dt>{t('panel.kind')}</dt>
        <dd data-testid="facility-kind">{t(`kind.${f.kind}`)}</dd>
        <dt>{t('panel.id')}</dt>
        <dd>
          <code>{f.id}</code>
        </dd>
        <dt>{t('panel.side')}</dt>
        <dd>{t(`side.${f.side}`)}</dd>
        <dt>{t('panel.position')}</dt>
        <dd>
          {position[0].toFixed(1)} m, {position[1].toFixed(1)} m
        </dd>
        <dt>{t('panel.size')}</dt>
        <dd>
          {size[0]} × {size[1]} × {height} m
        </dd>
        <dt>{t('panel.rotation')}</dt>
        <dd>{degrees(rotation)}</dd>
        {fields.map(([k, v]) => (
          <div key={k} className="field">
            <dt>{t(`field.${k}`, { defaultValue: k })}</dt>
            <dd>
              <FieldValue name={k} value={v} />
            </dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
