import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScene } from '../domain/parseScene';
import { createTwinStore } from './twinStore';

const loaded = () => {
  const r = parseScene(readFileSync('scenes/1119-1120/proposed.json', 'utf8'));
  if (!r.ok) throw new Error('the shipped scene must be valid');
  return { scene: r.scene, origin: 'proposed' };
};

describe('twin store', () => {
  it('opens a scene on the asked view, or the first one when the id is unknown', () => {
    const store = createTwinStore();
    const l = loaded();
    store.getState().sceneLoaded(l, l.scene.views[1]!.id);
    expect(store.getState().viewId).toBe(l.scene.views[1]!.id);
    store.getState().sceneLoaded(l, 'no-such-view');
    expect(store.getState().viewId).toBe(l.scene.views[0]!.id);
  });

  it('clears selection on a new scene and counts view requests, even for the same view', () => {
    const store = createTwinStore();
    const l = loaded();
    store.getState().sceneLoaded(l);
    store.getState().select(l.scene.facilities[0]!.id);
    const before = store.getState().viewRequest;
    store.getState().goToView(store.getState().viewId!);
    expect(store.getState().viewRequest).toBe(before + 1);
    store.getState().sceneLoaded(l);
    expect(store.getState().selectedFacilityId).toBeUndefined();
  });

  it('does not notify subscribers when the hover has not changed', () => {
    const store = createTwinStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.getState().hover('a');
    store.getState().hover('a');
    expect(calls).toBe(1);
  });

  it('toggles a kind hidden and shown again', () => {
    const store = createTwinStore();
    store.getState().toggleKind('crane');
    expect(store.getState().hiddenKinds).toEqual(['crane']);
    store.getState().toggleKind('crane');
    expect(store.getState().hiddenKinds).toEqual([]);
  });
});
