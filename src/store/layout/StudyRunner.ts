/**
 * The capacity study of a layout session, React-free: runs a study on one or two layouts (the edited one, or the
 * layout as opened and the edited one, the same spec on each) one after the other through the app's
 * {@link StartStudy}, and holds what the study panel shows: the share done, the last results, the error, and
 * the form as last typed. It lives with the session, not the panel, so leaving the Study tab neither cancels a
 * running study nor drops its results. Progress is published at most once per half per cent.
 *
 * @example
 *   const runner = new StudyRunner(startStudy);
 *   runner.subscribe(() => render(runner.getState()));
 *   void runner.run([{ layout: 'baseline', scene: opened }, { layout: 'edited', scene: editor.scene }], spec);
 */
import type { Scene } from '../../domain/sceneSchema';
import type { StudyProgress, StudyResult } from '../../sim/study/runStudy';
import type { StudySpec } from '../../sim/study/studySpec';

/** A study under way: its result (undefined when cancelled) and a way to stop it at once. */
export interface StudyJob {
  readonly result: Promise<StudyResult | undefined>;
  cancel(): void;
}

/** Starts a study in a worker (the app's src/app/startStudy.ts). */
export type StartStudy = (scene: Scene, spec: StudySpec, onProgress: (p: StudyProgress) => void) => StudyJob;

/** Which layout a result belongs to: as opened (A) or as edited (B). */
export type LayoutKey = 'baseline' | 'edited';

export interface LayoutResult {
  readonly layout: LayoutKey;
  readonly result: StudyResult;
  /** The layout as it was studied: edits made since do not change what the result is of (its report draws this). */
  readonly scene: Scene;
  /** When the study of this layout finished, epoch milliseconds. */
  readonly finishedAt: number;
}

export type StudyRunState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly fraction: number; readonly layout: LayoutKey; readonly runsDone: number; readonly runs: number }
  | { readonly status: 'done'; readonly results: readonly LayoutResult[] }
  | { readonly status: 'cancelled' }
  | { readonly status: 'error'; readonly message: string; readonly layout?: LayoutKey };

export interface StudyRunnerState {
  readonly run: StudyRunState;
  /** The last finished study's results: still shown (dimmed) while the next one runs. */
  readonly shown: readonly LayoutResult[];
  /** The study form as last typed, so the panel opens on it again. */
  readonly form?: Readonly<Record<string, string>>;
}

const PROGRESS_STEPS = 200;

export class StudyRunner {
  private state: StudyRunnerState = { run: { status: 'idle' }, shown: [] };
  private readonly listeners = new Set<() => void>();
  private job: StudyJob | undefined;
  private generation = 0;

  /**
   * @param start how to start a study; without one (no worker) the runner is unavailable.
   * @param now the clock that dates finished studies.
   */
  constructor(
    private readonly start?: StartStudy,
    private readonly now: () => number = Date.now,
  ) {}

  get available(): boolean {
    return this.start !== undefined;
  }

  getState = (): StudyRunnerState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setForm(form: Readonly<Record<string, string>>): void {
    this.set({ form });
  }

  /** Runs the layouts in turn with one spec; a run already under way is cancelled first. */
  async run(layouts: readonly { layout: LayoutKey; scene: Scene }[], spec: StudySpec): Promise<void> {
    const start = this.start;
    if (!start) return;
    this.job?.cancel();
    const mine = ++this.generation;
    const results: LayoutResult[] = [];
    let shown = -1;
    for (let k = 0; k < layouts.length; k++) {
      const { layout, scene } = layouts[k]!;
      this.set({ run: { status: 'running', fraction: k / layouts.length, layout, runsDone: 0, runs: 0 } });
      // Progress comes through its own message port, so its last messages may land after the result: drop those.
      let settled = false;
      try {
        const current = start(scene, spec, (p) => {
          const fraction = (k + p.fraction) / layouts.length;
          const step = Math.floor(fraction * PROGRESS_STEPS);
          if (settled || this.generation !== mine || step === shown) return;
          shown = step;
          this.set({ run: { status: 'running', fraction, layout, runsDone: p.runsDone, runs: p.runs } });
        });
        this.job = current;
        const result = await current.result.finally(() => {
          settled = true;
        });
        if (this.generation !== mine || result === undefined) return;
        results.push({ layout, result, scene, finishedAt: this.now() });
      } catch (e) {
        if (this.generation === mine) this.set({ run: { status: 'error', message: e instanceof Error ? e.message : String(e), layout } });
        return;
      }
    }
    this.job = undefined;
    this.set({ run: { status: 'done', results }, shown: results });
  }

  cancel(): void {
    this.stop();
    this.set({ run: { status: 'cancelled' } });
  }

  /** The session is over: stops a study under way without a word. */
  dispose(): void {
    this.stop();
  }

  private stop(): void {
    this.generation++;
    this.job?.cancel();
    this.job = undefined;
  }

  private set(patch: Partial<StudyRunnerState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}
