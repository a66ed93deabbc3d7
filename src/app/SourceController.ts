/**
 * The one owner of the running telemetry source (simulation, live feed or replay): it starts one, switches to
 * another (the one before is disposed first, its worker ended), keeps its clock ({@link FrameClock}) and disposes
 * it when the app leaves. The clock moves the source only after the view has drawn a frame since the last move
 * ({@link frameDrawn}, Foxglove's back-pressure): a view still loading its models, or drawing one frame a second,
 * does not let a 1000× simulation race ahead unseen. A plain class, like tldraw's editor: React reads it through {@link useSourceController}
 * and calls its methods; nothing here knows React.
 *
 * A start that is overtaken by a later one (the user switched scene or file while it was loading) is disposed
 * as soon as it arrives and never shown.
 *
 * The briefing wall has one controller per zone (created and disposed by its console through the briefing
 * services): its sources loop ({@link StartOptions.loop}), move whether or not a view draws them
 * ({@link ControllerOptions.waitForView}) and stand still while the tab is hidden ({@link pause}).
 */
import type { LiveSource } from '../telemetry/LiveSource';
import type { ReplaySource } from '../telemetry/ReplaySource';
import type { SimSource } from '../telemetry/SimSource';
import { filter, take, type Observable, type Subscription } from 'rxjs';
import type { SourceKind, SourceState } from '../telemetry/TelemetrySource';
import { BROWSER_FRAMES, FrameClock, type FrameScheduler } from './FrameClock';
import type { RunningSource } from './runInWorker';

export type AnySource = SimSource | LiveSource | ReplaySource;

export interface SourceControllerState<S extends AnySource = AnySource> {
  /** The running source; undefined while none runs or one is starting. */
  readonly source?: S;
  /** The kind of source being started or running; undefined when stopped. */
  readonly kind?: SourceKind;
  /** A source is being started. */
  readonly busy: boolean;
  /** Why the latest start failed (the broker's or the file's reason). */
  readonly error?: string;
  /** Who logged in to a live feed: acknowledgements and commands are made in their name. */
  readonly operator?: string;
  /** What a replay plays (the file's name or address). */
  readonly label?: string;
}

export interface StartOptions {
  readonly operator?: string;
  readonly label?: string;
  /**
   * Keeps the running source until the new one has started, and keeps it if the new one fails (a file opened
   * while the simulation runs: a file that is no recording must not cost the operator what was running).
   */
  readonly keepRunning?: boolean;
  /**
   * When the source ends (the simulated day is over), the same start runs again and takes over once it runs, as
   * with `keepRunning`: the source that ended stays on show meanwhile, and if the new one fails. A wall loops unattended.
   */
  readonly loop?: boolean;
}

export interface ControllerOptions {
  /** Longest step handed to the source (s), after a stalled frame; the clock's own cap by default. */
  readonly maxStepS?: number;
  /**
   * The source moves only after the view drew a frame since its last move (true by default). Off where a source's
   * figures are shown without its view: the briefing wall's tiles show the zone that is not on screen too.
   */
  readonly waitForView?: boolean;
}

const STOPPED: SourceControllerState<never> = { busy: false };

export class SourceController<S extends AnySource = AnySource> {
  private running: RunningSource<S> | undefined;
  private state: SourceControllerState<S> = STOPPED;
  private readonly listeners = new Set<() => void>();
  /** Bumped by every start and stop: a start that finds it changed has been overtaken. */
  private generation = 0;
  private readonly clock: FrameClock;
  /** The view has drawn a frame since the source last moved. */
  private drawn = false;
  private readonly waitForView: boolean;
  /** Paused by {@link pause}: the clock stays stopped, whatever starts meanwhile. */
  private paused = false;
  /** Waits for a looping source to end. */
  private ending: Subscription | undefined;

  constructor(frames: FrameScheduler = BROWSER_FRAMES, options: ControllerOptions = {}) {
    this.waitForView = options.waitForView ?? true;
    this.clock = new FrameClock(
      {
        step: (dtS) => {
          if (this.waitForView) {
            if (!this.drawn) return;
            this.drawn = false;
          }
          this.running?.source.step(dtS);
        },
      },
      frames,
      options.maxStepS,
    );
  }

  /** Told by the view at the start of each display frame, before it draws; allocates nothing. */
  readonly frameDrawn = (): void => {
    this.drawn = true;
    const source = this.running?.source;
    if (source?.kind === 'live') source.frameDrawn();
  };

  getState = (): SourceControllerState<S> => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Disposes the running source and starts `kind` with `start`; resolves with the new source, or undefined when
   * it failed (the reason is in the state's `error`) or a later start or stop overtook it.
   */
  async start<T extends S>(kind: SourceKind, start: () => Promise<RunningSource<T>>, o: StartOptions = {}): Promise<T | undefined> {
    const { keepRunning, loop, ...labels } = o;
    const before = this.state;
    const generation = keepRunning ? ++this.generation : this.release();
    this.set(keepRunning ? { ...before, busy: true } : { kind, busy: true, ...labels });
    try {
      const running = await start();
      if (generation !== this.generation) {
        running.dispose();
        return undefined;
      }
      this.release();
      this.running = running;
      if (!this.paused) this.clock.start();
      this.set({ kind, busy: false, source: running.source, ...labels });
      if (loop) {
        // After the state is set: a source that has already ended starts the next one at once, over this state.
        const states: Observable<SourceState> = running.source.state$;
        this.ending = states
          .pipe(
            filter((s) => s.status === 'ended'),
            take(1),
          )
          .subscribe(() => void this.start(kind, start, { ...o, keepRunning: true }));
      }
      return running.source;
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      if (generation === this.generation) this.set(keepRunning ? { ...before, busy: false, error } : { kind, busy: false, error });
      return undefined;
    }
  }

  /**
   * Stops the clock until {@link resume}: the source stands still and nothing steps it (a hidden briefing wall).
   * Not the source's own pause, which the operator gives from the transport bar.
   */
  pause(): void {
    this.paused = true;
    this.clock.stop();
  }

  /** Starts the clock again after {@link pause}, without a jump for the time paused. */
  resume(): void {
    this.paused = false;
    if (this.running) this.clock.start();
  }

  /** Disposes the running source (or drops one starting); afterwards nothing runs. */
  stop(): void {
    this.release();
    if (this.state !== STOPPED) this.set(STOPPED);
  }

  private release(): number {
    this.clock.stop();
    this.ending?.unsubscribe();
    this.ending = undefined;
    this.running?.dispose();
    this.running = undefined;
    return ++this.generation;
  }

  private set(state: SourceControllerState<S>): void {
    this.state = state;
    for (const l of this.listeners) l();
  }
}
