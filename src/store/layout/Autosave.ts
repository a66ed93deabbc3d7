import type { Scene } from '../../domain/sceneSchema';
import type { DraftStore } from './drafts';
import type { LayoutEditor } from './LayoutEditor';

/** Timer functions, injected so tests drive time themselves. */
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export type AutosaveStatus =
  | { readonly kind: 'clean' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'saved'; readonly at: number }
  | { readonly kind: 'error'; readonly message: string };

/**
 * Saves the editor's scene as a draft a while after the last change (data/editor.json `autosaveDebounceMs`),
 * so a drag writes once, at its end. While the scene equals the one opened there is nothing to keep, and the
 * draft is removed. `flush` writes at once (page hide).
 */
export class Autosave {
  private timer: unknown;
  private lastRevision: number;
  private status: AutosaveStatus;
  private readonly listeners = new Set<(s: AutosaveStatus) => void>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly editor: LayoutEditor,
    private readonly drafts: DraftStore,
    private readonly baseline: Scene,
    private readonly delayMs: number,
    private readonly scheduler: Scheduler,
    /** Where things stand at the start: `saved` when the editor starts from a restored draft. */
    initial: AutosaveStatus = { kind: 'clean' },
  ) {
    this.status = initial;
    this.lastRevision = editor.getState().revision;
    this.unsubscribe = editor.subscribe(() => {
      const { revision, inGesture } = editor.getState();
      if (revision === this.lastRevision) return;
      this.lastRevision = revision;
      this.schedule(inGesture);
    });
  }

  get current(): AutosaveStatus {
    return this.status;
  }

  onStatus(listener: (s: AutosaveStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes now if a save is waiting. */
  flush(): void {
    if (this.timer === undefined) return;
    this.scheduler.clearTimeout(this.timer);
    this.timer = undefined;
    this.write();
  }

  dispose(): void {
    this.flush();
    this.unsubscribe();
    this.listeners.clear();
  }

  private schedule(inGesture: boolean): void {
    if (this.timer !== undefined) this.scheduler.clearTimeout(this.timer);
    this.setStatus({ kind: 'pending' });
    // During a drag, wait for it to end; a drag never left open is still saved by flush on page hide.
    this.timer = this.scheduler.setTimeout(
      () => {
        this.timer = undefined;
        if (this.editor.getState().inGesture) this.schedule(true);
        else this.write();
      },
      this.delayMs * (inGesture ? 2 : 1),
    );
  }

  private write(): void {
    const scene = this.editor.getState().scene;
    if (scene === this.baseline || JSON.stringify(scene) === JSON.stringify(this.baseline)) {
      this.drafts.discard(scene.id);
      this.setStatus({ kind: 'clean' });
      return;
    }
    const r = this.drafts.save({ scene, savedAt: this.scheduler.now() });
    this.setStatus(r.ok ? { kind: 'saved', at: r.draft!.savedAt } : { kind: 'error', message: r.message });
  }

  private setStatus(s: AutosaveStatus): void {
    this.status = s;
    for (const l of this.listeners) l(s);
  }
}
