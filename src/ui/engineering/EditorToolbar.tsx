import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FACILITY_KINDS, type FacilityKind } from '../../domain/sceneSchema';
import type { LayoutEditor } from '../../store/layout/LayoutEditor';
import { EDITOR_TOOLS, type EditorTool } from '../../store/layout/tools/ToolManager';
import { useEditorState } from '../../store/layout/useEditorState';
import type { LayoutFormat } from './sceneFiles';

/** The toolbar's tool buttons; `place` has its own, beside the kind it places. */
const TOOLS: readonly EditorTool[] = EDITOR_TOOLS.filter((k) => k !== 'place');

interface Props {
  readonly editor: LayoutEditor;
  readonly onSave: () => void;
  readonly onGeoJson: () => void;
  readonly onExportLif: () => void;
  /** A file picked to import (LIF: the lanes; GeoJSON: facilities and lanes). */
  readonly onImport: (format: LayoutFormat, file: File) => void;
  /** Opens *New variant…* (a generated layout of the zone); absent where the twin cannot make one. */
  readonly onNewVariant?: () => void;
}

/** A button that opens the file picker, and the hidden input it opens (a test sets its files directly). */
function ImportButton({ format, onImport }: { format: LayoutFormat; onImport: Props['onImport'] }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" data-testid={`import-${format}`} title={t(`engineering.file.import.${format}Title`)} onClick={() => input.current?.click()}>
        {t(`engineering.file.import.${format}`)}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept={format === 'lif' ? '.json,.lif,application/json' : '.geojson,.json,application/geo+json,application/json'}
        data-testid={`import-${format}-file`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared, so picking the same file again (after fixing it) imports it again.
          e.target.value = '';
          if (file) onImport(format, file);
        }}
      />
    </>
  );
}

/** Tools, adding, deleting, undo/redo, snapping, and the layout's files. Shortcuts are listed in each title. */
export function EditorToolbar({ editor, onSave, onGeoJson, onExportLif, onImport, onNewVariant }: Props) {
  const { t } = useTranslation();
  const tool = useEditorState(editor, (s) => s.tool);
  const placeKind = useEditorState(editor, (s) => s.placeKind);
  const canUndo = useEditorState(editor, (s) => s.canUndo);
  const canRedo = useEditorState(editor, (s) => s.canRedo);
  const hasSelection = useEditorState(editor, (s) => s.selection !== undefined);
  const grid = useEditorState(editor, (s) => s.snap.grid);
  const angle = useEditorState(editor, (s) => s.snap.angle);
  const { gridSnapM, angleSnapDeg } = editor.settings;
  return (
    <div className="panel editor-toolbar" role="toolbar" aria-label={t('engineering.tool.label')} data-testid="editor-toolbar">
      <div className="group">
        {TOOLS.map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={tool === k}
            data-testid={`tool-${k}`}
            title={t(`engineering.tool.${k}Title`)}
            onClick={() => editor.setTool(k)}
          >
            {t(`engineering.tool.${k}`)}
          </button>
        ))}
      </div>
      <div className="group">
        <select
          aria-label={t('engineering.tool.placeKind')}
          value={placeKind}
          data-testid="place-kind"
          onChange={(e) => editor.setTool('place', e.target.value as FacilityKind)}
        >
          {FACILITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          aria-pressed={tool === 'place'}
          data-testid="tool-place"
          title={t('engineering.tool.placeTitle')}
          onClick={() => editor.setTool('place')}
        >
          {t('engineering.tool.place')}
        </button>
        <button
          type="button"
          disabled={!hasSelection}
          data-testid="tool-delete"
          title={t('engineering.tool.deleteTitle')}
          onClick={() => editor.deleteSelection()}
        >
          {t('engineering.tool.delete')}
        </button>
      </div>
      <div className="group">
        <button type="button" disabled={!canUndo} data-testid="undo" title={t('engineering.tool.undoTitle')} onClick={() => editor.undo()}>
          {t('engineering.tool.undo')}
        </button>
        <button type="button" disabled={!canRedo} data-testid="redo" title={t('engineering.tool.redoTitle')} onClick={() => editor.redo()}>
          {t('engineering.tool.redo')}
        </button>
      </div>
      <div className="group">
        <label className="toggle">
          <input type="checkbox" checked={grid} data-testid="snap-grid" onChange={(e) => editor.setSnap({ grid: e.target.checked })} />
          {t('engineering.tool.gridSnap', { step: gridSnapM })}
        </label>
        <label className="toggle">
          <input type="checkbox" checked={angle} data-testid="snap-angle" onChange={(e) => editor.setSnap({ angle: e.target.checked })} />
          {t('engineering.tool.angleSnap', { step: angleSnapDeg })}
        </label>
      </div>
      <div className="group">
        {onNewVariant && (
          <button type="button" data-testid="new-variant-open" title={t('engineering.variant.openTitle')} onClick={onNewVariant}>
            {t('engineering.variant.open')}
          </button>
        )}
        <button type="button" data-testid="save-scene" title={t('engineering.file.saveTitle')} onClick={onSave}>
          {t('engineering.file.save')}
        </button>
        <button type="button" data-testid="export-geojson" title={t('engineering.file.geojsonTitle')} onClick={onGeoJson}>
          {t('engineering.file.geojson')}
        </button>
        <button type="button" data-testid="export-lif" title={t('engineering.file.lifTitle')} onClick={onExportLif}>
          {t('engineering.file.lif')}
        </button>
        <ImportButton format="lif" onImport={onImport} />
        <ImportButton format="geojson" onImport={onImport} />
      </div>
    </div>
  );
}
