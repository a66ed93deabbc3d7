import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScene } from '../domain/parseScene';
import { readUrlProblems } from './urlProblems';

describe('readUrlProblems', () => {
  it('names every wrong parameter at once, in the order the address gives them', () => {
    expect(readUrlProblems('?zone=abc&vpd=xyz').map((p) => p.path)).toEqual(['zone', 'vpd']);
    expect(readUrlProblems('?speed=7&mode=wall&lang=fr&source=tape&t=9').map((p) => p.path)).toEqual(['speed', 'mode', 'lang', 'source', 't']);
  });

  it('finds nothing wrong with a good address', () => {
    expect(readUrlProblems('?mode=operations&zone=1119-1120&scene=proposed&view=overview&lang=en&t=09:00&speed=60&seed=5')).toEqual([]);
    expect(readUrlProblems('')).toEqual([]);
  });

  it('names a parameter no reader knows, once, with the known ones', () => {
    const problems = readUrlProblems('?sped=60&sped=10');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'sped', code: 'url-unknown-parameter' });
    expect(problems[0]!.params).toMatchObject({ known: expect.arrayContaining(['speed', 'zone', 'view']) });
  });

  it('puts a problem with a parameter the address lacks last', () => {
    expect(readUrlProblems('?source=live&zone=abc').map((p) => p.path)).toEqual(['zone', 'broker']);
    expect(readUrlProblems('?source=live&via=server')).toEqual([]);
  });
});

describe('readUrlProblems with the scene the URL opened', () => {
  const parsed = parseScene(readFileSync('scenes/1119-1120/proposed.json', 'utf8'));
  const scene = parsed.ok ? parsed.scene : undefined;

  it('names a view the scene does not have, with the ones it has, in its place among the others', () => {
    expect(scene).toBeDefined();
    const views = scene!.views.map((v) => v.id);
    const problems = readUrlProblems('?zone=abc&view=nope&speed=7', scene);
    expect(problems.map((p) => p.path)).toEqual(['zone', 'view', 'speed']);
    expect(problems[1]).toMatchObject({ code: 'url-one-of', params: { value: 'nope', known: views } });
    expect(readUrlProblems(`?view=${views[0]}`, scene)).toEqual([]);
    expect(readUrlProblems('?view=nope')).toEqual([]);
  });
});
