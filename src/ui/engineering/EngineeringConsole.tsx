import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fleetFrame } from '../../domain/fleetFrame';
import type { Scene } from '../../domain/sceneSchema';
import { useEditorState } from '../../store/layout/useEditorState';
import { useTwin } from '../../store/useTwin';
import { EditLayer } from '../../view/edit/EditLayer';
import type { RenderStats } from '../../view/renderStats';
import { TwinCanvas } from '../../view/TwinCanvas';
import { Legend } from '../Legend';
import { AssumptionsPanel } from './AssumptionsPanel';
import { DraftBanner } from './DraftBanner';
import { EditorToolbar } from './EditorToolbar';
import { FacilityPicker } from './FacilityPicker';
import { Inspector } from './Inspector';
import { ProblemList } from './ProblemList';
import { ExperimentPanel } from './experiment/ExperimentPanel';
import { StudyPanel } from './study/StudyPanel';
import { exportGeoJson, exportLif, importLayoutText, saveSceneFile, type ImportOutcome, type LayoutFormat } from './sceneFiles';
import { ImportNotice } from './ImportNotice';
import { NewVariantDialog, type MakeVariant } from './NewVariantDialog';
import { coded } from '../../domain/problem';
import type { Problem } from '../../domain/problem';
import { problemText } from '../problemText';
import { useEditorShortcuts } from './useEditorShortcuts';
import { useLayoutSession } from './useLayoutSession';
import { LibraryPanel, type LibraryLink } from './library/LibraryPanel';
import './engineering.css';

/** Clicks on the view are the editor tools' (src/view/edit/CanvasToolAdapter.tsx), not the canvas's pick. */
const TOOLS_PICK = () => {};

type Tab = 'layout' | 'assumptions' | 'study' | 'experiment' | 'library';
const TABS: readonly Tab[] = ['layout', 'assumptions', 'study', 'experiment', 'library'];

/**
 * Engineers' layout studio: the layout editor on the 3D view (gizmos, lane handles, problems drawn in place), a
 * toolbar, the inspector, the live checker's problems, the model's assumptions, and capacity studies of the
 * edited layout against the scene as opened (the baseline). Edits autosave as a draft of the scene. The legend
 * counts the edited layout, so a deleted crane leaves the count at once. Served by the control-room server, a
 * Library tab saves layouts there by version (`library`).
 */
export function EngineeringConsole({
  scene,
  maxPixelRatio,
  stats,
  library,
  makeVariant,
}: {
  scene: Scene;
  maxPixelRatio: number;
  stats: RenderStats;
  library?: LibraryLink;
  makeVariant?: MakeVariant;
}) {
  const { t } = useTranslation();
  const session = useLayoutSession(scene);
  const { editor } = session;
  const edited = useEditorState(editor, (s) => s.scene);
  const error = useEditorState(editor, (s) => s.error);
  const hidden = useTwin((s) => s.hiddenKinds);
  const sideNames = useMemo(() => ({ VN: t('country.VN'), CN: t('country.CN') }), [t]);
  const fleet = useMemo(() => ({ frame: fleetFrame(0, 0) }), []);
  const [tab, setTab] = useState<Tab>('layout');
  const [fileError, setFileError] = useState<readonly Problem[]>();
  const [imported, setImported] = useState<ImportOutcome>();
  const [variantOpen, setVariantOpen] = useState(false);
  const importFile = (format: LayoutFormat, file: File) => {
    file.text().then(
      (text) => setImported(importLayoutText(editor, format, file.name, text)),
      (e: unknown) => {
        const reason = e instanceof Error ? e.message : String(e);
        setImported({ ok: false, file: file.name, format, problems: [coded('', `cannot load: ${reason}`, { code: 'load-failed', params: { reason } })] });
      },
    );
  };
  useEditorShortcuts(editor);

  return (
    <div className="engineering" data-testid="engineering-console">
      <TwinCanvas
        scene={edited}
        fleet={fleet}
        stats={stats}
        hidden={hidden}
        maxPixelRatio={maxPixelRatio}
        sideNames={sideNames}
        onPick={TOOLS_PICK}
        onMiss={TOOLS_PICK}
      >
        <EditLayer editor={editor} />
      </TwinCanvas>
      <Legend scene={edited} />
      <EditorToolbar
        editor={editor}
        onSave={() => setFileError(saveSceneFile(editor.scene))}
        onGeoJson={() => exportGeoJson(editor.scene)}
        onExportLif={() => exportLif(editor.scene)}
        onImport={importFile}
        {...(makeVariant ? { onNewVariant: () => setVariantOpen(true) } : {})}
      />
      {variantOpen && makeVariant && (
        <NewVariantDialog zone={scene.zone.id} agvs={scene.fleet.agv.count.value} make={makeVariant} onClose={() => setVariantOpen(false)} />
      )}
      <aside
        className={tab === 'study' || tab === 'experiment' ? 'panel engineering-side wide' : 'panel engineering-side'}
        aria-label={t('engineering.title')}
      >
        <DraftBanner session={session} />
        {(error || fileError) && (
          <p className="editor-error" role="alert" data-testid="editor-error">
            {fileError ? t('engineering.file.saveRefused', { reason: fileError.map((p) => problemText(p, t)).join('; ') }) : error}
            <button
              type="button"
              aria-label={t('panel.close')}
              onClick={() => {
                setFileError(undefined);
                editor.clearError();
              }}
            >
              ×
            </button>
          </p>
        )}
        {imported && <ImportNotice outcome={imported} onClose={() => setImported(undefined)} />}
        <div className="tabs" role="tablist">
          {TABS.filter((k) => k !== 'library' || library).map((k) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} data-testid={`tab-${k}`} onClick={() => setTab(k)}>
              {t(`engineering.tab.${k}`)}
            </button>
          ))}
        </div>
        {tab === 'layout' && (
          <div className="tab-body">
            <FacilityPicker editor={editor} />
            <Inspector editor={editor} />
            <ProblemList editor={editor} />
          </div>
        )}
        {tab === 'assumptions' && (
          <div className="tab-body">
            <AssumptionsPanel editor={editor} />
          </div>
        )}
        {tab === 'library' && library && (
          <div className="tab-body">
            <LibraryPanel link={library} session={session} />
          </div>
        )}
        {tab === 'study' && (
          <div className="tab-body">
            <StudyPanel scene={edited} baseline={session.baseline} runner={session.study} />
          </div>
        )}
        {tab === 'experiment' && (
          <div className="tab-body">
            <ExperimentPanel scene={edited} runner={session.experiment} />
          </div>
        )}
      </aside>
    </div>
  );
}
