import { useTranslation } from 'react-i18next';
import { LaneNode as LaneNodeSchema, type LaneNode, type Scene } from '../../domain/sceneSchema';
import type { LayoutEditor } from '../../store/layout/LayoutEditor';
import { NumberField } from './NumberField';

const ROLES = LaneNodeSchema.shape.role.unwrap().options;

/** A lane node's position, role and the facility it serves, with the lanes that meet there. */
export function NodeInspector({ editor, scene, n }: { editor: LayoutEditor; scene: Scene; n: LaneNode }) {
  const { t } = useTranslation();
  const edges = scene.lanes.edges.filter((e) => e.from === n.id || e.to === n.id);
  return (
    <section className="inspector" data-testid="inspector">
      <header>
        <h3>{t('engineering.inspector.node')}</h3>
      </header>
      <p className="meta">
        <code>{n.id}</code>
      </p>
      <div className="fields">
        <NumberField
          label={t('engineering.inspector.east')}
          unit="m"
          value={n.position[0]}
          testId="field-east"
          onCommit={(v) => editor.moveLaneNode(n.id, [v, n.position[1]], { snap: false }).ok}
        />
        <NumberField
          label={t('engineering.inspector.north')}
          unit="m"
          value={n.position[1]}
          testId="field-north"
          onCommit={(v) => editor.moveLaneNode(n.id, [n.position[0], v], { snap: false }).ok}
        />
        <label className="number-field">
          <span>{t('engineering.inspector.role')}</span>
          <select value={n.role} onChange={(e) => editor.setLaneNodeField(n.id, 'role', e.target.value)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`engineering.role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="number-field">
          <span>{t('field.serves')}</span>
          <select value={n.serves ?? ''} onChange={(e) => editor.setLaneNodeField(n.id, 'serves', e.target.value || undefined)}>
            <option value="">{t('engineering.inspector.none')}</option>
            {scene.facilities.map((f) => (
              <option key={f.id} value={f.id}>
                {f.id}
              </option>
            ))}
          </select>
        </label>
      </div>
      <h4>{t('engineering.inspector.lanes', { count: edges.length })}</h4>
      <ul className="edge-list">
        {edges.map((e) => (
          <li key={e.id}>
            <button type="button" className="link" onClick={() => editor.select({ kind: 'edge', id: e.id })}>
              {e.from} → {e.to}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="danger" data-testid="delete-selection" onClick={() => editor.deleteSelection()}>
        {t('engineering.tool.delete')}
      </button>
    </section>
  );
}
