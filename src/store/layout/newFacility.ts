import { sideOf } from '../../domain/checks/sides';
import { Facility, type FacilityKind, type Scene, type Vec2 } from '../../domain/sceneSchema';
import type { FacilityTemplate } from './editorSettings';

/** The first `<prefix>-<n>` (n = 1, 2, …) that no record in `taken` uses. */
export function freeId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

function nearestStorage(scene: Scene, at: Vec2): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const f of scene.facilities) {
    if (f.kind !== 'import-storage' && f.kind !== 'export-storage') continue;
    const d = Math.hypot(f.footprint.position[0] - at[0], f.footprint.position[1] - at[1]);
    if (d < bestD) [best, bestD] = [f.id, d];
  }
  return best;
}

/**
 * A new facility of a kind at a point, sized and filled from its template (data/editor.json): a fresh id, the
 * side of the border its centre lies on, and for a crane the nearest storage yard to serve. Throws with a reason
 * when the kind cannot stand there (a crane with no yard in the scene).
 */
export function newFacility(scene: Scene, kind: FacilityKind, at: Vec2, rotation: number, template: FacilityTemplate): Facility {
  const taken = new Set(scene.facilities.map((f) => f.id));
  const extra: Record<string, unknown> = { ...template.fields };
  if (kind === 'crane') {
    const serves = nearestStorage(scene, at);
    if (!serves) throw new Error('a crane needs a storage yard to serve; add one first');
    extra.serves = serves;
  }
  if (kind === 'camera') extra.headingRad = rotation;
  const candidate = {
    id: freeId(kind, taken),
    kind,
    side: sideOf(scene, at) ?? 'VN',
    footprint: { position: at, rotation, size: template.size, height: template.height },
    ...extra,
  };
  const parsed = Facility.safeParse(candidate);
  if (!parsed.success) throw new Error(`data/editor.json newFacility.${kind}: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}
