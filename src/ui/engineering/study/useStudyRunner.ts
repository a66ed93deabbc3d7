import { useSyncExternalStore } from 'react';
import type { StudyRunner, StudyRunnerState } from '../../../store/layout/StudyRunner';

/** The session's study runner state, re-rendering when it changes. */
export function useStudyRunner(runner: StudyRunner): StudyRunnerState {
  return useSyncExternalStore(runner.subscribe, runner.getState);
}
