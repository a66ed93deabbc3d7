import { describe, expect, it } from 'vitest';
import { formatPath, formatProblem, parsePath, type PathSegment } from './problem';
import { seededRandom as rng } from './random';

describe('formatPath and parsePath', () => {
  it('write fields with dots and indices in brackets', () => {
    expect(formatPath(['facilities', 3, 'footprint', 'size', 0])).toBe('facilities[3].footprint.size[0]');
    expect(formatPath([])).toBe('');
    expect(formatPath([2, 'id'])).toBe('[2].id');
    expect(formatPath(['$schema'])).toBe('$schema');
  });

  it('read them back', () => {
    expect(parsePath('facilities[3].footprint.size[0]')).toEqual(['facilities', 3, 'footprint', 'size', 0]);
    expect(parsePath('')).toEqual([]);
    expect(parsePath('process.arrivalProfile.hourlyShare[23]')).toEqual(['process', 'arrivalProfile', 'hourlyShare', 23]);
    expect(parsePath('lanes.edges[10][2]')).toEqual(['lanes', 'edges', 10, 2]);
  });

  it('round-trip any path of field names and indices', () => {
    const r = rng(11);
    const first = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$';
    const rest = `${first}0123456789-`;
    const name = () => {
      let s = first[Math.floor(r() * first.length)]!;
      const len = Math.floor(r() * 12);
      for (let i = 0; i < len; i++) s += rest[Math.floor(r() * rest.length)]!;
      return s;
    };
    for (let k = 0; k < 2000; k++) {
      const segments: PathSegment[] = Array.from({ length: Math.floor(r() * 7) }, () => (r() < 0.4 ? Math.floor(r() * 1000) : name()));
      const text = formatPath(segments);
      expect(parsePath(text)).toEqual(segments);
      expect(formatPath(parsePath(text))).toBe(text);
    }
  });
});

describe('formatProblem', () => {
  it('prints file:line:col path: message, leaving out what is unknown', () => {
    const p = { path: 'facilities[2].side', message: 'says CN', line: 12, column: 7 };
    expect(formatProblem(p, 'scenes/a.json')).toBe('scenes/a.json:12:7 facilities[2].side: says CN');
    expect(formatProblem(p)).toBe('12:7 facilities[2].side: says CN');
    expect(formatProblem({ path: '', message: 'empty file' }, 'a.json')).toBe('a.json (file): empty file');
    expect(formatProblem({ path: 'x', message: 'm' })).toBe('x: m');
  });
});
