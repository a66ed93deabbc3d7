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
 */
import type { LiveSource } from '../telemetry/LiveSource';
import type { ReplaySource } from '../telemetry/ReplaySource';
import type { SimSource } from '../telemetry/SimSource';
import type { SourceKind } from '../telemetry/TelemetrySource';
import { BROWSER_FRAMES, FrameClock, type FrameScheduler } from './FrameClock';
import type { RunningSource } from './runInWorker';

export type AnySource = SimSource | LiveSource | ReplaySource;

export interface SourceControllerState {
  /** The running source; undefined while none runs or one is starting. */
  readonly source?: AnySource;
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
}

const STOPPED: SourceControllerState = { busy: false };

export class SourceController {
  private running: RunningSource<AnySource> | undefined;
  private state: SourceControllerState = STOPPED;
  private readonly listeners = new Set<() => void>();
  /** Bumped by every start and stop: a start that finds it changed has been overtaken. */
  private generation = 0;
  private readonly clock: FrameClock;
  /** The view has drawn a frame since the source last moved. */
  private drawn = false;

  constructor(frames: FrameScheduler = BROWSER_FRAMES) {
    this.clock = new FrameClock(
      {
        step: (dtS) => {
          if (!this.drawn) return;
          this.drawn = false;
          this.running?.source.step(dtS);
        },
      },
      frames,
    );
  }

  /** Told by the view at the start of each display frame, before it draws; allocates nothing. */
  readonly frameDrawn = (): void => {
    this.drawn = true;
    const source = this.running?.source;
    if (source?.kind === 'live') source.frameDrawn();
  };

  getState = (): SourceControllerState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Disposes the running source and starts `kind` with `start`; resolves with the new source, or undefined when
   * it failed (the reason is in the state's `error`) or a later start or stop overtook it.
   */
  async start<S extends AnySource>(kind: SourceKind, start: () => Promise<RunningSource<S>>, o: StartOptions = {}): Promise<S | undefined> {
    const { keepRunning, ...labels } = o;
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
      this.clock.start();
      this.set({ kind, busy: false, source: running.source, ...labels });
      return running.source;
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      if (generation === this.generation) this.set(keepRunning ? { ...before, busy: false, error } : { kind, busy: false, error });
      return undefined;
    }
  }

  /** Disposes the running source (or drops one starting); afterwards nothing runs. */
  stop(): void {
    this.release();
    if (this.state !== STOPPED) this.set(STOPPED);
  }

  private release(): number {
    this.clock.stop();
    this.running?.dispose();
    this.running = undefined;
    return ++this.generation;
  }

  private set(state: SourceControllerState): void {
    this.state = state;
    for (const l of this.listeners) l();
  }
}
