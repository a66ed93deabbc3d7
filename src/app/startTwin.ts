import type { i18n as I18n } from 'i18next';
import type { TwinStore } from '../store/twinStore';
import { openScene } from './openScene';
import { resolveScene, writeUrlState, type UrlState } from './urlState';

/**
 * Opens the scene the URL asks for (or the default one when the URL is wrong, listing why) and from then on
 * keeps the URL and the UI language in step with the store.
 */
export function startTwin(store: TwinStore, url: UrlState, i18n: I18n): void {
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

  const { request, fallback, problems } = resolveScene(url);
  const first = request ?? fallback;
  if (problems.length > 0) store.getState().reportProblems({ file: 'URL', problems });
  if (!first) return;
  void openScene(store, first, url.view).then(async (ok) => {
    if (!ok && fallback && first !== fallback) await openScene(store, fallback, url.view);
  });
}
