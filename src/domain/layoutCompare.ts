/**
 * Two versions of a layout compared the way an engineer reviews them: which facilities, lane nodes and lane edges
 * were added, removed, moved (how far) or otherwise changed (which fields), which other parts of the scene differ
 * (fleet, process, zone…), and the checker's verdict: each version's problems, and on each change what the checker
 * says of that thing in the newer version.
 *
 * @example compareLayouts(v1, v2).changes → [{ kind: 'facility', id: 'scanner-2', change: 'moved', movedM: 12.5, fields: ['footprint'], problems: [] }]
 */
import { checkScene } from './checks/checkScene';
import { problemSubjects, type Subject } from './checks/problemSubjects';
import type { Problem } from './problem';
import type { Scene } from './sceneSchema';

export type LayoutChangeKind = 'added' | 'removed' | 'moved' | 'changed';

export type LayoutChange = Subject & {
  readonly change: LayoutChangeKind;
  /** Moved: how far its position went (m). */
  readonly movedM?: number;
  /** Moved or changed: the fields that differ (a move's own `footprint` or `position` included). */
  readonly fields?: readonly string[];
  /** What the checker says of it in the newer version (none for a removal). */
  readonly problems: readonly Problem[];
};

export interface LayoutComparison {
  readonly changes: readonly LayoutChange[];
  /** Other top-level parts that differ (`fleet`, `process`, `zone` …). */
  readonly sections: readonly string[];
  /** The checker on each version, whole. */
  readonly before: readonly Problem[];
  readonly after: readonly Problem[];
}

/** Closer than this (m), two positions are the same place: JSON round trips of decimals move nothing. */
const SAME_PLACE_M = 1e-6;

type Item = { readonly id: string } & Record<string, unknown>;

function positionOf(kind: Subject['kind'], item: Item): readonly number[] | undefined {
  if (kind === 'facility') return (item.footprint as { position?: readonly number[] } | undefined)?.position;
  if (kind === 'node') return item.position as readonly number[] | undefined;
  return undefined;
}

function differingFields(a: Item, b: Item): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

export function compareLayouts(before: Scene, after: Scene): LayoutComparison {
  const beforeProblems = checkScene(before);
  const afterProblems = checkScene(after);
  const said = new Map<string, Problem[]>();
  for (const p of afterProblems) {
    for (const s of problemSubjects(after, p)) {
      const key = `${s.kind}:${s.id}`;
      said.set(key, [...(said.get(key) ?? []), p]);
    }
  }
  const changes: LayoutChange[] = [];
  const lists: readonly [Subject['kind'], readonly Item[], readonly Item[]][] = [
    ['facility', before.facilities as unknown as Item[], after.facilities as unknown as Item[]],
    ['node', before.lanes.nodes as unknown as Item[], after.lanes.nodes as unknown as Item[]],
    ['edge', before.lanes.edges as unknown as Item[], after.lanes.edges as unknown as Item[]],
  ];
  for (const [kind, was, now] of lists) {
    const old = new Map(was.map((x) => [x.id, x]));
    const fresh = new Map(now.map((x) => [x.id, x]));
    for (const x of now) {
      const problems = said.get(`${kind}:${x.id}`) ?? [];
      const prior = old.get(x.id);
      if (!prior) {
        changes.push({ kind, id: x.id, change: 'added', problems });
        continue;
      }
      const fields = differingFields(prior, x);
      if (fields.length === 0) continue;
      const p0 = positionOf(kind, prior);
      const p1 = positionOf(kind, x);
      const movedM = p0 && p1 ? Math.hypot(p1[0]! - p0[0]!, p1[1]! - p0[1]!) : 0;
      changes.push(
        movedM > SAME_PLACE_M
          ? { kind, id: x.id, change: 'moved', movedM: Number(movedM.toFixed(2)), fields, problems }
          : { kind, id: x.id, change: 'changed', fields, problems },
      );
    }
    for (const x of was) if (!fresh.has(x.id)) changes.push({ kind, id: x.id, change: 'removed', problems: [] });
  }
  const sectionNames = new Set([...Object.keys(before), ...Object.keys(after)].filter((k) => k !== 'facilities' && k !== 'lanes'));
  const lanesRest = (s: Scene) => JSON.stringify({ ...s.lanes, nodes: undefined, edges: undefined });
  const sections = [...sectionNames]
    .filter((k) => JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify((after as Record<string, unknown>)[k]))
    .concat(lanesRest(before) === lanesRest(after) ? [] : ['lanes'])
    .sort();
  return { changes, sections, before: beforeProblems, after: afterProblems };
}
