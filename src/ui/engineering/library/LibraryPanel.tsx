import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { may } from '../../../domain/roles';
import type { LayoutSession } from '../../../store/layout/LayoutSession';
import { useEditorState } from '../../../store/layout/useEditorState';
import type { LayoutLibraryApi, LibraryLayout } from '../../../store/server/layoutLibraryApi';
import type { ServerStore } from '../../../store/server/serverStore';
import { LibraryVersions } from './LibraryVersions';
import { gateTime } from '../../gateTime';
import { useStudyRunner } from '../study/useStudyRunner';

/** The server's layout library and who may use it, as the app passes them to the engineering console. */
export interface LibraryLink {
  readonly api: LayoutLibraryApi;
  readonly server: ServerStore;
}

/**
 * The layout library (Library tab): save the edited layout to the server as a new layout or as the next version of
 * the one opened, keep the last capacity study with the version it ran on, and browse this zone's layouts, their
 * versions and studies, open any version and compare two. Saving needs an engineer's or an admin's role; anyone
 * signed in may browse. Drafts in the browser stay as they were for work not yet saved.
 */
export function LibraryPanel({ link, session }: { link: LibraryLink; session: LayoutSession }) {
  const { t, i18n } = useTranslation();
  const time = (ms: number) => gateTime(ms / 1000, i18n.language, true);
  const standing = useStore(link.server, (s) => s.server);
  const origin = useStore(session.library, (s) => s.origin);
  const edited = useEditorState(session.editor, (s) => s.scene);
  const study = useStudyRunner(session.study);
  const zone = edited.zone.id;
  const [layouts, setLayouts] = useState<readonly LibraryLayout[]>();
  const [open, setOpen] = useState<string>();
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [said, setSaid] = useState<string>();
  const signedIn = standing.status === 'signed-in';
  const canDesign = signedIn && may(standing.role, 'design');
  const dirty = origin !== undefined && origin.scene !== edited;

  const refresh = useCallback(() => {
    link.api.list(zone).then(setLayouts, (e: unknown) => setError((e as Error).message));
  }, [link.api, zone]);
  useEffect(() => {
    if (signedIn) refresh();
  }, [signedIn, refresh]);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    setSaid(undefined);
    try {
      setSaid(await work());
      refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const saveNew = () =>
    act(async () => {
      const scene = session.editor.scene;
      const l = await link.api.create(name.trim(), scene, note.trim() || undefined);
      session.library.getState().set({ id: l.id, name: l.name, version: 1, scene });
      setNote('');
      return t('engineering.library.savedNew', { name: l.name });
    });
  const saveVersion = () =>
    act(async () => {
      const scene = session.editor.scene;
      const v = await link.api.save(origin!.id, origin!.version, scene, note.trim() || undefined);
      session.library.getState().set({ ...origin!, version: v.version, scene });
      setNote('');
      return t('engineering.library.savedVersion', { name: origin!.name, version: v.version });
    });
  const editedResult = study.shown.find((r) => r.layout === 'edited')?.result;
  const keepStudy = () =>
    act(async () => {
      await link.api.addStudy(origin!.id, origin!.version, editedResult!);
      return t('engineering.library.studyKept', { version: origin!.version });
    });

  if (!signedIn) {
    return (
      <p className="library-note" data-testid="library-signin">
        {t('engineering.library.signIn')}
      </p>
    );
  }
  return (
    <section className="library" aria-label={t('engineering.library.title')} data-testid="library-panel">
      <p className="library-origin" data-testid="library-origin">
        {origin
          ? t(dirty ? 'engineering.library.editingDirty' : 'engineering.library.editing', { name: origin.name, version: origin.version })
          : t('engineering.library.notSaved')}
      </p>
      {!canDesign && <p className="library-note">{t('engineering.library.viewOnly')}</p>}
      <div className="library-save">
        <label>
          {t('engineering.library.note')}
          <input value={note} maxLength={2000} disabled={!canDesign} onChange={(e) => setNote(e.target.value)} data-testid="library-note" />
        </label>
        {origin && (
          <button type="button" disabled={!canDesign || busy || !dirty} onClick={() => void saveVersion()} data-testid="library-save-version">
            {t('engineering.library.saveVersion', { version: origin.version + 1 })}
          </button>
        )}
        <label>
          {t('engineering.library.name')}
          <input value={name} maxLength={100} disabled={!canDesign} onChange={(e) => setName(e.target.value)} data-testid="library-name" />
        </label>
        <button type="button" disabled={!canDesign || busy || name.trim() === ''} onClick={() => void saveNew()} data-testid="library-save-new">
          {t('engineering.library.saveNew')}
        </button>
        {origin && editedResult && (
          <button type="button" disabled={!canDesign || busy || dirty} onClick={() => void keepStudy()} data-testid="library-keep-study">
            {t('engineering.library.keepStudy', { version: origin.version })}
          </button>
        )}
      </div>
      {error && (
        <p className="editor-error" role="alert" data-testid="library-error">
          {error}
        </p>
      )}
      {said && (
        <p className="library-said" role="status" data-testid="library-said">
          {said}
        </p>
      )}
      <h3>{t('engineering.library.layouts', { zone })}</h3>
      {layouts?.length === 0 && <p className="library-note">{t('engineering.library.none')}</p>}
      <ul className="library-list">
        {layouts?.map((l) => (
          <li key={l.id} data-testid="library-layout" data-name={l.name}>
            <button
              type="button"
              aria-expanded={open === l.id}
              onClick={() => setOpen(open === l.id ? undefined : l.id)}
              data-testid="library-layout-open"
            >
              {l.name}
            </button>
            <span>
              {t('engineering.library.latest', { version: l.latest.version, author: l.latest.author, time: time(l.latest.savedMs) })}
              {l.latest.problems > 0 && ` · ${t('engineering.library.problems', { count: l.latest.problems })}`}
            </span>
            {open === l.id && (
              <LibraryVersions api={link.api} layout={l} session={session} dirty={dirty || (origin === undefined && edited !== session.baseline)} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
