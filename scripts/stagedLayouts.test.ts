import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScene } from '../src/domain/parseScene';
import { STAGES, stagedFile, stagedLayout } from './stagedLayouts';

describe('the staged layouts', () => {
  it.each(STAGES.map((s) => [stagedFile(s), s] as const))(
    '%s is what the generator makes of data/stagedLayouts.json (npm run layout:staged)',
    (file, stage) => {
      const committed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      const made = stagedLayout(stage);
      expect(committed).toEqual(JSON.parse(JSON.stringify(made)));
      expect(parseScene(JSON.stringify(made), file).ok).toBe(true);
    },
  );
});
