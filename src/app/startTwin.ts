import type { i18n as I18n } from 'i18next';
import type { TwinStore } from '../store/twinStore';
import { openScene } from './openScene';
import { readUrlProblems } from './urlProblems';
import { resolveScene, writeUrlState, type UrlState } from './urlState';

/**
 * Opens the scene the URL asks for (or the default one when the URL is wrong, listing why) and from then on
 * keeps the URL and the UI language in step with the store.
 */
export function startTwin(store: TwinStore, url: UrlState, i18n: I18n): void {
  // As the user typed it: once a scene is in, the address is rewritten to what is shown.
  const asked = window.location.search;
  store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) void i18n.changeLanguage(s.lang);
    if (s.loaded === prev.loaded && s.viewId === prev.viewId && s.lang === prev.lang && s.mode === prev.mode) return;
    if (!s.loaded) return;
    const origin = s.loaded.origin;
    const search = writeUrlState(window.location.search, {
      zone: s.loaded.scene.zone.id,
      scene: origin.startsWith('file:') ? undefined : origin,
      view: s.viewId,
      lang: s.lang,
      mode: s.mode,
    });
    if (search !== window.location.search) window.history.replaceState(null, '', search);
  });

  const { request, fallback } = resolveScene(url);
  const first = request ?? fallback;
  // The URL's problems in one report (a later report replaces an earlier one); the view is checked once its scene is in.
  const problems = readUrlProblems(asked);
  if (problems.length > 0) store.getState().reportProblems({ file: 'URL', problems });
  if (!first) return;
  void openScene(store, first, url.view)
    .then(async (ok) => ok || (fallback !== undefined && first !== fallback && (await openScene(store, fallback, url.view))))
    .then((ok) => {
      const { loaded, report } = store.getState();
      const all = ok && loaded ? readUrlProblems(asked, loaded.scene) : problems;
      // A scene that failed to load has its own report on screen: that one stays.
      if (all.length > problems.length && (report === undefined || report.file === 'URL')) store.getState().reportProblems({ file: 'URL', problems: all });
    });
}
