import { describe, expect, it } from 'vitest';
import { CATALOG } from './sceneCatalog';
import { readUrlState, resolveScene, writeUrlState } from './urlState';

describe('URL state', () => {
  it('reads zone, scene, view and language, ignoring a language it does not speak', () => {
    expect(readUrlState('?zone=1088%2F2-1089&scene=proposed&view=corridor&lang=en')).toMatchObject({
      zone: '1088/2-1089',
      scene: 'proposed',
      view: 'corridor',
      lang: 'en',
    });
    expect(readUrlState('?lang=fr').lang).toBeUndefined();
  });

  it('writes the shareable fields and keeps other parameters', () => {
    const search = writeUrlState('?bench=agvs&n=100&view=old', { zone: '1119-1120', scene: 'today', lang: 'vi', mode: 'engineering' });
    const p = new URLSearchParams(search);
    expect(Object.fromEntries(p)).toEqual({ bench: 'agvs', n: '100', zone: '1119-1120', scene: 'today', lang: 'vi', mode: 'engineering' });
    expect(readUrlState(search)).toMatchObject({ zone: '1119-1120', scene: 'today', lang: 'vi', bench: { agvs: 100, method: 'direct' } });
  });

  it('finds the shipped scenes of both zones', () => {
    expect(CATALOG.map((e) => `${e.zone}/${e.variant}`).sort()).toEqual(
      expect.arrayContaining(['1119-1120/proposed', '1119-1120/today', '1088/2-1089/proposed']),
    );
  });

  it('names a wrong zone or scene and falls back to the default scene', () => {
    const r = resolveScene(readUrlState('?zone=9999&scene=nope'));
    expect(r.problems.map((p) => p.path)).toEqual(['zone', 'scene']);
    expect(r.problems[1]!.message).toContain('no scene "nope" for zone 1119-1120');
    expect(r.request?.kind === 'catalog' && r.request.entry.variant).toBe('proposed');
  });

  it('treats a path as a scene file to fetch, keeping the zone default as fallback', () => {
    const r = resolveScene(readUrlState('?scene=/layouts/mine.json'));
    expect(r.request).toEqual({ kind: 'url', url: '/layouts/mine.json' });
    expect(r.fallback?.kind).toBe('catalog');
    expect(r.problems).toEqual([]);
  });
});
