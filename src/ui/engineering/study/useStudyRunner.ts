/**
 * Runs a study on one or two layouts (the edited one, or the layout as opened and the edited one, the same spec
 * on each), one after the other in the worker the app provides, and holds what the panel shows: the share done,
 * the results, or the error. Progress reaches React at most once per half per cent, not once per simulated hour.
 */
import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { Scene } from '../../../domain/sceneSchema';
import type { StudyResult } from '../../../sim/study/runStudy';
import type { StudySpec } from '../../../sim/study/studySpec';
import { StudyRunnerContext, type StudyJob } from './studyRunnerContext';

/** Which layout a result belongs to: as opened (A) or as edited (B). */
export type LayoutKey = 'baseline' | 'edited';

export interface LayoutResult {
  readonly layout: LayoutKey;
  readonly result: StudyResult;
}

export type StudyRunState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly fraction: number; readonly layout: LayoutKey; readonly runsDone: number; readonly runs: number }
  | { readonly status: 'done'; readonly results: readonly LayoutResult[] }
  | { readonly status: 'cancelled' }
  | { readonly status: 'error'; readonly message: string; readonly layout?: LayoutKey };

const PROGRESS_STEPS = 200;

export function useStudyRunner() {
  const start = useContext(StudyRunnerContext);
  const [state, setState] = useState<StudyRunState>({ status: 'idle' });
  const job = useRef<StudyJob | undefined>(undefined);
  const generation = useRef(0);

  const cancel = useCallback(() => {
    generation.current++;
    job.current?.cancel();
    job.current = undefined;
    setState({ status: 'cancelled' });
  }, []);

  const run = useCallback(
    async (layouts: readonly { layout: LayoutKey; scene: Scene }[], spec: StudySpec) => {
      if (!start) return;
      job.current?.cancel();
      const mine = ++generation.current;
      const results: LayoutResult[] = [];
      let shown = -1;
      for (let k = 0; k < layouts.length; k++) {
        const { layout, scene } = layouts[k]!;
        setState({ status: 'running', fraction: k / layouts.length, layout, runsDone: 0, runs: 0 });
        // Progress comes through its own message port, so its last messages may land after the result: drop those.
        let settled = false;
        try {
          const current = start(scene, spec, (p) => {
            const fraction = (k + p.fraction) / layouts.length;
            const step = Math.floor(fraction * PROGRESS_STEPS);
            if (settled || generation.current !== mine || step === shown) return;
            shown = step;
            setState({ status: 'running', fraction, layout, runsDone: p.runsDone, runs: p.runs });
          });
          job.current = current;
          const result = await current.result.finally(() => {
            settled = true;
          });
          if (generation.current !== mine || result === undefined) return;
          results.push({ layout, result });
        } catch (e) {
          if (generation.current === mine) setState({ status: 'error', message: e instanceof Error ? e.message : String(e), layout });
          return;
        }
      }
      job.current = undefined;
      setState({ status: 'done', results });
    },
    [start],
  );

  useEffect(
    () => () => {
      generation.current++;
      job.current?.cancel();
    },
    [],
  );

  return { state, run, cancel, available: start !== undefined };
}
