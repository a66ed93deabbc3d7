import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScene } from '../../domain/parseScene';
import { LayoutEditor } from '../../store/layout/LayoutEditor';
import { sceneFileText } from './sceneFiles';

describe('scene file text', () => {
  it('reads back through parseScene after edits, as the same scene', () => {
    const r = parseScene(readFileSync('scenes/1119-1120/proposed.json', 'utf8'));
    if (!r.ok) throw new Error('scene');
    const e = new LayoutEditor(r.scene);
    e.setAssumption('fleet.agv.count', 80, 'study 2026');
    e.rotateFacility('vn-customs', 0.5);
    const back = parseScene(sceneFileText(e.scene), 'edited.json');
    expect(back.ok).toBe(true);
    expect(back.scene).toEqual(e.scene);
  });
});
