import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { listAssumptions } from '../../store/layout/assumptions';
import type { LayoutEditor } from '../../store/layout/LayoutEditor';
import { useEditorState } from '../../store/layout/useEditorState';
import { useTwin } from '../../store/useTwin';
import { assumptionLabel } from './assumptionLabel';
import { AssumptionRow } from './AssumptionRow';

/**
 * Every number of the model that the scene carries with its source (fleet, process, capacity, each scanner,
 * crane, barrier, charging area and road), editable value and source alike, through the editor's history.
 */
export function AssumptionsPanel({ editor }: { editor: LayoutEditor }) {
  const { t } = useTranslation();
  const lang = useTwin((s) => s.lang);
  const scene = useEditorState(editor, (s) => s.scene);
  const assumptions = useMemo(() => listAssumptions(scene), [scene]);
  return (
    <section className="assumptions" data-testid="assumptions">
      <p className="hint">{t('engineering.assumptions.hint', { count: assumptions.length })}</p>
      <ul className="assumption-list">
        {assumptions.map((a) => (
          <AssumptionRow key={a.path} editor={editor} assumption={a} label={assumptionLabel(a.path, scene, lang, t)} />
        ))}
      </ul>
    </section>
  );
}
