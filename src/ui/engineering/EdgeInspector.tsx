import { useTranslation } from 'react-i18next';
import type { LaneEdge } from '../../domain/sceneSchema';
import type { LayoutEditor } from '../../store/layout/LayoutEditor';
import { NumberField } from './NumberField';

/** A lane's ends, width, speed limit and border flag. */
export function EdgeInspector({ editor, e }: { editor: LayoutEditor; e: LaneEdge }) {
  const { t } = useTranslation();
  return (
    <section className="inspector" data-testid="inspector">
      <header>
        <h3>{t('engineering.inspector.edge')}</h3>
      </header>
      <p className="meta">
        <button type="button" className="link" onClick={() => editor.select({ kind: 'node', id: e.from })}>
          {e.from}
        </button>{' '}
        →{' '}
        <button type="button" className="link" onClick={() => editor.select({ kind: 'node', id: e.to })}>
          {e.to}
        </button>
      </p>
      <div className="fields">
        <NumberField
          label={t('engineering.inspector.laneWidth')}
          unit="m"
          value={e.widthM}
          onCommit={(v) => editor.setLaneEdgeField(e.id, 'widthM', v).ok}
        />
        <NumberField
          label={t('engineering.inspector.speedLimit')}
          unit="m/s"
          value={e.speedLimitMps}
          onCommit={(v) => editor.setLaneEdgeField(e.id, 'speedLimitMps', v).ok}
        />
        <label className="number-field">
          <span>{t('engineering.inspector.crossBorder')}</span>
          <input type="checkbox" checked={e.crossBorder} onChange={(ev) => editor.setLaneEdgeField(e.id, 'crossBorder', ev.target.checked)} />
        </label>
      </div>
      <button type="button" className="danger" data-testid="delete-selection" onClick={() => editor.deleteSelection()}>
        {t('engineering.tool.delete')}
      </button>
    </section>
  );
}
