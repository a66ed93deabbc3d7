/**
 * The layout editor: the working scene, a command API and its undo history, React-free like tldraw's `Editor`
 * (only the user's diffs enter history; a gesture is one undo step, as in tldraw's `HistoryManager`). React forwards pointer events and reads {@link EditorState} through
 * `subscribe`/`getState`; nothing else changes the scene.
 *
 * Every command turns into a {@link SceneDiff} on records (facilities, lane nodes, lane edges, scene sections);
 * each record is checked against its schema before anything changes, so the scene is always well-shaped, and
 * the checker (`checkScene`) runs after every change.
 *
 * @example
 *   const editor = new LayoutEditor(scene);
 *   editor.mark();                                   // pointer down on the gizmo
 *   editor.moveFacility('vn-customs', [410, -700]);  // every pointer move
 *   editor.endGesture();                             // pointer up: the drag is one undo step
 *   editor.undo();
 *
 * Pointer gestures are the tools' (`editor.tools`, src/store/layout/tools/): the move tool's gizmo drag makes
 * exactly the calls above.
 */
import { checkScene } from '../../domain/checks/checkScene';
import { segmentCrossesPolyline } from '../../domain/geometry';
import { parsePath, type PathSegment } from '../../domain/problem';
import { Facility, LaneEdge, LaneNode, Scene, type FacilityKind, type Vec2 } from '../../domain/sceneSchema';
import { listAssumptions, withAssumption } from './assumptions';
import { EDITOR_SETTINGS, type EditorSettings } from './editorSettings';
import { History } from './History';
import { freeId, newFacility } from './newFacility';
import { ToolManager, type EditorTool } from './tools/ToolManager';
import { locateProblems, type LocatedProblem, type Subject } from '../../domain/checks/problemSubjects';
import {
  applyDiff,
  edgeKey,
  facilityKey,
  getRecord,
  isEmptyDiff,
  nodeKey,
  type DiffSource,
  type Placed,
  type RecordKey,
  type SceneDiff,
} from './sceneDiff';

export interface EditorState {
  readonly scene: Scene;
  readonly selection?: Subject;
  readonly problems: readonly LocatedProblem[];
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly inGesture: boolean;
  readonly tool: EditorTool;
  /** The kind the `place` tool adds. */
  readonly placeKind: FacilityKind;
  /** The node an `add-edge` gesture starts from, once picked. */
  readonly edgeFrom?: string;
  readonly snap: { readonly grid: boolean; readonly angle: boolean };
  /** Bumped on every change of the scene (user, undo, redo, load): what autosave listens to. */
  readonly revision: number;
  /** Why the last command was refused, until the next command succeeds. */
  readonly error?: string;
}

export type CommandResult = { readonly ok: true; readonly id?: string } | { readonly ok: false; readonly message: string };

interface SnapOption {
  /** Apply the grid or angle snap (gizmo drags); typed values are taken as typed. */
  readonly snap?: boolean;
}

const TAU = 2 * Math.PI;

/** An angle in (-π, π]. */
function normalizeAngle(rad: number): number {
  const a = ((((rad + Math.PI) % TAU) + TAU) % TAU) - Math.PI;
  return a === -Math.PI ? Math.PI : a;
}

function roundTo(x: number, step: number): number {
  return Math.round(x / step) * step;
}

/** Decimals kept on positions: survey layouts are drawn to the centimetre; more is float noise from the gizmo. */
const round2 = (x: number) => Math.round(x * 100) / 100;

