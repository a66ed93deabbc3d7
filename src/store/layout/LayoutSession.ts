/**
 * One editing session per opened scene, React-free: the editor (started from the scene's saved draft when there
 * is one), its autosave, and the capacity study and experiment run on it. The console creates it and disposes of it; its tabs
 * only read it, so leaving the Study tab for the Layout tab loses neither a running study nor its results.
 */
import type { Scene } from '../../domain/sceneSchema';
import { Autosave, type Scheduler } from './Autosave';
import { DraftStore, type KeyValueStorage } from './drafts';
import { LayoutEditor } from './LayoutEditor';
import { ExperimentRunner, type StartExperiment } from './ExperimentRunner';
import { StudyRunner, type StartStudy } from './StudyRunner';
import { createLibraryOrigin, type LibraryOriginStore } from './libraryOrigin';

export interface LayoutSession {
  readonly editor: LayoutEditor;
  /** The scene as opened: what "discard draft" returns to and what a study compares against. */
  readonly baseline: Scene;
  /** When the editor started from a saved draft: the time it was saved. */
  readonly restoredAt?: number;
  /** Why a saved draft could not be restored. */
  readonly draftError?: string;
  readonly autosave: Autosave;
  readonly study: StudyRunner;
  /** The design-of-experiments run of the zone's layouts (the edited one and generated variants). */
  readonly experiment: ExperimentRunner;
  /** The library version the editor holds (none until one is opened or saved). */
  readonly library: LibraryOriginStore;
}

export interface SessionServices {
  readonly storage: KeyValueStorage;
  readonly time: Scheduler;
  /** How studies start (a worker); without it the study panel says studies are unavailable. */
  readonly startStudy?: StartStudy;
  /** How experiments start (a pool of workers); without it the experiment panel says so. */
  readonly startExperiment?: StartExperiment;
}

export function openLayoutSession(scene: Scene, { storage, time, startStudy, startExperiment }: SessionServices): LayoutSession {
  const drafts = new DraftStore(storage);
  const editor = new LayoutEditor(scene);
  const saved = drafts.load(scene.id);
  if (saved.ok && saved.draft) editor.load(saved.draft.scene);
  const restoredAt = saved.ok ? saved.draft?.savedAt : undefined;
  const autosave = new Autosave(
    editor,
    drafts,
    scene,
    editor.settings.autosaveDebounceMs,
    time,
    restoredAt === undefined ? undefined : { kind: 'saved', at: restoredAt },
  );
  return {
    editor,
    baseline: scene,
    restoredAt,
    draftError: saved.ok ? undefined : saved.message,
    autosave,
    study: new StudyRunner(startStudy),
    experiment: new ExperimentRunner(startExperiment),
    library: createLibraryOrigin(),
  };
}

/** The session ends (another scene, the console closed): the draft is written now and a study under way stops. */
export function closeLayoutSession(session: LayoutSession): void {
  session.autosave.flush();
  session.study.dispose();
  session.experiment.dispose();
}
