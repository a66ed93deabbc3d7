import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScene } from '../../domain/parseScene';
import type { Scene } from '../../domain/sceneSchema';
import { Autosave, type Scheduler } from './Autosave';
import { DraftStore, draftKey, type KeyValueStorage } from './drafts';
import { LayoutEditor } from './LayoutEditor';

const r = parseScene(readFileSync('scenes/1119-1120/proposed.json', 'utf8'));
if (!r.ok) throw new Error('scene');
const SCENE: Scene = r.scene;

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

/** A clock the test moves by hand. */
function fakeTime() {
  let now = 1_000;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  const scheduler: Scheduler = {
    setTimeout: (fn, ms) => (timers.set(next, { at: now + ms, fn }), next++),
    clearTimeout: (h) => void timers.delete(h as number),
    now: () => now,
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [h, t] of [...timers]) if (t.at <= now && timers.delete(h)) t.fn();
  };
  return { scheduler, advance, pending: () => timers.size };
}

describe('Autosave', () => {
  it('saves once, the debounce delay after the last edit, and the draft reads back', () => {
    const storage = memoryStorage();
    const drafts = new DraftStore(storage);
    const editor = new LayoutEditor(SCENE);
    const time = fakeTime();
    const save = new Autosave(editor, drafts, SCENE, 500, time.scheduler);
    editor.moveFacility('vn-customs', [1, 2]);
    time.advance(300);
    editor.moveFacility('vn-customs', [3, 4]);
    time.advance(300);
    expect(storage.map.has(draftKey(SCENE.id))).toBe(false);
    expect(save.current.kind).toBe('pending');
    time.advance(200);
    expect(save.current).toEqual({ kind: 'saved', at: 1_800 });
    const back = drafts.load(SCENE.id);
    expect(back.ok && back.draft!.scene.facilities.find((f) => f.id === 'vn-customs')!.footprint.position).toEqual([3, 4]);
  });

  it('waits for a drag to end, and flush writes at once', () => {
    const storage = memoryStorage();
    const editor = new LayoutEditor(SCENE);
    const time = fakeTime();
    const save = new Autosave(editor, new DraftStore(storage), SCENE, 500, time.scheduler);
    editor.mark();
    editor.moveFacility('vn-customs', [5, 5]);
    time.advance(5_000);
    expect(storage.map.size).toBe(0);
    save.flush();
    expect(storage.map.size).toBe(1);
  });

  it('removes the draft once the layout is back to the scene as opened', () => {
    const storage = memoryStorage();
    const editor = new LayoutEditor(SCENE);
    const time = fakeTime();
    const save = new Autosave(editor, new DraftStore(storage), SCENE, 500, time.scheduler);
    editor.moveFacility('vn-customs', [5, 5]);
    time.advance(500);
    expect(storage.map.size).toBe(1);
    editor.undo();
    time.advance(500);
    expect(storage.map.size).toBe(0);
    expect(save.current.kind).toBe('clean');
  });

  it('reports a damaged or invalid draft and a full storage instead of throwing', () => {
    const storage = memoryStorage();
    const drafts = new DraftStore(storage);
    storage.setItem(draftKey('x'), '{not json');
    expect(drafts.load('x')).toMatchObject({ ok: false, message: expect.stringMatching(/damaged/) });
    storage.setItem(draftKey('x'), JSON.stringify({ format: 'smart-gate-twin/draft@1', scene: { id: 'x' } }));
    expect(drafts.load('x')).toMatchObject({ ok: false, message: expect.stringMatching(/not a valid scene/) });
    expect(drafts.load('none')).toEqual({ ok: true });
    const full = new DraftStore({
      ...storage,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    expect(full.save({ scene: SCENE, savedAt: 0 })).toMatchObject({ ok: false, message: expect.stringMatching(/Quota/) });
  });
});
