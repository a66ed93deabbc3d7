/**
 * How the engineering console gets a way to start a study without importing the app layer: the app provides a
 * {@link StartStudy} (src/app/startStudy.ts, which makes the worker) through this context; the layout session's
 * `StudyRunner` uses it.
 */
import { createContext } from 'react';
import type { StartStudy } from '../../../store/layout/StudyRunner';

export const StudyRunnerContext = createContext<StartStudy | undefined>(undefined);
