/**
 * ms per layout-editor drag step on scenes/1119-1120/proposed.json (vn-customs dragged 50 steps), in the same run:
 * the view's rebuild as it was (`fullRebuild`: every lane strip and chevron and every kind regrouped and
 * re-instanced on every scene) against the memoised one (lanes on `scene.lanes`, instances per kind, as
 * LaneNetwork and FacilityLayer do now); and the editor's command itself (checker included) for scale.
 * The note gives the floats each step hands the GPU.
 */
import { readFileSync } from 'node:fs';
import { parseScene } from '../src/domain/parseScene';
import type { Facility, Scene } from '../src/domain/sceneSchema';
import { LayoutEditor } from '../src/store/layout/LayoutEditor';
import { groupByKind, type KindGroups } from '../src/view/facilityGroups';
import { facilityInstances } from '../src/view/facilityInstances';
import { CHEVRON_SPACING_M, LANE_COLOURS, laneChevrons, laneStripGeometry } from '../src/view/laneGeometry';
import { median, type Row } from './measure';

const FILE = 'scenes/1119-1120/proposed.json';
const DRAGGED = 'vn-customs';
const STEPS = 50;
const RUNS = 15;

/** Floats a rebuilt lane network uploads: strip positions and colours, a matrix per chevron. */
function buildLanes(lanes: Scene['lanes']): number {
  const g = laneStripGeometry(lanes, LANE_COLOURS);
  const floats = g.getAttribute('position').array.length + g.getAttribute('color').array.length;
  g.dispose();
  return floats + laneChevrons(lanes, CHEVRON_SPACING_M).length * 16;
}

/** The view before: everything rebuilt from the whole scene on every change. Returns the floats uploaded. */
function fullRebuild(scene: Scene): number {
  let floats = buildLanes(scene.lanes);
  const groups = new Map<string, Facility[]>();
  for (const f of scene.facilities) groups.set(f.kind, [...(groups.get(f.kind) ?? []), f]);
  for (const g of groups.values()) floats += facilityInstances(g).matrices.length;
  return floats;
}

/** The view now: what LaneNetwork, FacilityLayer and KindInstances memoise, kept between steps. */
class MemoisedView {
  private lanes: Scene['lanes'] | undefined;
  private groups: KindGroups | undefined;
  private built = new WeakSet<readonly Facility[]>();

  step(scene: Scene): number {
    let floats = 0;
    if (scene.lanes !== this.lanes) {
      this.lanes = scene.lanes;
      floats += buildLanes(scene.lanes);
    }
    this.groups = groupByKind(scene.facilities, this.groups);
    for (const g of this.groups.values()) {
      if (this.built.has(g)) continue;
      this.built.add(g);
      const inst = facilityInstances(g);
      Array.from(inst.owner, (i) => g[i]!.id);
      floats += inst.matrices.length;
    }
    return floats;
  }
}

/** The scenes of one drag: the editor's state after each pointer move. */
function dragScenes(start: Scene): Scene[] {
  const editor = new LayoutEditor(start);
  const home = start.facilities.find((f) => f.id === DRAGGED)!.footprint.position;
  const scenes = [editor.scene];
  editor.mark();
  for (let i = 1; i <= STEPS; i++) {
    editor.moveFacility(DRAGGED, [home[0] + i * 3, home[1] - i * 2]);
    scenes.push(editor.scene);
  }
  editor.endGesture();
  return scenes;
}

/** Median over runs of the mean ms per step of `step` across the drag (the first scene primes, untimed). */
function perStep(scenes: readonly Scene[], make: () => (scene: Scene) => void): number {
  const samples: number[] = [];
  for (let r = 0; r < RUNS + 3; r++) {
    const step = make();
    step(scenes[0]!);
    const t0 = performance.now();
    for (let i = 1; i < scenes.length; i++) step(scenes[i]!);
    if (r >= 3) samples.push((performance.now() - t0) / (scenes.length - 1));
  }
  return median(samples);
}

export function editorBench(): Row[] {
  const parsed = parseScene(readFileSync(FILE, 'utf8'), FILE);
  if (!parsed.ok) throw new Error(`${FILE} does not pass the checker; run npm run validate`);
  const scenes = dragScenes(parsed.scene);
  const before = perStep(scenes, () => fullRebuild);
  const memo = perStep(scenes, () => {
    const view = new MemoisedView();
    return (s) => view.step(s);
  });
  const view = new MemoisedView();
  view.step(scenes[0]!);
  const uploadedAfter = view.step(scenes[1]!);
  const uploadedBefore = fullRebuild(scenes[1]!);

  // The editor's command alone (snap, schema check, diff, the checker): the rest of a drag step's work.
  const home = parsed.scene.facilities.find((f) => f.id === DRAGGED)!.footprint.position;
  const command = perStep(scenes, () => {
    const editor = new LayoutEditor(parsed.scene);
    let i = 0;
    editor.mark();
    return () => {
      i++;
      editor.moveFacility(DRAGGED, [home[0] + i * 3, home[1] - i * 2]);
    };
  });
  const group = 'editor drag step';
  const name = `${FILE} (${parsed.scene.facilities.length} facilities, ${parsed.scene.lanes.edges.length} lanes), ${DRAGGED} × ${STEPS} steps`;
  return [
    {
      group,
      case: `view rebuild, memoised vs full: ${name}`,
      value: memo,
      unit: 'ms',
      baseline: before,
      note: `floats uploaded per step: ${uploadedAfter} (one kind) vs ${uploadedBefore} (every lane and kind)`,
    },
    {
      group,
      case: `editor command (checker included): ${name}`,
      value: command,
      unit: 'ms',
      note: 'the same before and after; the view above comes on top',
    },
  ];
}
