/**
 * Unsaved layouts, one draft per scene id, kept in the browser's local storage. Local storage rather than
 * IndexedDB because it writes synchronously: the last edit is flushed in `pagehide`, where an asynchronous
 * write may not finish, so a reload loses nothing. A scene is about 40 KB, far below the 5 MB quota.
 */
import { Scene } from '../../domain/sceneSchema';

export const DRAFT_FORMAT = 'smart-gate-twin/draft@1';

export interface Draft {
  readonly scene: Scene;
  /** When it was written (ms since the epoch). */
  readonly savedAt: number;
}

export type DraftResult = { readonly ok: true; readonly draft?: Draft } | { readonly ok: false; readonly message: string };

/** The part of the Web Storage API the drafts use (tests give a Map-backed fake). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const draftKey = (sceneId: string) => `smart-gate-twin:draft:${sceneId}`;

export class DraftStore {
  constructor(private readonly storage: KeyValueStorage) {}

  /** The draft of a scene id; a draft that no longer reads as a scene is reported, not thrown. */
  load(sceneId: string): DraftResult {
    let text: string | null;
    try {
      text = this.storage.getItem(draftKey(sceneId));
    } catch (e) {
      return { ok: false, message: `cannot read the saved draft: ${(e as Error).message}` };
    }
    if (text === null) return { ok: true };
    try {
      const data = JSON.parse(text) as { format?: unknown; savedAt?: unknown; scene?: unknown };
      if (data.format !== DRAFT_FORMAT) return { ok: false, message: `the saved draft has an unknown format (${String(data.format)})` };
      const parsed = Scene.safeParse(data.scene);
      if (!parsed.success) return { ok: false, message: `the saved draft is not a valid scene: ${parsed.error.issues[0]!.message}` };
      return { ok: true, draft: { scene: parsed.data, savedAt: Number(data.savedAt) } };
    } catch (e) {
      return { ok: false, message: `the saved draft is damaged: ${(e as Error).message}` };
    }
  }

  /** Writes a draft; a full storage is reported so the UI can say the edits are not saved. */
  save(draft: Draft): DraftResult {
    try {
      this.storage.setItem(draftKey(draft.scene.id), JSON.stringify({ format: DRAFT_FORMAT, savedAt: draft.savedAt, scene: draft.scene }));
      return { ok: true, draft };
    } catch (e) {
      return { ok: false, message: `cannot save the draft: ${(e as Error).message}` };
    }
  }

  discard(sceneId: string): void {
    this.storage.removeItem(draftKey(sceneId));
  }
}
