/**
 * Facilities grouped by kind with structural sharing: a kind whose facilities are the same objects as in the
 * previous grouping keeps the previous array, so its instanced mesh (memoised on that array) is neither rebuilt
 * nor re-uploaded. The layout editor changes one facility object per drag step and keeps the others, so a drag
 * re-uploads one kind, not all of them (bench: `npm run bench -- --only editor`).
 */
import type { Facility, FacilityKind } from '../domain/sceneSchema';

export type KindGroups = ReadonlyMap<FacilityKind, readonly Facility[]>;

function same(a: readonly Facility[], b: readonly Facility[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}

export function groupByKind(facilities: readonly Facility[], previous: KindGroups = new Map()): KindGroups {
  const groups = new Map<FacilityKind, Facility[]>();
  for (const f of facilities) {
    const g = groups.get(f.kind);
    if (g) g.push(f);
    else groups.set(f.kind, [f]);
  }
  const out = new Map<FacilityKind, readonly Facility[]>();
  for (const [kind, list] of groups) {
    const before = previous.get(kind);
    out.set(kind, before && same(before, list) ? before : list);
  }
  return out;
}
