import type { FacilityKind, LaneNode } from '../sceneSchema';

type Side = 'VN' | 'CN';

/** What a duplicated id belongs to (`duplicate-id`). */
export const ID_OWNERS = ['facility', 'node', 'edge', 'route', 'view'] as const;
export type IdOwner = (typeof ID_OWNERS)[number];

/**
 * What a scene check found, as a stable code and the values a sentence about it needs, so a UI says it in its own
 * language; the problem's `message` says the same in English for the command line. Paths in params (`first`,
 * `other`) are field paths like the problem's own.
 */
export type CheckCode =
  | { readonly code: 'duplicate-id'; readonly params: { readonly owner: IdOwner; readonly id: string; readonly first: string } }
  | { readonly code: 'duplicate-map-id'; readonly params: { readonly id: string; readonly first: string } }
  | { readonly code: 'unknown-node'; readonly params: { readonly id: string } }
  | { readonly code: 'unknown-facility'; readonly params: { readonly id: string } }
  | { readonly code: 'edge-loop'; readonly params: Record<string, never> }
  | { readonly code: 'edge-repeated'; readonly params: { readonly first: string; readonly from: string; readonly to: string } }
  | { readonly code: 'crane-serves-non-storage'; readonly params: { readonly id: string; readonly kind: FacilityKind } }
  | { readonly code: 'road-too-narrow'; readonly params: { readonly width: number; readonly lanes: number; readonly laneWidth: number } }
  | {
      readonly code: 'facility-overlap';
      readonly params: { readonly other: string; readonly id: string; readonly kind: FacilityKind; readonly depth: number };
    }
  | {
      readonly code: 'lane-crosses-facility';
      readonly params: { readonly from: string; readonly to: string; readonly other: string; readonly id: string; readonly kind: FacilityKind };
    }
  | { readonly code: 'border-crossing-unflagged'; readonly params: Record<string, never> }
  | { readonly code: 'border-crossing-flagged'; readonly params: Record<string, never> }
  | { readonly code: 'lane-too-narrow'; readonly params: { readonly width: number; readonly agvWidth: number } }
  | { readonly code: 'node-outside-served'; readonly params: { readonly id: string } }
  | { readonly code: 'role-needs-serves'; readonly params: { readonly role: LaneNode['role']; readonly kinds: readonly FacilityKind[] } }
  | {
      readonly code: 'role-serves-wrong-kind';
      readonly params: { readonly role: LaneNode['role']; readonly kinds: readonly FacilityKind[]; readonly id: string; readonly kind: FacilityKind };
    }
  | { readonly code: 'charging-node-role'; readonly params: { readonly role: LaneNode['role'] } }
  | { readonly code: 'facility-unserved'; readonly params: { readonly id: string } }
  | { readonly code: 'facility-unreachable'; readonly params: { readonly id: string; readonly sides: readonly Side[] } }
  | { readonly code: 'lane-stranded'; readonly params: { readonly from: string; readonly to: string; readonly way: 'in' | 'out' | 'both' } }
  | { readonly code: 'node-unjoined'; readonly params: { readonly id: string } }
  | { readonly code: 'wrong-side'; readonly params: { readonly declared: Side; readonly actual: Side } }
  | { readonly code: 'off-truck-route'; readonly params: { readonly id: string; readonly kind: FacilityKind } }
  | { readonly code: 'risk-shares-sum'; readonly params: { readonly sum: number } }
  | { readonly code: 'no-arrivals'; readonly params: Record<string, never> }
  | { readonly code: 'arrivals-while-closed'; readonly params: { readonly hour: number } }
  | { readonly code: 'opens-when-closes'; readonly params: Record<string, never> }
  | { readonly code: 'min-above-max'; readonly params: { readonly min: number; readonly max: number } }
  | { readonly code: 'view-target-at-camera'; readonly params: Record<string, never> }
  | { readonly code: 'tour-unknown-view'; readonly params: { readonly view: string; readonly views: readonly string[] } };
