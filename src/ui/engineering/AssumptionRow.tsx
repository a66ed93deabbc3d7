import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assumption } from '../../store/layout/assumptions';
import type { LayoutEditor } from '../../store/layout/LayoutEditor';
import { NumberField } from './NumberField';

/**
 * One sourced value: its numbers and its source, each editable; a typed number or source is one command
 * through the editor (one undo step), refused with the editor's reason if the scene would be invalid.
 */
export function AssumptionRow({ editor, assumption, label }: { editor: LayoutEditor; assumption: Assumption; label: string }) {
  const { t } = useTranslation();
  const [source, setSource] = useState(assumption.source);
  useEffect(() => setSource(assumption.source), [assumption.source]);
  const single = assumption.fields.length === 1;
  const commitSource = () => {
    if (source === assumption.source) return;
    if (!editor.setAssumption(assumption.path, {}, source).ok) setSource(assumption.source);
  };
  return (
    <li className="assumption" data-testid={`assumption-${assumption.path}`}>
      <div className="assumption-label">
        <strong>{label}</strong>
        <code>{assumption.path}</code>
      </div>
      <div className={single ? 'assumption-values single' : 'assumption-values'}>
        {assumption.fields.map((f) => (
          <NumberField
            key={f.name}
            label={single ? t('engineering.assumptions.value') : f.name}
            value={f.value}
            testId={`assumption-${assumption.path}-${f.name}`}
            onCommit={(v) => editor.setAssumption(assumption.path, { [f.name]: v }, assumption.source).ok}
          />
        ))}
      </div>
      <label className="assumption-source">
        <span>{t('panel.source')}</span>
        <input
          type="text"
          value={source}
          onChange={(e) => setSource(e.target.value)}
          onBlur={commitSource}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Enter') commitSource();
            if (e.key === 'Escape') setSource(assumption.source);
          }}
        />
      </label>
    </li>
  );
}
