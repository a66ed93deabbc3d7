/**
 * Undo history in the manner of tldraw's `HistoryManager`: the user's diffs are recorded, one step per change,
 * except between a mark and its end, where every diff of the gesture (a drag's hundred pointer moves) squashes
 * into one step. `bail` gives back the diff that returns the scene to the mark (Escape during a drag).
 */
import { EMPTY_DIFF, invertDiff, isEmptyDiff, squashDiffs, type SceneDiff } from './sceneDiff';

export class History {
  private undos: SceneDiff[] = [];
  private redos: SceneDiff[] = [];
  /** The open gesture's diffs squashed so far; undefined when no gesture is open. */
  private pending: SceneDiff | undefined;

  /** @param limit steps kept; the oldest step is dropped past it (data/editor.json `historyLimit`). */
  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new Error(`history limit must be at least 1 step (got ${limit})`);
  }

  get canUndo(): boolean {
    return this.undos.length > 0;
  }

  get canRedo(): boolean {
    return this.redos.length > 0;
  }

  get inGesture(): boolean {
    return this.pending !== undefined;
  }

  get size(): number {
    return this.undos.length;
  }

  /** Starts a gesture: what follows until {@link end} or {@link bail} is one step. A second mark ends the first. */
  mark(): void {
    if (this.pending) this.end();
    this.pending = EMPTY_DIFF;
  }

  /** Records a user's diff: into the open gesture, or as a step of its own. Clears the redo stack. */
  record(diff: SceneDiff): void {
    if (isEmptyDiff(diff)) return;
    this.redos = [];
    if (this.pending) this.pending = squashDiffs(this.pending, diff);
    else this.push(diff);
  }

  /** Ends the open gesture, keeping it as one step (none if it changed nothing). */
  end(): void {
    const step = this.pending;
    this.pending = undefined;
    if (step && !isEmptyDiff(step)) this.push(step);
  }

  /** Abandons the open gesture; returns the diff that takes the scene back to the mark. */
  bail(): SceneDiff {
    const step = this.pending ?? EMPTY_DIFF;
    this.pending = undefined;
    return invertDiff(step);
  }

  /** The diff that undoes the last step (ending an open gesture first), or undefined when there is none. */
  undo(): SceneDiff | undefined {
    this.end();
    const step = this.undos.pop();
    if (!step) return undefined;
    this.redos.push(step);
    return invertDiff(step);
  }

  /** The diff that redoes the last undone step, or undefined. */
  redo(): SceneDiff | undefined {
    this.end();
    const step = this.redos.pop();
    if (!step) return undefined;
    this.undos.push(step);
    return step;
  }

  clear(): void {
    this.undos = [];
    this.redos = [];
    this.pending = undefined;
  }

  private push(step: SceneDiff): void {
    this.undos.push(step);
    if (this.undos.length > this.limit) this.undos.splice(0, this.undos.length - this.limit);
  }
}
