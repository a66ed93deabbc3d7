import { describe, expect, it } from 'vitest';
import { readConsoleMode } from './consoleMode';

describe('readConsoleMode', () => {
  it('reads each console and defaults to operations', () => {
    expect(readConsoleMode('?mode=briefing').mode).toBe('briefing');
    expect(readConsoleMode('?mode=engineering').mode).toBe('engineering');
    expect(readConsoleMode('').mode).toBe('operations');
  });

  it('names a wrong mode and opens operations', () => {
    const r = readConsoleMode('?mode=wall');
    expect(r.mode).toBe('operations');
    expect(r.problems).toEqual([
      {
        path: 'mode',
        message: expect.stringContaining('unknown console "wall"'),
        code: 'url-one-of',
        params: { value: 'wall', known: ['briefing', 'engineering', 'operations'] },
      },
    ]);
  });
});
