/**
 * The capacity study as a worker serves it (workers/study.worker.ts only exposes this class): one call runs a
 * whole study and reports progress through a callback (a Comlink proxy from the page). The study is one
 * synchronous loop, so the page cancels it by terminating the worker, not by a message the loop would never read.
 *
 * @example
 *   const r = new StudyEngine().run(scene, { replications: 3, hours: 24 }, (p) => console.log(p.fraction));
 */
import type { Scene } from '../../domain/sceneSchema';
import { runStudy, type StudyProgress, type StudyResult } from './runStudy';
import type { StudySpec } from './studySpec';

export class StudyEngine {
  run(scene: Scene, spec: StudySpec, onProgress?: (p: StudyProgress) => void): StudyResult {
    return runStudy(scene, spec, onProgress);
  }
}
