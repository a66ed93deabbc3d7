import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScene } from '../domain/parseScene';
import { LayoutEditor } from '../store/layout/LayoutEditor';
import { groupByKind } from './facilityGroups';

const path = 'scenes/1119-1120/proposed.json';
const parsed = parseScene(readFileSync(path, 'utf8'), path);
if (!parsed.ok) throw new Error(`${path} does not parse`);
const PROPOSED = parsed.scene;

describe('groupByKind', () => {
  it('after an editor drag step only the dragged facility’s kind gets a new array, and the lanes are untouched', () => {
    const e = new LayoutEditor(PROPOSED);
    const before = groupByKind(e.scene.facilities);
    const lanes = e.scene.lanes;
    e.mark();
    e.moveFacility('vn-customs', [600, -700]);
    const after = groupByKind(e.scene.facilities, before);
    const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
    expect(changed).toEqual(['admin-building']);
    expect(after.get('admin-building')!.map((f) => f.id)).toEqual(before.get('admin-building')!.map((f) => f.id));
    expect(e.scene.lanes).toBe(lanes);
  });

  it('a kind that gains or loses a facility gets a new array; a kind that disappears is gone', () => {
    const e = new LayoutEditor(PROPOSED);
    const before = groupByKind(e.scene.facilities);
    e.deleteFacility('vn-agv-charging');
    const after = groupByKind(e.scene.facilities, before);
    expect(after.has('agv-charging')).toBe(false);
    expect(after.get('crane')).toBe(before.get('crane'));
  });
});
