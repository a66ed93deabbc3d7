import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Scene } from '../../domain/sceneSchema';
import { Autosave, type AutosaveStatus } from '../../store/layout/Autosave';
import { DraftStore } from '../../store/layout/drafts';
import { LayoutEditor } from '../../store/layout/LayoutEditor';

export interface LayoutSession {
  readonly editor: LayoutEditor;
  /** The scene as opened: what "discard draft" returns to and what a study compares against. */
  readonly baseline: Scene;
  /** When the editor started from a saved draft: the time it was saved. */
  readonly restoredAt?: number;
  /** Why a saved draft could not be restored. */
  readonly draftError?: string;
  readonly autosave: Autosave;
}

const BROWSER_TIME = {
  setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
  clearTimeout: (h: unknown) => window.clearTimeout(h as number),
  now: () => Date.now(),
};

function start(scene: Scene): LayoutSession {
  const drafts = new DraftStore(window.localStorage);
  const editor = new LayoutEditor(scene);
  const saved = drafts.load(scene.id);
  if (saved.ok && saved.draft) editor.load(saved.draft.scene);
  const restoredAt = saved.ok ? saved.draft?.savedAt : undefined;
  const autosave = new Autosave(editor, drafts, scene, editor.settings.autosaveDebounceMs, BROWSER_TIME, restoredAt === undefined ? undefined : { kind: 'saved', at: restoredAt });
  return {
    editor,
    baseline: scene,
    restoredAt,
    draftError: saved.ok ? undefined : saved.message,
    autosave,
  };
}

/**
 * One editing session per opened scene: the editor, started from the scene's saved draft when there is one,
 * and its autosave, flushed when the page is hidden or closed so a reload loses nothing.
 */
export function useLayoutSession(scene: Scene): LayoutSession & { discardDraft(): void } {
  const [session, setSession] = useState(() => start(scene));
  // Another scene opened: a new session (the old autosave is flushed by the effect's cleanup below).
  if (session.baseline !== scene) setSession(start(scene));
  useEffect(() => {
    const flush = () => session.autosave.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
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
