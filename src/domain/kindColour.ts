import type { FacilityKind } from './sceneSchema';

/** Legend colours; the same hues as the models' vertex colours (scripts/models). */
export const KIND_COLOUR: Record<FacilityKind, string> = {
  'import-storage': '#3b82f6',
  'export-storage': '#f97316',
  'scanner-bay': '#eab308',
  'admin-building': '#94a3b8',
  barrier: '#ef4444',
  camera: '#a855f7',
  crane: '#facc15',
  'agv-charging': '#22c55e',
  'truck-holding': '#475569',
  road: '#374151',
};
