import { useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { Scene } from '../../domain/sceneSchema';
import type { AutosaveStatus, Autosave } from '../../store/layout/Autosave';
import { closeLayoutSession, openLayoutSession, type LayoutSession } from '../../store/layout/LayoutSession';
import type { StartExperiment } from '../../store/layout/ExperimentRunner';
import type { StartStudy } from '../../store/layout/StudyRunner';
import { ExperimentContext } from './experiment/experimentContext';
import { StudyRunnerContext } from './study/studyRunnerContext';

const BROWSER_TIME = {
  setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
  clearTimeout: (h: unknown) => window.clearTimeout(h as number),
  now: () => Date.now(),
};

const open = (scene: Scene, startStudy: StartStudy | undefined, startExperiment: StartExperiment | undefined) =>
  openLayoutSession(scene, { storage: window.localStorage, time: BROWSER_TIME, startStudy, startExperiment });

/**
 * The console's layout session (src/store/layout/LayoutSession.ts) for the opened scene, with the browser's
 * storage and timers and the app's study worker and experiment pool; the draft is flushed when the page is hidden or closed so a
 * reload loses nothing, and the session closes when another scene opens or the console goes.
 */
export function useLayoutSession(scene: Scene): LayoutSession & { discardDraft(): void } {
  const startStudy = useContext(StudyRunnerContext);
  const startExperiment = useContext(ExperimentContext)?.start;
  const [session, setSession] = useState(() => open(scene, startStudy, startExperiment));
  // Another scene opened: a new session (the old one is closed by the effect's cleanup below).
  if (session.baseline !== scene) setSession(open(scene, startStudy, startExperiment));
  useEffect(() => {
    const flush = () => session.autosave.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      closeLayoutSession(session);
    };
  }, [session]);
  return {
    ...session,
    discardDraft: () => {
      // Back to the scene as opened: the autosave sees nothing to keep and removes the draft.
      session.editor.load(session.baseline);
      session.autosave.flush();
      setSession({ ...session, restoredAt: undefined, draftError: undefined });
    },
  };
}

/** The autosave's status, re-rendering when it changes. */
export function useAutosaveStatus(autosave: Autosave): AutosaveStatus {
  return useSyncExternalStore(
    (cb) => autosave.onStatus(cb),
    () => autosave.current,
  );
}
