import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScene } from '../../../domain/parseScene';
import type { Scene, Vec2 } from '../../../domain/sceneSchema';
import { LayoutEditor } from '../LayoutEditor';
import type { GizmoPose, PointerTarget, ToolPointerEvent } from './toolEvents';

function load(path: string): Scene {
  const r = parseScene(readFileSync(path, 'utf8'), path);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.scene;
}

const PROPOSED = load('scenes/1119-1120/proposed.json');
const customs = PROPOSED.facilities.find((f) => f.id === 'vn-customs')!;
const home = customs.footprint.position;
const fac = (e: LayoutEditor, id: string) => e.scene.facilities.find((f) => f.id === id);
const node = (e: LayoutEditor, id: string) => e.scene.lanes.nodes.find((n) => n.id === id);

/** A pointer event as the canvas adapter sends it; the page position follows the ground point (1 px a metre). */
function ev(target: PointerTarget, point?: Vec2, button = 0): ToolPointerEvent {
  const at = point ?? [0, 0];
  return { target, point, screen: { x: at[0], y: -at[1] }, button };
}
const gizmo = (position: Vec2, rotation = 0, scale: Vec2 = [1, 1]): PointerTarget => ({
  kind: 'gizmo',
  pose: { position, rotation, scale } satisfies GizmoPose,
});
const ground: PointerTarget = { kind: 'ground' };

function withCustomsSelected(): LayoutEditor {
  const e = new LayoutEditor(PROPOSED);
  e.select({ kind: 'facility', id: customs.id });
  return e;
}

