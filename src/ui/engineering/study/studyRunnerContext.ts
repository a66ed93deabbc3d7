/**
 * How the study panel starts a study without importing the app layer: the app provides a {@link StartStudy}
 * (src/app/startStudy.ts, which makes the worker) through this context; the panel only uses it.
 */
import { createContext } from 'react';
import type { Scene } from '../../../domain/sceneSchema';
import type { StudyProgress, StudyResult } from '../../../sim/study/runStudy';
import type { StudySpec } from '../../../sim/study/studySpec';

/** A study under way: its result (undefined when cancelled) and a way to stop it at once. */
export interface StudyJob {
  readonly result: Promise<StudyResult | undefined>;
  cancel(): void;
}

export type StartStudy = (scene: Scene, spec: StudySpec, onProgress: (p: StudyProgress) => void) => StudyJob;

export const StudyRunnerContext = createContext<StartStudy | undefined>(undefined);
