import { useTranslation } from 'react-i18next';
import { FACILITY_KINDS } from '../../domain/sceneSchema';
import type { LayoutEditor } from '../../store/layout/LayoutEditor';
import { useEditorState } from '../../store/layout/useEditorState';
import { useTwin } from '../../store/useTwin';
import { facilityName } from '../FacilityPanel';

/**
 * Selects a facility by name, for what is hard to click in 3D (a camera pole, a barrier seen from far off). The
 * names are grouped under their kind, so the closed list shows the name alone and fits the panel in either
 * language.
 */
export function FacilityPicker({ editor }: { editor: LayoutEditor }) {
  const { t } = useTranslation();
  const lang = useTwin((s) => s.lang);
  const facilities = useEditorState(editor, (s) => s.scene.facilities);
  const selection = useEditorState(editor, (s) => s.selection);
  return (
    <label className="facility-picker">
      <span>{t('engineering.inspector.pick')}</span>
      <select
        data-testid="facility-picker"
        value={selection?.kind === 'facility' ? selection.id : ''}
        onChange={(e) => editor.select(e.target.value ? { kind: 'facility', id: e.target.value } : undefined)}
      >
        <option value="">—</option>
        {FACILITY_KINDS.filter((k) => facilities.some((f) => f.kind === k)).map((k) => (
          <optgroup key={k} label={t(`kind.${k}`)}>
            {facilities
              .filter((f) => f.kind === k)
              .map((f) => (
                <option key={f.id} value={f.id}>
                  {facilityName(f, lang)}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
