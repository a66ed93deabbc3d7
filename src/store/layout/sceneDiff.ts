/**
 * A scene seen as records, and changes to it as diffs, the way tldraw's store sees a document: every facility,
 * lane node and lane edge is a record keyed by its kind and id; every other top-level part of the scene (fleet,
 * process, zone…) is one record of its own. A diff names what was added, updated (before and after) and removed,
 * so applying it forwards or backwards is exact, and undo needs nothing but the diff.
 */
import type { Facility, LaneEdge, LaneNode, Scene } from '../../domain/sceneSchema';

/** `facility:<id>`, `node:<id>`, `edge:<id>`, or `section:<top-level key>` (fleet, process, zone…). */
export type RecordKey = `facility:${string}` | `node:${string}` | `edge:${string}` | `section:${string}`;

type ArrayKind = 'facility' | 'node' | 'edge';
type Section = Exclude<keyof Scene, 'facilities' | 'lanes'>;

/** A removed or added array record remembers its place, so undoing a delete puts it back where it was. */
export interface Placed<T = unknown> {
  readonly index: number;
  readonly value: T;
}

/** Who made a change: only the user's changes enter the undo history. */
export type DiffSource = 'user' | 'remote';

export interface SceneDiff {
  readonly added: Readonly<Record<RecordKey, Placed>>;
  readonly updated: Readonly<Record<RecordKey, readonly [before: unknown, after: unknown]>>;
  readonly removed: Readonly<Record<RecordKey, Placed>>;
}

export const EMPTY_DIFF: SceneDiff = { added: {}, updated: {}, removed: {} };

export const facilityKey = (id: string): RecordKey => `facility:${id}`;
export const nodeKey = (id: string): RecordKey => `node:${id}`;
export const edgeKey = (id: string): RecordKey => `edge:${id}`;
export const sectionKey = (name: Section): RecordKey => `section:${name}`;

function split(key: RecordKey): [string, string] {
  const at = key.indexOf(':');
  return [key.slice(0, at), key.slice(at + 1)];
}

function listOf(scene: Scene, kind: ArrayKind): readonly { id: string }[] {
  return kind === 'facility' ? scene.facilities : kind === 'node' ? scene.lanes.nodes : scene.lanes.edges;
}

function withList(scene: Scene, kind: ArrayKind, list: readonly { id: string }[]): Scene {
  if (kind === 'facility') return { ...scene, facilities: list as Facility[] };
  if (kind === 'node') return { ...scene, lanes: { ...scene.lanes, nodes: list as LaneNode[] } };
  return { ...scene, lanes: { ...scene.lanes, edges: list as LaneEdge[] } };
}

/** The record under a key, with its index for array records; undefined when there is none. */
export function getRecord(scene: Scene, key: RecordKey): Placed | undefined {
  const [kind, id] = split(key);
  if (kind === 'section') {
    const value = (scene as Record<string, unknown>)[id];
    return value === undefined ? undefined : { index: -1, value };
  }
  const list = listOf(scene, kind as ArrayKind);
  const index = list.findIndex((r) => r.id === id);
  return index < 0 ? undefined : { index, value: list[index] };
}

function keysOf<T extends object>(o: T): RecordKey[] {
  return Object.keys(o) as RecordKey[];
}

/**
 * Applies a diff: removals first, then updates, then additions in ascending index, so a diff that removed
 * several records of one list is undone into exactly the old order.
 */
export function applyDiff(scene: Scene, diff: SceneDiff): Scene {
  let out = scene;
  for (const key of keysOf(diff.removed)) {
    const [kind, id] = split(key);
    if (kind === 'section') throw new Error(`a scene section cannot be removed (${key})`);
    out = withList(
      out,
      kind as ArrayKind,
      listOf(out, kind as ArrayKind).filter((r) => r.id !== id),
    );
  }
  for (const key of keysOf(diff.updated)) {
    const after = diff.updated[key]![1];
    const [kind, id] = split(key);
    if (kind === 'section') {
      out = { ...out, [id]: after };
      continue;
    }
    const list = listOf(out, kind as ArrayKind);
    const index = list.findIndex((r) => r.id === id);
    if (index < 0) throw new Error(`no record ${key} to update`);
    out = withList(
      out,
      kind as ArrayKind,
      list.map((r, i) => (i === index ? (after as { id: string }) : r)),
    );
  }
  const additions = keysOf(diff.added).sort((a, b) => diff.added[a]!.index - diff.added[b]!.index);
  for (const key of additions) {
    const [kind] = split(key);
    const { index, value } = diff.added[key]!;
    const list = [...listOf(out, kind as ArrayKind)];
    list.splice(Math.min(index, list.length), 0, value as { id: string });
    out = withList(out, kind as ArrayKind, list);
  }
  return out;
}

/** The diff that undoes `diff`. */
export function invertDiff(diff: SceneDiff): SceneDiff {
  const updated: Record<RecordKey, readonly [unknown, unknown]> = {};
  for (const key of keysOf(diff.updated)) {
    const [before, after] = diff.updated[key]!;
    updated[key] = [after, before];
  }
  return { added: diff.removed, updated, removed: diff.added };
}

/** True when the diff changes nothing. */
export function isEmptyDiff(diff: SceneDiff): boolean {
  return keysOf(diff.added).length === 0 && keysOf(diff.updated).length === 0 && keysOf(diff.removed).length === 0;
}

/**
 * One diff with the effect of `a` then `b` (a gesture's many drag steps become one): an update of an added
 * record stays an addition, a removal of an added record cancels out, updates keep the first "before".
 */
export function squashDiffs(a: SceneDiff, b: SceneDiff): SceneDiff {
  const added: Record<RecordKey, Placed> = { ...a.added };
  const updated: Record<RecordKey, readonly [unknown, unknown]> = { ...a.updated };
  const removed: Record<RecordKey, Placed> = { ...a.removed };
  for (const key of keysOf(b.removed)) {
    if (added[key]) delete added[key];
    else if (updated[key]) {
      removed[key] = { index: b.removed[key]!.index, value: updated[key]![0] };
      delete updated[key];
    } else removed[key] = b.removed[key]!;
  }
  for (const key of keysOf(b.updated)) {
    const after = b.updated[key]![1];
    if (added[key]) added[key] = { index: added[key]!.index, value: after };
    else if (updated[key]) updated[key] = [updated[key]![0], after];
    else updated[key] = b.updated[key]!;
  }
  for (const key of keysOf(b.added)) {
    if (removed[key]) {
      const before = removed[key]!.value;
      delete removed[key];
      if (before !== b.added[key]!.value) updated[key] = [before, b.added[key]!.value];
    } else added[key] = b.added[key]!;
  }
  return { added, updated, removed };
}
