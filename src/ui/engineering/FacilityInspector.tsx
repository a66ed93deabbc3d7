import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Facility, Scene } from '../../domain/sceneSchema';
import { listAssumptions } from '../../store/layout/assumptions';
import type { LayoutEditor } from '../../store/layout/LayoutEditor';
import { useTwin } from '../../store/useTwin';
import { facilityName } from '../FacilityPanel';
import { KIND_COLOUR } from '../../domain/kindColour';
import { AssumptionRow } from './AssumptionRow';
import { facilityFields } from './facilityFields';
import { NumberField } from './NumberField';

const toDeg = (rad: number) => (rad * 180) / Math.PI;
const toRad = (deg: number) => (deg * Math.PI) / 180;

/** A facility's place, turn and size, its kind's own fields and sourced values; each typed value one undo step. */
export function FacilityInspector({ editor, scene, f }: { editor: LayoutEditor; scene: Scene; f: Facility }) {
  const { t } = useTranslation();
  const lang = useTwin((s) => s.lang);
  const { position, rotation, size, height } = f.footprint;
  const index = scene.facilities.indexOf(f);
  const sourced = useMemo(() => listAssumptions(scene).filter((a) => a.path.startsWith(`facilities[${index}].`)), [scene, index]);
  const storages = scene.facilities.filter((x) => x.kind === 'import-storage' || x.kind === 'export-storage');
  const ok = (r: { ok: boolean }) => r.ok;
  return (
    <section className="inspector" data-testid="inspector" aria-label={facilityName(f, lang)}>
      <header>
        <span className="swatch" style={{ background: KIND_COLOUR[f.kind] }} />
        <h3>{facilityName(f, lang)}</h3>
      </header>
      <p className="meta">
        {t(`kind.${f.kind}`)} · <code>{f.id}</code>
      </p>
      <div className="fields">
        <NumberField
          label={t('engineering.inspector.east')}
          unit="m"
          value={position[0]}
          testId="field-east"
          onCommit={(v) => ok(editor.moveFacility(f.id, [v, position[1]], { snap: false }))}
        />
        <NumberField
          label={t('engineering.inspector.north')}
          unit="m"
          value={position[1]}
          testId="field-north"
          onCommit={(v) => ok(editor.moveFacility(f.id, [position[0], v], { snap: false }))}
        />
        <NumberField
          label={t('engineering.inspector.rotation')}
          unit="°"
          value={toDeg(rotation)}
          testId="field-rotation"
          onCommit={(v) => ok(editor.rotateFacility(f.id, toRad(v), { snap: false }))}
        />
        <NumberField
          label={t('engineering.inspector.width')}
          unit="m"
          value={size[0]}
          testId="field-width"
          onCommit={(v) => ok(editor.resizeFacility(f.id, [v, size[1]], undefined, { snap: false }))}
        />
        <NumberField
          label={t('engineering.inspector.depth')}
          unit="m"
          value={size[1]}
          testId="field-depth"
          onCommit={(v) => ok(editor.resizeFacility(f.id, [size[0], v], undefined, { snap: false }))}
        />
        <NumberField
          label={t('engineering.inspector.height')}
          unit="m"
          value={height}
          testId="field-height"
          onCommit={(v) => ok(editor.resizeFacility(f.id, size, v, { snap: false }))}
        />
        <label className="number-field">
          <span>{t('panel.side')}</span>
          <select value={f.side} onChange={(e) => editor.setFacilityField(f.id, 'side', e.target.value)}>
            {(['VN', 'CN'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`side.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {facilityFields(f.kind).map((spec) => {
          const value = (f as unknown as Record<string, unknown>)[spec.name];
          const label = t(`field.${spec.name}`, { defaultValue: spec.name });
          if (spec.type === 'number') {
            const v = value as number;
            return (
              <NumberField
                key={spec.name}
                label={label}
                unit={spec.radians ? '°' : undefined}
                step={spec.integer ? 1 : undefined}
                value={spec.radians ? toDeg(v) : v}
                onCommit={(n) => ok(editor.setFacilityField(f.id, spec.name, spec.radians ? toRad(n) : n))}
              />
            );
          }
          if (spec.type === 'choice' || spec.type === 'facility') {
            const options = spec.type === 'choice' ? spec.options : storages.map((s) => s.id);
            return (
              <label key={spec.name} className="number-field">
                <span>{label}</span>
                <select value={String(value)} onChange={(e) => editor.setFacilityField(f.id, spec.name, e.target.value)}>
                  {options.map((o) => (
                    <option key={o} value={o}>
                      {spec.type === 'choice' ? t(`value.${o}`, { defaultValue: o }) : o}
                    </option>
                  ))}
                </select>
              </label>
            );
          }
          return null;
        })}
      </div>
      {sourced.length > 0 && (
        <ul className="assumption-list">
          {sourced.map((a) => (
            <AssumptionRow key={a.path} editor={editor} assumption={a} label={t(`field.${a.path.split('.').pop()!}`, { defaultValue: a.path })} />
          ))}
        </ul>
      )}
      <button type="button" className="danger" data-testid="delete-selection" onClick={() => editor.deleteSelection()}>
        {t('engineering.tool.delete')}
      </button>
    </section>
  );
}
