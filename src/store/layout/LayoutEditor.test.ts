import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScene } from '../../domain/parseScene';
import type { Scene } from '../../domain/sceneSchema';
import { listAssumptions } from './assumptions';
import { EDITOR_SETTINGS } from './editorSettings';
import { LayoutEditor } from './LayoutEditor';

function load(path: string): Scene {
  const r = parseScene(readFileSync(path, 'utf8'), path);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.scene;
}

const PROPOSED = load('scenes/1119-1120/proposed.json');
const fac = (e: LayoutEditor, id: string) => e.scene.facilities.find((f) => f.id === id)!;
const customs = PROPOSED.facilities.find((f) => f.id === 'vn-customs')!;
const yard = PROPOSED.facilities.find((f) => f.id === 'vn-export-yard')!;

describe('LayoutEditor', () => {
  it('starts from a clean shipped scene with no problems and nothing to undo', () => {
    const e = new LayoutEditor(PROPOSED);
    expect(e.getState().problems).toEqual([]);
    expect(e.getState().canUndo).toBe(false);
  });

  it('moving a facility onto another raises an overlap problem naming both; undo removes it and restores the position', () => {
    const e = new LayoutEditor(PROPOSED);
    expect(e.moveFacility('vn-customs', yard.footprint.position, { snap: false }).ok).toBe(true);
    const overlap = e.getState().problems.find((p) => p.message.includes('overlaps'));
    expect(overlap).toBeDefined();
    expect(overlap!.subjects.map((s) => s.id).sort()).toEqual(['vn-customs', 'vn-export-yard']);
    e.undo();
    expect(fac(e, 'vn-customs').footprint.position).toEqual(customs.footprint.position);
    expect(e.getState().problems.filter((p) => p.message.includes('overlaps'))).toEqual([]);
    e.redo();
    expect(fac(e, 'vn-customs').footprint.position).toEqual(yard.footprint.position);
  });

  it('makes one undo step of a whole gesture, however many moves it had', () => {
    const e = new LayoutEditor(PROPOSED);
    e.mark();
    for (let i = 1; i <= 50; i++) e.moveFacility('vn-customs', [customs.footprint.position[0] + i, customs.footprint.position[1]]);
    e.endGesture();
    expect(e.historySize).toBe(1);
    expect(fac(e, 'vn-customs').footprint.position[0]).toBeCloseTo(Math.round(customs.footprint.position[0] + 50), 5);
    e.undo();
    expect(fac(e, 'vn-customs').footprint.position).toEqual(customs.footprint.position);
    expect(e.getState().canUndo).toBe(false);
  });

  it('returns to the mark on Escape, with nothing added to history', () => {
    const e = new LayoutEditor(PROPOSED);
    e.rotateFacility('vn-customs', 1); // 57.3°, snapped to 55°
    e.mark();
    e.moveFacility('vn-customs', [0, 0]);
    e.rotateFacility('vn-customs', 2);
    e.bail();
    expect(fac(e, 'vn-customs').footprint.position).toEqual(customs.footprint.position);
    expect(fac(e, 'vn-customs').footprint.rotation).toBeCloseTo((55 * Math.PI) / 180, 3);
    expect(e.historySize).toBe(1);
    expect(e.getState().inGesture).toBe(false);
  });

  it('keeps at least 100 steps and undoes them all in order', () => {
    const e = new LayoutEditor(PROPOSED);
    expect(EDITOR_SETTINGS.historyLimit).toBeGreaterThanOrEqual(100);
    for (let i = 1; i <= 120; i++) e.moveFacility('vn-customs', [i, 500]);
    expect(e.historySize).toBe(120);
    for (let i = 120; i >= 2; i--) {
      expect(fac(e, 'vn-customs').footprint.position).toEqual([i, 500]);
      e.undo();
    }
    e.undo();
    expect(fac(e, 'vn-customs').footprint.position).toEqual(customs.footprint.position);
  });

  it('drops the oldest steps past the history limit', () => {
    const e = new LayoutEditor(PROPOSED, { ...EDITOR_SETTINGS, historyLimit: 100 });
    for (let i = 1; i <= 130; i++) e.moveFacility('vn-customs', [i, 500]);
    expect(e.historySize).toBe(100);
    for (let i = 0; i < 100; i++) e.undo();
    expect(fac(e, 'vn-customs').footprint.position).toEqual([30, 500]);
    expect(e.getState().canUndo).toBe(false);
  });

  it('keeps changes from another source out of the undo history', () => {
    const e = new LayoutEditor(PROPOSED);
    e.moveFacility('vn-customs', [10, 10]);
    const before = PROPOSED.fleet;
    const after = { ...before, agv: { ...before.agv, count: { value: 99, source: 'remote' } } };
    expect(e.mergeRemote({ added: {}, updated: { 'section:fleet': [before, after] }, removed: {} }).ok).toBe(true);
    expect(e.historySize).toBe(1);
    e.undo();
    expect(fac(e, 'vn-customs').footprint.position).toEqual(customs.footprint.position);
    expect(e.scene.fleet.agv.count.value).toBe(99);
  });

  it('a new edit clears redo', () => {
    const e = new LayoutEditor(PROPOSED);
    e.moveFacility('vn-customs', [10, 10]);
    e.undo();
    expect(e.getState().canRedo).toBe(true);
    e.moveFacility('vn-customs', [20, 10]);
    expect(e.getState().canRedo).toBe(false);
  });

  it('snaps drags to the grid and angle steps, and takes typed values as typed', () => {
    const e = new LayoutEditor(PROPOSED);
    e.moveFacility('vn-customs', [10.4, 20.6]);
    expect(fac(e, 'vn-customs').footprint.position).toEqual([10, 21]);
    e.rotateFacility('vn-customs', (47 * Math.PI) / 180);
    expect(fac(e, 'vn-customs').footprint.rotation).toBeCloseTo((45 * Math.PI) / 180, 3);
    e.moveFacility('vn-customs', [10.4, 20.6], { snap: false });
    expect(fac(e, 'vn-customs').footprint.position).toEqual([10.4, 20.6]);
    e.setSnap({ grid: false });
    e.moveFacility('vn-customs', [11.25, 20.6]);
    expect(fac(e, 'vn-customs').footprint.position).toEqual([11.25, 20.6]);
  });

  it('deleting a lane node deletes its edges, and undo brings all back in their places', () => {
    const e = new LayoutEditor(PROPOSED);
    const node = PROPOSED.lanes.nodes.find((n) => PROPOSED.lanes.edges.filter((x) => x.from === n.id || x.to === n.id).length >= 2)!;
    const touching = PROPOSED.lanes.edges.filter((x) => x.from === node.id || x.to === node.id);
    e.deleteLaneNode(node.id);
    expect(e.scene.lanes.nodes.some((n) => n.id === node.id)).toBe(false);
    expect(e.scene.lanes.edges.filter((x) => x.from === node.id || x.to === node.id)).toEqual([]);
    expect(e.scene.lanes.edges.length).toBe(PROPOSED.lanes.edges.length - touching.length);
    expect(e.historySize).toBe(1);
    e.undo();
    expect(e.scene.lanes).toEqual(PROPOSED.lanes);
  });

  it('adds lane nodes and edges, with a border flag worked out, and refuses a duplicate', () => {
    const e = new LayoutEditor(PROPOSED);
    const a = e.addLaneNode([100, 100]);
    const b = e.addLaneNode([150, 100]);
    expect(a.ok && b.ok).toBe(true);
    const edge = e.addLaneEdge(a.ok ? a.id! : '', b.ok ? b.id! : '');
    expect(edge.ok).toBe(true);
    const added = e.scene.lanes.edges.at(-1)!;
    expect(added).toMatchObject({ from: 'node-1', to: 'node-2', widthM: EDITOR_SETTINGS.newEdge.widthM });
    expect(typeof added.crossBorder).toBe('boolean');
    expect(e.addLaneEdge('node-1', 'node-2')).toMatchObject({ ok: false });
    expect(e.getState().error).toMatch(/exists already/);
    e.deleteLaneEdge(added.id);
    expect(e.scene.lanes.edges.some((x) => x.id === added.id)).toBe(false);
  });

  it('adds a facility of each kind with its template and a fresh id; deletes it; undo restores its index', () => {
    const e = new LayoutEditor(PROPOSED);
    const r = e.addFacility('scanner-bay', [500, -700]);
    expect(r.ok).toBe(true);
    const added = fac(e, r.ok ? r.id! : '');
    expect(added).toMatchObject({ kind: 'scanner-bay', footprint: { size: EDITOR_SETTINGS.newFacility['scanner-bay'].size } });
    expect(e.getState().selection).toEqual({ kind: 'facility', id: added.id });
    const crane = e.addFacility('crane', [420, -360]);
    expect(crane.ok && fac(e, crane.id!).kind === 'crane' && (fac(e, crane.id!) as { serves: string }).serves).toBe('vn-export-yard');
    const index = e.scene.facilities.findIndex((f) => f.id === 'vn-customs');
    e.deleteFacility('vn-customs');
    expect(e.scene.facilities.some((f) => f.id === 'vn-customs')).toBe(false);
    e.undo();
    expect(e.scene.facilities.findIndex((f) => f.id === 'vn-customs')).toBe(index);
  });

  it('resizes and sets fields, refusing values the schema forbids with a reason', () => {
    const e = new LayoutEditor(PROPOSED);
    expect(e.resizeFacility('vn-customs', [70, 30], 20).ok).toBe(true);
    expect(fac(e, 'vn-customs').footprint).toMatchObject({ size: [70, 30], height: 20 });
    expect(e.setFacilityField('vn-customs', 'floors', 6).ok).toBe(true);
    const bad = e.resizeFacility('vn-customs', [-1, 30], undefined, { snap: false });
    expect(bad.ok).toBe(false);
    expect(fac(e, 'vn-customs').footprint.size).toEqual([70, 30]);
    expect(e.setFacilityField('vn-customs', 'agency', 'pirates').ok).toBe(false);
    expect(e.setFacilityField('vn-customs', 'id', 'x').ok).toBe(false);
    expect(e.historySize).toBe(2);
  });

  it('snaps a resize drag to the grid step, never below one step; typed sizes are taken as typed', () => {
    const e = new LayoutEditor(PROPOSED);
    const step = EDITOR_SETTINGS.gridSnapM;
    e.resizeFacility('vn-customs', [70.4 * step, 29.6 * step]);
    expect(fac(e, 'vn-customs').footprint.size).toEqual([70 * step, 30 * step]);
    e.resizeFacility('vn-customs', [0.2 * step, 30 * step]);
    expect(fac(e, 'vn-customs').footprint.size).toEqual([step, 30 * step]);
    e.resizeFacility('vn-customs', [70.4, 29.6], undefined, { snap: false });
    expect(fac(e, 'vn-customs').footprint.size).toEqual([70.4, 29.6]);
  });

  it('lists every sourced value and edits one through the history', () => {
    const e = new LayoutEditor(PROPOSED);
    const paths = listAssumptions(PROPOSED).map((a) => a.path);
    for (const p of [
      'fleet.agv.count',
      'process.serviceTimes.documentCheckS',
      'zone.capacity.todayVehiclesPerDay',
      'zone.capacity.target2030VehiclesPerDay',
      'process.openingHours',
    ]) {
      expect(paths).toContain(p);
    }
    const scanner = PROPOSED.facilities.findIndex((f) => f.kind === 'scanner-bay');
    const crane = PROPOSED.facilities.findIndex((f) => f.kind === 'crane');
    expect(paths).toContain(`facilities[${scanner}].scanTimeS`);
    expect(paths).toContain(`facilities[${crane}].cycleTimeS`);
    expect(e.setAssumption('fleet.agv.count', 120, 'study 2026').ok).toBe(true);
    expect(e.scene.fleet.agv.count).toEqual({ value: 120, source: 'study 2026' });
    expect(e.setAssumption('zone.capacity.target2030VehiclesPerDay', { min: 3100 }, 'plan').ok).toBe(true);
    expect(e.scene.zone.capacity.target2030VehiclesPerDay).toMatchObject({ min: 3100, max: 3500, source: 'plan' });
    expect(e.setAssumption(`facilities[${scanner}].scanTimeS`, 25, 'vendor').ok).toBe(true);
    expect(e.setAssumption('fleet.agv.count', 1.5, 'x').ok).toBe(false);
    expect(e.setAssumption('fleet.agv.count', 10, ' ').ok).toBe(false);
    e.undo();
    e.undo();
    e.undo();
    expect(e.scene).toEqual(PROPOSED);
  });

  it('notifies subscribers and drops a selection whose record went away', () => {
    const e = new LayoutEditor(PROPOSED);
    let calls = 0;
    const off = e.subscribe(() => calls++);
    e.select({ kind: 'facility', id: 'vn-customs' });
    e.deleteSelection();
    expect(e.getState().selection).toBeUndefined();
    e.undo();
    expect(calls).toBeGreaterThanOrEqual(3);
    off();
    const before = calls;
    e.redo();
    expect(calls).toBe(before);
  });
});