function setIn(value: unknown, path: readonly PathSegment[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (Array.isArray(value) && typeof head === 'number') return value.map((v, i) => (i === head ? setIn(v, rest, next) : v));
  if (typeof value === 'object' && value !== null && typeof head === 'string' && head in value) {
    return { ...(value as Record<string, unknown>), [head]: setIn((value as Record<string, unknown>)[head], rest, next) };
  }
  throw new Error(`no field "${String(head)}"`);
}

function schemaOf(key: RecordKey) {
  if (key.startsWith('facility:')) return Facility;
  if (key.startsWith('node:')) return LaneNode;
  if (key.startsWith('edge:')) return LaneEdge;
  const section = key.slice('section:'.length) as keyof typeof Scene.shape;
  return Scene.shape[section];
}

export class LayoutEditor {
  private readonly history: History;
  private readonly listeners = new Set<() => void>();
  private state: EditorState;
  /** The tools, as a state chart: the canvas adapter and the keyboard feed it; `state.tool` names the current one. */
  readonly tools: ToolManager;

  constructor(
    scene: Scene,
    readonly settings: EditorSettings = EDITOR_SETTINGS,
  ) {
    this.history = new History(settings.historyLimit);
    this.state = {
      scene,
      problems: locateProblems(scene, checkScene(scene)),
      canUndo: false,
      canRedo: false,
      inGesture: false,
      tool: 'move',
      placeKind: 'admin-building',
      snap: { grid: true, angle: true },
      revision: 0,
    };
    this.tools = new ToolManager(this, this.state.tool);
  }

  getState = (): EditorState => this.state;

  /** Calls `listener` after every state change; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get scene(): Scene {
    return this.state.scene;
  }

  // ── Session state (not in history) ──────────────────────────────────────────────────────────────────────

  select(subject: Subject | undefined): void {
    this.set({ selection: subject, edgeFrom: undefined });
  }

  setTool(tool: EditorTool, placeKind?: FacilityKind): void {
    this.tools.switchTo(tool);
    this.set({ tool, placeKind: placeKind ?? this.state.placeKind, edgeFrom: undefined });
  }

  setSnap(snap: Partial<EditorState['snap']>): void {
    this.set({ snap: { ...this.state.snap, ...snap } });
  }

  clearError(): void {
    if (this.state.error !== undefined) this.set({ error: undefined });
  }

  /** Replaces the whole working scene (a restored draft, a discarded one): not undoable, history cleared. */
  load(scene: Scene): void {
    this.history.clear();
    this.state = { ...this.state, scene, selection: undefined, edgeFrom: undefined, error: undefined };
    this.afterSceneChange();
  }

  /**
   * Applies a change that is not the user's (another source updating the layout): checked and applied like any
   * command, but never recorded, so undo only ever steps through the user's own edits.
   */
  mergeRemote(diff: SceneDiff): CommandResult {
    return this.commit(diff, 'remote');
  }

  // ── Gestures and history ────────────────────────────────────────────────────────────────────────────────

  /** Starts a gesture (pointer down on a gizmo or handle): every change until {@link endGesture} is one step. */
  mark(): void {
    this.history.mark();
    this.set({ inGesture: true });
  }

  endGesture(): void {
    this.history.end();
    this.set({ inGesture: false, canUndo: this.history.canUndo });
  }

  /** Escape during a gesture: the scene returns to the mark and nothing enters history. */
  bail(): void {
    if (!this.history.inGesture) return;
    const back = this.history.bail();
    this.state = { ...this.state, scene: applyDiff(this.state.scene, back), inGesture: false };
    this.afterSceneChange();
  }

  undo(): void {
    const diff = this.history.undo();
    if (!diff) return;
    this.state = { ...this.state, scene: applyDiff(this.state.scene, diff), inGesture: false };
    this.afterSceneChange();
  }

  redo(): void {
    const diff = this.history.redo();
    if (!diff) return;
    this.state = { ...this.state, scene: applyDiff(this.state.scene, diff), inGesture: false };
    this.afterSceneChange();
  }

  /** Steps the undo stack holds now. */
  get historySize(): number {
    return this.history.size;
  }

  // ── Facilities ──────────────────────────────────────────────────────────────────────────────────────────

  moveFacility(id: string, position: Vec2, opts: SnapOption = { snap: true }): CommandResult {
    const p = this.snapPoint(position, opts);
    return this.updateRecord(facilityKey(id), (f: Facility) => ({ ...f, footprint: { ...f.footprint, position: p } }));
  }

  /** Rotation in radians, counter-clockwise from east. */
  rotateFacility(id: string, rotation: number, opts: SnapOption = { snap: true }): CommandResult {
    let r = rotation;
    if (opts.snap && this.state.snap.angle) r = roundTo((r * 180) / Math.PI, this.settings.angleSnapDeg) * (Math.PI / 180);
    r = Math.round(normalizeAngle(r) * 1e4) / 1e4;
    return this.updateRecord(facilityKey(id), (f: Facility) => ({ ...f, footprint: { ...f.footprint, rotation: r } }));
  }

  /** Sets a facility's width and depth (and height); gizmo drags snap each side to the grid step, at least one step. */
  resizeFacility(id: string, size: readonly [number, number], height?: number, opts: SnapOption = { snap: true }): CommandResult {
    const step = this.settings.gridSnapM;
    const side = (m: number) => (opts.snap && this.state.snap.grid ? Math.max(step, roundTo(m, step)) : m);
    const next: [number, number] = [round2(side(size[0])), round2(side(size[1]))];
    return this.updateRecord(facilityKey(id), (f: Facility) => ({
      ...f,
      footprint: { ...f.footprint, size: next, height: height ?? f.footprint.height },
    }));
  }

  /** Sets one field of a facility by its path inside it (`footprint.height`, `capacityTeu`, `mode`). */
  setFacilityField(id: string, path: string, value: unknown): CommandResult {
    const segments = parsePath(path);
    if (segments[0] === 'id' || segments[0] === 'kind') return this.refuse(`"${path}" cannot be changed here`);
    return this.updateRecord(facilityKey(id), (f: Facility) => setIn(f, segments, value) as Facility);
  }

  /** Adds a facility of a kind at a point, sized from data/editor.json, and selects it. */
  addFacility(kind: FacilityKind, at: Vec2, rotation = 0): CommandResult {
    let f: Facility;
    try {
      f = newFacility(this.state.scene, kind, this.snapPoint(at, { snap: true }), rotation, this.settings.newFacility[kind]);
    } catch (e) {
      return this.refuse((e as Error).message);
    }
    const result = this.commit({ added: { [facilityKey(f.id)]: { index: this.state.scene.facilities.length, value: f } }, updated: {}, removed: {} });
    if (result.ok) this.set({ selection: { kind: 'facility', id: f.id } });
    return result.ok ? { ok: true, id: f.id } : result;
  }

  deleteFacility(id: string): CommandResult {
    const rec = getRecord(this.state.scene, facilityKey(id));
    if (!rec) return this.refuse(`no facility "${id}"`);
    return this.commit({ added: {}, updated: {}, removed: { [facilityKey(id)]: rec } });
  }

  // ── Lane nodes and edges ────────────────────────────────────────────────────────────────────────────────

  addLaneNode(at: Vec2): CommandResult {
    const node: LaneNode = {
      id: freeId('node', new Set(this.state.scene.lanes.nodes.map((n) => n.id))),
      position: this.snapPoint(at, { snap: true }),
      role: 'waypoint',
    };
    const result = this.commit({ added: { [nodeKey(node.id)]: { index: this.state.scene.lanes.nodes.length, value: node } }, updated: {}, removed: {} });
    if (result.ok) this.set({ selection: { kind: 'node', id: node.id } });
    return result.ok ? { ok: true, id: node.id } : result;
  }

  moveLaneNode(id: string, position: Vec2, opts: SnapOption = { snap: true }): CommandResult {
    const p = this.snapPoint(position, opts);
    return this.updateRecord(nodeKey(id), (n: LaneNode) => ({ ...n, position: p }));
  }

  /** Sets a lane node's `role` or `serves` (undefined removes `serves`). */
  setLaneNodeField(id: string, field: 'role' | 'serves', value: string | undefined): CommandResult {
    return this.updateRecord(nodeKey(id), (n: LaneNode) => {
      const next: Record<string, unknown> = { ...n, [field]: value };
      if (value === undefined) delete next[field];
      return next as LaneNode;
    });
  }

  /** Deletes a lane node and every edge that starts or ends at it, in one step. */
  deleteLaneNode(id: string): CommandResult {
    const rec = getRecord(this.state.scene, nodeKey(id));
    if (!rec) return this.refuse(`no lane node "${id}"`);
    const removed: Record<RecordKey, Placed> = { [nodeKey(id)]: rec };
    this.state.scene.lanes.edges.forEach((e, index) => {
      if (e.from === id || e.to === id) removed[edgeKey(e.id)] = { index, value: e };
    });
    return this.commit({ added: {}, updated: {}, removed });
  }

  /** A one-way lane from → to with the default width and speed limit; its border flag is worked out. */
  addLaneEdge(from: string, to: string): CommandResult {
    const { nodes, edges } = this.state.scene.lanes;
    const a = nodes.find((n) => n.id === from);
    const b = nodes.find((n) => n.id === to);
    if (!a || !b) return this.refuse(`no lane node "${a ? to : from}"`);
    if (from === to) return this.refuse('a lane must join two different nodes');
    if (edges.some((e) => e.from === from && e.to === to)) return this.refuse(`a lane ${from} → ${to} exists already`);
    const taken = new Set(edges.map((e) => e.id));
    const id = taken.has(`${from}:${to}`) ? freeId(`${from}:${to}`, taken) : `${from}:${to}`;
    const edge: LaneEdge = {
      id,
      from,
      to,
      widthM: this.settings.newEdge.widthM,
      speedLimitMps: this.settings.newEdge.speedLimitMps,
      crossBorder: segmentCrossesPolyline(a.position, b.position, this.state.scene.zone.border.line),
    };
    const result = this.commit({ added: { [edgeKey(id)]: { index: edges.length, value: edge } }, updated: {}, removed: {} });
    return result.ok ? { ok: true, id } : result;
  }

  /**
   * The `add-edge` tool's click on a node: the first click picks where the lane starts, each next one draws a
   * lane from the previous node and goes on from there, so a path is drawn node after node.
   */
  edgeClick(nodeId: string): CommandResult {
    const from = this.state.edgeFrom;
    if (from === undefined || from === nodeId) {
      this.set({ edgeFrom: nodeId, selection: { kind: 'node', id: nodeId } });
      return { ok: true };
    }
    const r = this.addLaneEdge(from, nodeId);
    if (r.ok) this.set({ edgeFrom: nodeId, selection: { kind: 'edge', id: r.id! } });
    return r;
  }

  setLaneEdgeField(id: string, field: 'widthM' | 'speedLimitMps' | 'crossBorder', value: number | boolean): CommandResult {
    return this.updateRecord(edgeKey(id), (e: LaneEdge) => ({ ...e, [field]: value }));
  }

  deleteLaneEdge(id: string): CommandResult {
    const rec = getRecord(this.state.scene, edgeKey(id));
    if (!rec) return this.refuse(`no lane edge "${id}"`);
    return this.commit({ added: {}, updated: {}, removed: { [edgeKey(id)]: rec } });
  }

  /** Deletes whatever is selected, then selects nothing. */
  deleteSelection(): CommandResult {
    const s = this.state.selection;
    if (!s) return this.refuse('nothing is selected');
    const r = s.kind === 'facility' ? this.deleteFacility(s.id) : s.kind === 'node' ? this.deleteLaneNode(s.id) : this.deleteLaneEdge(s.id);
    if (r.ok) this.select(undefined);
    return r;
  }

  // ── Imports ─────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Puts an imported lane network (a LIF file) or facilities and lanes (a GeoJSON file) in place of the scene's,
   * as one undo step: every old record removed and every new one added at its place, so the layout takes the
   * file's order and an undo gives back the old one exactly. What the import left out of `parts` is untouched.
   */
  replaceLayout(parts: { readonly facilities?: readonly Facility[]; readonly lanes?: Scene['lanes'] }): CommandResult {
    const scene = this.state.scene;
    const removed: Record<RecordKey, Placed> = {};
    const added: Record<RecordKey, Placed> = {};
    const swap = <T extends { id: string }>(key: (id: string) => RecordKey, before: readonly T[], after: readonly T[]) => {
      before.forEach((value, index) => (removed[key(value.id)] = { index, value }));
      after.forEach((value, index) => (added[key(value.id)] = { index, value }));
    };
    if (parts.facilities) swap(facilityKey, scene.facilities, parts.facilities);
    if (parts.lanes) {
      swap(nodeKey, scene.lanes.nodes, parts.lanes.nodes);
      swap(edgeKey, scene.lanes.edges, parts.lanes.edges);
    }
    return this.commit({ added, updated: {}, removed });
  }

  // ── Assumptions ─────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Sets a sourced number: `path` names the group as the assumptions list does (`fleet.agv.count`,
   * `facilities[4].scanTimeS`, `zone.capacity.target2030VehiclesPerDay`); `value` is the number of a
   * `{value, source}` group, or the fields to change (`{ min: 3000 }`); `source` replaces the group's source.
   */
  setAssumption(path: string, value: number | Readonly<Record<string, number>>, source: string): CommandResult {
    const a = listAssumptions(this.state.scene).find((x) => x.path === path);
    if (!a) return this.refuse(`no sourced value at "${path}"`);
    if (source.trim() === '') return this.refuse('a source is required (or the word "assumption")');
    const values = typeof value === 'number' ? { value } : value;
    return this.updateRecord(a.record, (r: unknown) => withAssumption(r, a.inner, values, source.trim()));
  }

  // ── Internals ───────────────────────────────────────────────────────────────────────────────────────────

  private snapPoint(p: Vec2, opts: SnapOption): Vec2 {
    const step = this.settings.gridSnapM;
    if (opts.snap && this.state.snap.grid) return [round2(roundTo(p[0], step)), round2(roundTo(p[1], step))];
    return [round2(p[0]), round2(p[1])];
  }

  private updateRecord<T>(key: RecordKey, update: (value: T) => T): CommandResult {
    const rec = getRecord(this.state.scene, key);
    if (!rec) return this.refuse(`no ${key.replace(':', ' "')}"`);
    let next: T;
    try {
      next = update(rec.value as T);
    } catch (e) {
      return this.refuse((e as Error).message);
    }
    if (JSON.stringify(next) === JSON.stringify(rec.value)) return { ok: true };
    return this.commit({ added: {}, updated: { [key]: [rec.value, next] as const }, removed: {} });
  }

  /** Checks every new record against its schema, applies the diff, records it, runs the checker. */
  private commit(diff: SceneDiff, source: DiffSource = 'user'): CommandResult {
    const incoming: [RecordKey, unknown][] = [
      ...Object.entries(diff.added).map(([k, p]): [RecordKey, unknown] => [k as RecordKey, p.value]),
      ...Object.entries(diff.updated).map(([k, u]): [RecordKey, unknown] => [k as RecordKey, u[1]]),
    ];
    for (const [key, value] of incoming) {
      const parsed = schemaOf(key).safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return this.refuse(`${issue.path.join('.') || key}: ${issue.message}`);
      }
    }
    if (isEmptyDiff(diff)) return { ok: true };
    if (source === 'user') this.history.record(diff);
    this.state = { ...this.state, scene: applyDiff(this.state.scene, diff), error: undefined };
    this.afterSceneChange();
    return { ok: true };
  }

  private refuse(message: string): CommandResult {
    this.set({ error: message });
    return { ok: false, message };
  }

  private afterSceneChange(): void {
    const scene = this.state.scene;
    const sel = this.state.selection;
    const exists =
      !sel || (sel.kind === 'facility' ? scene.facilities : sel.kind === 'node' ? scene.lanes.nodes : scene.lanes.edges).some((r) => r.id === sel.id);
    this.set({
      problems: locateProblems(scene, checkScene(scene)),
      selection: exists ? sel : undefined,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
      inGesture: this.history.inGesture,
      revision: this.state.revision + 1,
    });
  }

  private set(patch: Partial<EditorState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}