describe('editor tools', () => {
  it('a gizmo drag of 50 moves with the move tool is one undo step, and undo puts the facility back', () => {
    const e = withCustomsSelected();
    e.setSnap({ grid: false });
    e.setTool('move');
    e.tools.pointerDown(ev(gizmo(home)));
    expect(e.tools.path).toBe('move.gizmo');
    expect(e.tools.capturing).toBe(true);
    for (let i = 1; i <= 50; i++) e.tools.pointerMove(ev(gizmo([home[0] + i * 2, home[1] - i])));
    e.tools.pointerUp(ev(gizmo([home[0] + 100, home[1] - 50])));
    expect(e.tools.path).toBe('move.idle');
    expect(fac(e, customs.id)!.footprint.position).toEqual([home[0] + 100, home[1] - 50]);
    expect(e.historySize).toBe(1);
    e.undo();
    expect(fac(e, customs.id)!.footprint.position).toEqual(home);
  });

  it('Escape in the middle of a drag puts the facility back and records nothing', () => {
    const e = withCustomsSelected();
    e.tools.pointerDown(ev(gizmo(home)));
    for (let i = 1; i <= 10; i++) e.tools.pointerMove(ev(gizmo([home[0] + i * 5, home[1]])));
    expect(fac(e, customs.id)!.footprint.position).not.toEqual(home);
    expect(e.tools.keyDown({ key: 'Escape', mod: false, shift: false })).toBe(true);
    expect(fac(e, customs.id)!.footprint.position).toEqual(home);
    expect(e.getState().inGesture).toBe(false);
    // The release after Escape does nothing more: the facility stays selected, nothing to undo.
    e.tools.pointerUp(ev(gizmo([home[0] + 50, home[1]])));
    expect(e.historySize).toBe(0);
    expect(e.getState().selection).toEqual({ kind: 'facility', id: customs.id });
  });

  it('the rotate and resize tools turn and stretch the selected facility, one step each', () => {
    const e = withCustomsSelected();
    e.setTool('rotate');
    e.tools.pointerDown(ev(gizmo(home)));
    for (const r of [0.1, 0.4, Math.PI / 2]) e.tools.pointerMove(ev(gizmo(home, r)));
    e.tools.pointerUp(ev(gizmo(home)));
    expect(fac(e, customs.id)!.footprint.rotation).toBeCloseTo(Math.PI / 2, 3);
    e.setTool('resize');
    e.tools.pointerDown(ev(gizmo(home)));
    for (const s of [1.2, 1.6, 2]) e.tools.pointerMove(ev(gizmo(home, 0, [s, 1])));
    e.tools.pointerUp(ev(gizmo(home)));
    const [w, d] = customs.footprint.size;
    expect(fac(e, customs.id)!.footprint.size[0]).toBeCloseTo(2 * w, 0);
    expect(fac(e, customs.id)!.footprint.size[1]).toBeCloseTo(d, 0);
    expect(e.historySize).toBe(2);
  });

  it('a click selects what is under it; a press that travels is the camera orbiting and selects nothing new', () => {
    const e = new LayoutEditor(PROPOSED);
    e.setTool('select');
    e.tools.pointerDown(ev({ kind: 'facility', id: customs.id }, home));
    e.tools.pointerUp(ev({ kind: 'facility', id: customs.id }, home));
    expect(e.getState().selection).toEqual({ kind: 'facility', id: customs.id });
    e.tools.pointerDown(ev(ground, [0, 0]));
    e.tools.pointerMove(ev(ground, [40, 0]));
    e.tools.pointerUp(ev(ground, [40, 0]));
    expect(e.getState().selection).toEqual({ kind: 'facility', id: customs.id });
    e.tools.pointerDown(ev(ground, [0, 0]));
    e.tools.pointerUp(ev(ground, [0, 0]));
    expect(e.getState().selection).toBeUndefined();
    expect(e.historySize).toBe(0);
  });

  it('dragging a lane node with the move tool moves it as one step; the rotate tool only selects it', () => {
    const e = new LayoutEditor(PROPOSED);
    e.setSnap({ grid: false });
    const n = PROPOSED.lanes.nodes[0]!;
    const target: PointerTarget = { kind: 'node', id: n.id };
    e.tools.pointerDown(ev(target, n.position));
    expect(e.tools.capturing).toBe(true);
    for (let i = 1; i <= 20; i++) e.tools.pointerMove(ev(ground, [n.position[0] + i, n.position[1] + i] as Vec2));
    e.tools.pointerUp(ev(ground, [n.position[0] + 20, n.position[1] + 20]));
    expect(node(e, n.id)!.position).toEqual([n.position[0] + 20, n.position[1] + 20]);
    expect(e.historySize).toBe(1);
    expect(e.getState().selection).toEqual({ kind: 'node', id: n.id });

    e.setTool('rotate');
    e.tools.pointerDown(ev(target, n.position));
    expect(e.tools.capturing).toBe(false);
    e.tools.pointerMove(ev(ground, [n.position[0] + 40, n.position[1]]));
    e.tools.pointerUp(ev(ground, [n.position[0] + 40, n.position[1]]));
    expect(node(e, n.id)!.position).toEqual([n.position[0] + 20, n.position[1] + 20]);
    expect(e.historySize).toBe(1);
  });

  it('the add-node tool adds a node per click (snapped) and none for a press that travels; Escape goes back to move', () => {
    const e = new LayoutEditor(PROPOSED);
    e.setTool('add-node');
    const before = e.scene.lanes.nodes.length;
    for (const p of [
      [300.4, 300],
      [340, 299.6],
    ] as Vec2[]) {
      e.tools.pointerDown(ev(ground, p));
      e.tools.pointerUp(ev(ground, p));
    }
    e.tools.pointerDown(ev(ground, [400, 300]));
    e.tools.pointerMove(ev(ground, [420, 300]));
    e.tools.pointerUp(ev(ground, [420, 300]));
    expect(e.scene.lanes.nodes.slice(before).map((x) => x.position)).toEqual([
      [300, 300],
      [340, 300],
    ]);
    e.tools.keyDown({ key: 'Escape', mod: false, shift: false });
    expect(e.getState().tool).toBe('move');
    expect(e.tools.path).toBe('move.idle');
  });

  it('the add-edge tool draws a path node after node, one step per lane', () => {
    const e = new LayoutEditor(PROPOSED);
    e.setTool('add-node');
    const ids = (
      [
        [300, 300],
        [340, 300],
        [380, 300],
      ] as Vec2[]
    ).map((p) => {
      e.tools.pointerDown(ev(ground, p));
      e.tools.pointerUp(ev(ground, p));
      return e.getState().selection!.id;
    });
    e.setTool('add-edge');
    for (const id of ids) {
      e.tools.pointerDown(ev({ kind: 'node', id }));
      e.tools.pointerUp(ev({ kind: 'node', id }));
    }
    expect(e.scene.lanes.edges.slice(-2).map((x) => `${x.from}>${x.to}`)).toEqual([`${ids[0]}>${ids[1]}`, `${ids[1]}>${ids[2]}`]);
    expect(e.getState().edgeFrom).toBe(ids[2]);
    expect(e.historySize).toBe(5);
    e.tools.keyDown({ key: 'Escape', mod: false, shift: false });
    expect(e.getState().tool).toBe('move');
    expect(e.getState().edgeFrom).toBeUndefined();
  });

  it('the place tool places the chosen kind where it is clicked', () => {
    const e = new LayoutEditor(PROPOSED);
    e.setTool('place', 'camera');
    e.tools.pointerDown(ev(ground, [250, 250]));
    e.tools.pointerUp(ev(ground, [250, 250]));
    const added = e.scene.facilities.at(-1)!;
    expect(added.kind).toBe('camera');
    expect(added.footprint.position).toEqual([250, 250]);
    expect(e.getState().selection).toEqual({ kind: 'facility', id: added.id });
  });

  it('Delete removes the selection and undo brings it back; Ctrl+Z in a drag abandons the drag first', () => {
    const e = withCustomsSelected();
    expect(e.tools.keyDown({ key: 'Delete', mod: false, shift: false })).toBe(true);
    expect(fac(e, customs.id)).toBeUndefined();
    expect(e.getState().selection).toBeUndefined();
    expect(e.tools.keyDown({ key: 'Delete', mod: false, shift: false })).toBe(false);
    e.tools.keyDown({ key: 'z', mod: true, shift: false });
    expect(fac(e, customs.id)!.footprint.position).toEqual(home);

    e.select({ kind: 'facility', id: customs.id });
    e.tools.pointerDown(ev(gizmo(home)));
    e.tools.pointerMove(ev(gizmo([home[0] + 30, home[1]])));
    e.tools.keyDown({ key: 'z', mod: true, shift: false });
    expect(e.tools.path).toBe('move.idle');
    expect(fac(e, customs.id)!.footprint.position).toEqual(home);
    expect(e.getState().canUndo).toBe(false);
  });

  it('switching tools in the middle of a drag abandons it; Escape when idle selects nothing', () => {
    const e = withCustomsSelected();
    e.tools.pointerDown(ev(gizmo(home)));
    e.tools.pointerMove(ev(gizmo([home[0] + 30, home[1]])));
    e.setTool('rotate');
    expect(fac(e, customs.id)!.footprint.position).toEqual(home);
    expect(e.getState().inGesture).toBe(false);
    e.tools.keyDown({ key: 'Escape', mod: false, shift: false });
    expect(e.getState().selection).toBeUndefined();
    expect(() => e.setTool('lasso' as never)).toThrow('no editor tool "lasso"');
  });
});
