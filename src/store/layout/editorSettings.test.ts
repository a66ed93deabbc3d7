import { describe, expect, it } from 'vitest';
import raw from '../../../data/editor.json' with { type: 'json' };
import { FACILITY_KINDS } from '../../domain/sceneSchema';
import { EDITOR_SETTINGS, readEditorSettings } from './editorSettings';

describe('editor settings (data/editor.json)', () => {
  it('has snapping, at least 100 undo steps, an autosave delay and a template for every facility kind', () => {
    expect(EDITOR_SETTINGS.gridSnapM).toBeGreaterThan(0);
    expect(EDITOR_SETTINGS.historyLimit).toBeGreaterThanOrEqual(100);
    expect(Object.keys(EDITOR_SETTINGS.newFacility).sort()).toEqual([...FACILITY_KINDS].sort());
  });

  it('names the field at fault in a bad file', () => {
    expect(() => readEditorSettings({ ...raw, historyLimit: { value: 20, source: 'x' } })).toThrow(/historyLimit/);
    const { road: _road, ...rest } = raw.newFacility;
    expect(() => readEditorSettings({ ...raw, newFacility: rest })).toThrow(/newFacility\.road/);
  });
});
