import { useTranslation } from 'react-i18next';
import type { LayoutEditor } from '../../store/layout/LayoutEditor';
import { useEditorState } from '../../store/layout/useEditorState';
import { EdgeInspector } from './EdgeInspector';
import { FacilityInspector } from './FacilityInspector';
import { NodeInspector } from './NodeInspector';

/** The selected facility, lane node or lane edge, every field editable; a typed value is one undo step. */
export function Inspector({ editor }: { editor: LayoutEditor }) {
  const { t } = useTranslation();
  const scene = useEditorState(editor, (s) => s.scene);
  const selection = useEditorState(editor, (s) => s.selection);
  if (!selection) return <p className="hint">{t('engineering.inspector.empty')}</p>;
  if (selection.kind === 'facility') {
    const f = scene.facilities.find((x) => x.id === selection.id);
    return f ? <FacilityInspector editor={editor} scene={scene} f={f} /> : null;
  }
  if (selection.kind === 'node') {
    const n = scene.lanes.nodes.find((x) => x.id === selection.id);
    return n ? <NodeInspector editor={editor} scene={scene} n={n} /> : null;
  }
  const e = scene.lanes.edges.find((x) => x.id === selection.id);
  return e ? <EdgeInspector editor={editor} e={e} /> : null;
}
