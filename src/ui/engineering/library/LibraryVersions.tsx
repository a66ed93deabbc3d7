import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayoutSession } from '../../../store/layout/LayoutSession';
import type { LayoutLibraryApi, LibraryComparison, LibraryLayout, LibraryStudy, LibraryVersion } from '../../../store/server/layoutLibraryApi';
import { gateTime } from '../../gateTime';
import { LayoutComparisonView } from './LayoutComparisonView';

/**
 * One library layout's versions, newest first, each with who saved it and when, its note, the checker's problem
 * count and the studies kept with it; any version opens in the editor (asking first when that would replace unsaved
 * edits) and any two compare.
 */
export function LibraryVersions({
  api,
  layout,
  session,
  dirty,
}: {
  api: LayoutLibraryApi;
  layout: LibraryLayout;
  session: LayoutSession;
  dirty: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [versions, setVersions] = useState<readonly LibraryVersion[]>();
  const [studies, setStudies] = useState<readonly LibraryStudy[]>([]);
  const [picked, setPicked] = useState<readonly number[]>([]);
  const [comparison, setComparison] = useState<LibraryComparison>();
  const [confirming, setConfirming] = useState<number>();
  const [error, setError] = useState<string>();
  const n = (x: number) => Math.round(x).toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB');

  useEffect(() => {
    let live = true;
    Promise.all([api.versions(layout.id), api.studies(layout.id)]).then(
      ([v, s]) => {
        if (!live) return;
        setVersions(v);
        setStudies(s);
      },
      (e: unknown) => live && setError((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [api, layout.id, layout.latest.version]);

  const openVersion = async (version: number) => {
    if (dirty && confirming !== version) return setConfirming(version);
    setConfirming(undefined);
    try {
      const scene = await api.open(layout.id, version);
      session.editor.load(scene);
      session.library.getState().set({ id: layout.id, name: layout.name, version, scene: session.editor.scene });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const toggle = (version: number) => setPicked((p) => (p.includes(version) ? p.filter((v) => v !== version) : [...p, version].slice(-2)));
  const compare = async () => {
    const [a, b] = [...picked].sort((x, y) => x - y);
    try {
      setComparison(await api.compare(layout.id, a!, b!));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="library-versions" data-testid="library-versions">
      {error && (
        <p className="editor-error" role="alert" data-testid="library-error">
          {error}
        </p>
      )}
      <ol>
        {versions?.map((v) => {
          const kept = studies.filter((s) => s.version === v.version);
          return (
            <li key={v.version} data-testid="library-version" data-version={v.version}>
              <label>
                <input type="checkbox" checked={picked.includes(v.version)} onChange={() => toggle(v.version)} data-testid="library-pick" />
                {t('engineering.library.version', { version: v.version, author: v.author, time: gateTime(v.savedMs / 1000, i18n.language, true) })}
              </label>
              {v.note && <span className="library-version-note">{v.note}</span>}
              {v.problems > 0 && <span className="library-problems">{t('engineering.library.problems', { count: v.problems })}</span>}
              {kept.map((s) => (
                <span key={s.id} className="library-study" data-testid="library-study">
                  {t('engineering.library.study', {
                    cleared: n(s.result.base.clearedPerDay.mean),
                    agvs: s.result.base.agvs,
                    author: s.author,
                  })}
                </span>
              ))}
              <button type="button" onClick={() => void openVersion(v.version)} data-testid="library-open">
                {confirming === v.version ? t('engineering.library.openAnyway') : t('engineering.library.open')}
              </button>
              {confirming === v.version && <span className="library-note">{t('engineering.library.replaceEdits')}</span>}
            </li>
          );
        })}
      </ol>
      <button type="button" disabled={picked.length !== 2} onClick={() => void compare()} data-testid="library-compare">
        {picked.length === 2 ? t('engineering.library.compareTwo', { a: Math.min(...picked), b: Math.max(...picked) }) : t('engineering.library.compare')}
      </button>
      {comparison && <LayoutComparisonView comparison={comparison} />}
    </div>
  );
}
