/**
 * The design-of-experiments run of the engineering console, React-free: layouts × fleet sizes × seeds handed to
 * the app's pool of workers (src/app/experiment/startExperiment.ts), each finished day kept at once, so the table
 * and chart grow as days finish and a cancelled run, or one whose worker crashed, keeps every day that finished.
 * It lives with the layout session, so leaving the Experiment tab neither stops a run nor drops its results.
 *
 * @example
 *   const runner = new ExperimentRunner(startExperiment);
 *   runner.subscribe(() => render(runner.getState()));
 *   runner.run(layouts, spec);
 */
import { experimentJobs, type ExperimentJob, type ExperimentLayout, type ExperimentSpec } from '../../sim/experiment/experiment';
import type { ExperimentRun, JobRecord } from '../../sim/experiment/runExperiment';

/** A run under way on a pool of workers: settles with what finished; `cancel` stops it at once. */
export interface ExperimentHandle {
  readonly threads: number;
  readonly done: Promise<ExperimentRun>;
  cancel(): void;
}

export type StartExperiment = (
  layouts: readonly ExperimentLayout[],
  spec: ExperimentSpec,
  jobs: readonly ExperimentJob[],
  onRecord: (record: JobRecord) => void,
) => ExperimentHandle;

export type ExperimentRunState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly runs: number; readonly threads: number }
  | { readonly status: 'done'; readonly runs: number }
  | { readonly status: 'cancelled'; readonly runs: number }
  | { readonly status: 'error'; readonly message: string };

export interface ExperimentRunnerState {
  readonly run: ExperimentRunState;
  /** The layouts and spec of the last run started: what `records` belong to. */
  readonly layouts: readonly ExperimentLayout[];
  readonly spec?: ExperimentSpec;
  /** Every day finished so far, in the order they finished. */
  readonly records: readonly JobRecord[];
  /** The form as last typed, so the panel opens on it again. */
  readonly form?: Readonly<Record<string, string>>;
}

export class ExperimentRunner {
  private state: ExperimentRunnerState = { run: { status: 'idle' }, layouts: [], records: [] };
  private readonly listeners = new Set<() => void>();
  private handle: ExperimentHandle | undefined;
  private generation = 0;

  /** @param start how to start a run on workers; without one the runner is unavailable. */
  constructor(private readonly start?: StartExperiment) {}

  get available(): boolean {
    return this.start !== undefined;
  }

  getState = (): ExperimentRunnerState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setForm(form: Readonly<Record<string, string>>): void {
    this.set({ form });
  }

  /** Starts a run (one under way is cancelled first); its days are kept as they finish. */
  async run(layouts: readonly ExperimentLayout[], spec: ExperimentSpec): Promise<void> {
    const start = this.start;
    if (!start) return;
    this.stop();
    const mine = ++this.generation;
    const jobs = experimentJobs(
      layouts.map((l) => l.id),
      spec,
    );
    this.set({ layouts, spec, records: [] });
    try {
      const handle = start(layouts, spec, jobs, (record) => {
        if (this.generation === mine) this.set({ records: [...this.state.records, record] });
      });
      this.handle = handle;
      this.set({ run: { status: 'running', runs: jobs.length, threads: handle.threads } });
      const run = await handle.done;
      if (this.generation !== mine) return;
      this.handle = undefined;
      this.set({ run: { status: run.cancelled ? 'cancelled' : 'done', runs: jobs.length } });
    } catch (e) {
      if (this.generation === mine) this.set({ run: { status: 'error', message: e instanceof Error ? e.message : String(e) } });
    }
  }

  /** Stops the run now; the days that finished stay. */
  cancel(): void {
    const run = this.state.run;
    this.stop();
    if (run.status === 'running') this.set({ run: { status: 'cancelled', runs: run.runs } });
  }

  /** The session is over: stops a run under way without a word. */
  dispose(): void {
    this.stop();
  }

  private stop(): void {
    this.generation++;
    this.handle?.cancel();
    this.handle = undefined;
  }

  private set(patch: Partial<ExperimentRunnerState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}