describe('LayoutEditor add-edge tool', () => {
  it('draws a path node after node, one step per lane', () => {
    const e = new LayoutEditor(PROPOSED);
    const ids = [
      [300, 300],
      [340, 300],
      [380, 300],
    ].map((p) => {
      const r = e.addLaneNode(p as [number, number]);
      return r.ok ? r.id! : '';
    });
    e.setTool('add-edge');
    for (const id of ids) expect(e.edgeClick(id).ok).toBe(true);
    expect(e.scene.lanes.edges.slice(-2).map((x) => `${x.from}>${x.to}`)).toEqual([`${ids[0]}>${ids[1]}`, `${ids[1]}>${ids[2]}`]);
    expect(e.getState().edgeFrom).toBe(ids[2]);
    expect(e.historySize).toBe(5);
  });
});

describe('LayoutEditor.replaceLayout (an imported file)', () => {
  it('puts the imported lanes in place in the file order, as one undo step; undo gives back the old ones exactly', () => {
    const e = new LayoutEditor(PROPOSED);
    const nodes = [...PROPOSED.lanes.nodes].reverse().slice(0, 40);
    const kept = new Set(nodes.map((n) => n.id));
    const edges = PROPOSED.lanes.edges.filter((x) => kept.has(x.from) && kept.has(x.to)).map((x) => ({ ...x, speedLimitMps: 2 }));
    expect(e.replaceLayout({ lanes: { nodes, edges } }).ok).toBe(true);
    expect(e.scene.lanes).toEqual({ nodes, edges });
    expect(e.scene.facilities).toBe(PROPOSED.facilities);
    // Cutting the network in two leaves yards off it: the checker says so at once.
    expect(e.getState().problems.some((p) => p.code === 'facility-unreachable' || p.code === 'facility-unserved')).toBe(true);
    expect(e.historySize).toBe(1);
    e.undo();
    expect(e.scene.lanes).toEqual(PROPOSED.lanes);
    expect(e.getState().problems).toEqual([]);
    e.redo();
    expect(e.scene.lanes).toEqual({ nodes, edges });
  });

  it('refuses records that are not well-shaped and changes nothing', () => {
    const e = new LayoutEditor(PROPOSED);
    const bad = [{ ...PROPOSED.lanes.nodes[0]!, position: [Number.NaN, 0] as [number, number] }];
    const r = e.replaceLayout({ lanes: { nodes: bad, edges: [] } });
    expect(r.ok).toBe(false);
    expect(e.scene).toBe(PROPOSED);
    expect(e.getState().canUndo).toBe(false);
  });
});
