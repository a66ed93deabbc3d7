/**
 * Everything wrong with the twin's address, all at once: each reader of the URL names its own parameters'
 * problems, and a parameter no reader knows (a typo such as `sped=60`) is named too. Shown as one report, so a
 * second wrong parameter never hides the first.
 */
import { coded, type Problem } from '../domain/problem';
import type { Scene } from '../domain/sceneSchema';
import { readConsoleMode } from './consoleMode';
import { readSimUrl } from './simUrl';
import { readSourceUrl } from './sourceUrl';
import { readUrlState, resolveScene } from './urlState';

/** Every parameter some reader takes (`username`, `password`: named by the source reader as never taken). */
export const URL_PARAMETERS = [
  'mode',
  'zone',
  'scene',
  'view',
  'lang',
  'bench',
  'n',
  'method',
  'seed',
  'vpd',
  'agvs',
  't',
  'speed',
  'source',
  'broker',
  'via',
  'stale',
  'file',
  'username',
  'password',
] as const;

/**
 * The problems with a URL's query, in the order of its parameters. Without a scene, those that can be told before
 * one is loaded; with the scene it opened, `view` is checked against that scene's views too.
 */
export function readUrlProblems(search: string, scene?: Scene): Problem[] {
  const p = new URLSearchParams(search);
  const url = readUrlState(search);
  const found: Problem[] = [
    ...readConsoleMode(search).problems,
    ...url.problems,
    ...resolveScene(url).problems,
    ...readSimUrl(search).problems,
    ...readSourceUrl(search).problems,
  ];
  const view = scene && viewProblem(url.view, scene);
  if (view) found.push(view);
  for (const name of new Set(p.keys())) {
    if (URL_PARAMETERS.some((k) => k === name)) continue;
    found.push(
      coded(name, `unknown parameter "${name}" (known: ${URL_PARAMETERS.join(', ')})`, {
        code: 'url-unknown-parameter',
        params: { known: URL_PARAMETERS },
      }),
    );
  }
  // In the order the address gives them; a problem with a parameter it lacks (`broker` for source=live) last.
  const order = [...p.keys()];
  const at = (x: Problem) => (order.includes(x.path) ? order.indexOf(x.path) : order.length);
  return found.sort((x, y) => at(x) - at(y));
}

/** `view=…` naming none of the loaded scene's views; undefined when it names one or is absent. */
function viewProblem(view: string | undefined, scene: Scene): Problem | undefined {
  if (view === undefined || scene.views.some((v) => v.id === view)) return undefined;
  const known = scene.views.map((v) => v.id);
  return coded('view', `no view "${view}" in ${scene.id} (known: ${known.join(', ')})`, { code: 'url-one-of', params: { value: view, known } });
}
