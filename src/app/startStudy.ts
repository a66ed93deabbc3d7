/**
 * Runs a capacity study in a fresh web worker (workers/study.worker.ts). The study is one synchronous loop in the
 * worker, so cancelling terminates the worker; the next study starts another. A worker that fails to load or
 * crashes rejects the result with its message instead of leaving the page waiting.
 */
import * as Comlink from 'comlink';
import type { Scene } from '../domain/sceneSchema';
import type { StudyEngine } from '../sim/study/StudyEngine';
import type { StudyProgress, StudyResult } from '../sim/study/runStudy';
import type { StudySpec } from '../sim/study/studySpec';
import type { StudyJob } from '../store/layout/StudyRunner';

export function startStudy(scene: Scene, spec: StudySpec, onProgress: (p: StudyProgress) => void): StudyJob {
  const worker = new Worker(new URL('../../workers/study.worker.ts', import.meta.url), { type: 'module', name: 'study' });
  const remote = Comlink.wrap<StudyEngine>(worker);
  let stop: () => void = () => undefined;
  const result = new Promise<StudyResult | undefined>((resolve, reject) => {
    stop = () => resolve(undefined);
    worker.addEventListener('error', (e) => reject(new Error(`study worker failed: ${e.message || 'could not load'}`)));
    remote.run(scene, spec, Comlink.proxy(onProgress)).then(resolve, reject);
  }).finally(() => {
    remote[Comlink.releaseProxy]();
    worker.terminate();
  });
  return {
    result,
    cancel: () => {
      worker.terminate();
      stop();
    },
  };
}
