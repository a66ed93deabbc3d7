import { parseScene } from '../domain/parseScene';
import { coded } from '../domain/problem';
import type { TwinStore } from '../store/twinStore';
import type { SceneRequest } from './urlState';

/** Longest a scene file may take to arrive before we give up and say so (ms). */
const FETCH_TIMEOUT_MS = 15000;

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
  // A single-page server answers unknown paths with its index page: say so rather than "malformed JSON".
  if (res.headers.get('content-type')?.includes('text/html')) throw new Error('the address answered with a web page, not a scene file');
  return res.text();
}

/**
 * Reads, checks and shows a scene. On any failure the problems go to the error panel and the scene on screen
 * stays as it was; returns whether the new scene is now shown.
 */
export async function openScene(store: TwinStore, source: SceneRequest | { kind: 'text'; name: string; text: string }, viewId?: string): Promise<boolean> {
  const file = source.kind === 'catalog' ? source.entry.path : source.kind === 'url' ? source.url : source.name;
  store.getState().startLoading(file);
  let text: string;
  try {
    text = source.kind === 'catalog' ? await source.entry.load() : source.kind === 'url' ? await fetchText(source.url) : source.text;
  } catch (e) {
    const reason = (e as Error).message;
    store.getState().reportProblems({ file, problems: [coded('', `cannot load: ${reason}`, { code: 'load-failed', params: { reason } })] });
    return false;
  }
  const result = parseScene(text, file);
  if (!result.ok) {
    store.getState().reportProblems({ file, problems: result.problems });
    return false;
  }
  const origin = source.kind === 'catalog' ? source.entry.variant : source.kind === 'url' ? source.url : `file:${source.name}`;
  store.getState().sceneLoaded({ scene: result.scene, origin }, viewId);
  return true;
}
