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

  it('names a language, benchmark, method or AGV count it does not know, with what is allowed', () => {
    expect(readUrlState('?lang=fr&bench=cars&method=fast&n=0').problems).toMatchObject([
      { path: 'lang', code: 'url-one-of', params: { value: 'fr', known: ['vi', 'en'] } },
      { path: 'bench', code: 'url-one-of', params: { value: 'cars', known: ['agvs'] } },
      { path: 'method', code: 'url-one-of', params: { value: 'fast', known: ['direct', 'object3d'] } },
      { path: 'n', code: 'url-whole-number-range', params: { value: '0', min: 1 } },
    ]);
    expect(readUrlState('?lang=vi&bench=agvs&n=100&method=object3d')).toMatchObject({ problems: [], bench: { agvs: 100, method: 'object3d' } });
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
    expect(r.problems[0]).toMatchObject({ code: 'url-one-of', params: { value: '9999', known: ['1119-1120', '1088/2-1089'] } });
    expect(r.problems[1]).toMatchObject({ code: 'url-unknown-scene', params: { value: 'nope', zone: '1119-1120' } });
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
