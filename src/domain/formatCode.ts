/**
 * What is wrong with a layout file brought in from another tool (VDMA LIF, GeoJSON), or what its import filled in
 * or left out, as a stable code and the values a sentence about it needs, so a UI says it in its own language.
 * Paths in params (`first`) are field paths in the same file.
 */
export type FormatCode =
  | { readonly code: 'import-schema'; readonly params: { readonly detail: string } }
  | { readonly code: 'lif-version'; readonly params: { readonly version: string } }
  | { readonly code: 'lif-choose-layout'; readonly params: { readonly ids: readonly string[] } }
  | { readonly code: 'lif-choose-vehicle-type'; readonly params: { readonly ids: readonly string[] } }
  | { readonly code: 'lif-vehicle-type-repeated'; readonly params: { readonly id: string; readonly first: string } }
  | { readonly code: 'lif-node-in-two-stations'; readonly params: { readonly id: string; readonly first: string } }
  | { readonly code: 'lif-role-actions'; readonly params: { readonly actions: readonly string[] } }
  | { readonly code: 'import-duplicate-id'; readonly params: { readonly id: string; readonly first: string } }
  | { readonly code: 'import-bad-id'; readonly params: { readonly id: string } }
  | { readonly code: 'import-not-kept'; readonly params: { readonly count: number; readonly why: NotKeptReason } }
  | {
      readonly code: 'import-default';
      readonly params: { readonly field: DefaultField; readonly count: number; readonly value: string; readonly source: string };
    }
  | { readonly code: 'import-left-out'; readonly params: { readonly count: number; readonly vehicleType: string } }
  | { readonly code: 'geojson-not-collection'; readonly params: Record<string, never> }
  | { readonly code: 'geojson-crs'; readonly params: Record<string, never> }
  | { readonly code: 'geojson-layer'; readonly params: { readonly layer: string; readonly known: readonly string[] } }
  | { readonly code: 'geojson-geometry'; readonly params: { readonly expected: string; readonly got: string } }
  | { readonly code: 'geojson-not-rectangle'; readonly params: { readonly deviation: number; readonly tolerance: number } }
  | { readonly code: 'geojson-far'; readonly params: { readonly distanceKm: number; readonly limitKm: number } }
  | { readonly code: 'geojson-line-off-node'; readonly params: { readonly id: string; readonly distance: number } };

/** Why an import left a value out (`import-not-kept`): each a sentence of its own in the UI's strings. */
export const NOT_KEPT_REASONS = [
  'lif-trajectory',
  'lif-rotation',
  'lif-orientation',
  'lif-height',
  'lif-load-restriction',
  'lif-reentry',
  'lif-edge-action',
  'lif-node-action',
  'lif-theta',
  'geojson-truck-routes',
  'geojson-border',
] as const;
export type NotKeptReason = (typeof NOT_KEPT_REASONS)[number];

/** What an import filled in with a named default where the file says nothing (`import-default`). */
export const DEFAULT_FIELDS = ['lane-width', 'speed-limit', 'facility-fields', 'facility-height', 'facility-side'] as const;
export type DefaultField = (typeof DEFAULT_FIELDS)[number];
