import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScene } from '../parseScene';

const minimal = JSON.parse(readFileSync(new URL('../fixtures/minimal.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const withTour = (tour: unknown) => JSON.stringify({ ...minimal, tour });
const stop = (view: string) => ({ view, caption: { vi: 'Toàn cảnh', en: 'Overview' }, dwellS: 10 });
const problemsOf = (text: string) => parseScene(text).problems.map((p) => `${p.path}: ${p.message}`);

describe('the briefing tour of a scene', () => {
  it('is optional, and accepted when every stop names a view', () => {
    expect(problemsOf(JSON.stringify(minimal))).toEqual([]);
    expect(problemsOf(withTour([stop('overview'), stop('overview')]))).toEqual([]);
  });

  it('names the stop whose view does not exist', () => {
    expect(problemsOf(withTour([stop('overview'), stop('gate')]))).toEqual(['tour[1].view: names no view ("gate"; views: overview)']);
  });

  it('needs a caption in both languages and a positive dwell', () => {
    const problems = problemsOf(withTour([{ view: 'overview', caption: { en: 'Overview' }, dwellS: 0 }]));
    expect(problems).toHaveLength(2);
    expect(problems.some((p) => p.startsWith('tour[0].caption.vi'))).toBe(true);
    expect(problems.some((p) => p.startsWith('tour[0].dwellS'))).toBe(true);
  });
});
