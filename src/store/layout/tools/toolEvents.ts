/**
 * What the canvas tells a tool: pointer events in zone coordinates (metres east and north of the zone's origin)
 * with what was under the pointer, and keys. The view builds them (src/view/edit/CanvasToolAdapter.ts); the tools
 * never see a DOM event, a ray or a three.js object, so they run in a unit test as they do in the browser.
 */
import type { Vec2 } from '../../../domain/sceneSchema';

/** The transform gizmo's proxy after a drag step: where it is, its yaw, its scale along the facility's own axes. */
export interface GizmoPose {
  readonly position: Vec2;
  /** Radians, counter-clockwise from east. */
  readonly rotation: number;
  /** Scale along the footprint's width (own east axis) and depth, 1 at the mark. */
  readonly scale: Vec2;
}

export type PointerTarget =
  | { readonly kind: 'ground' }
  | { readonly kind: 'facility'; readonly id: string }
  | { readonly kind: 'node'; readonly id: string }
  | { readonly kind: 'gizmo'; readonly pose: GizmoPose };

export interface ToolPointerEvent {
  /** Where the pointer meets the ground; undefined when it points above the horizon. */
  readonly point?: Vec2;
  /** Page position (CSS px): how far a press travelled before it is a drag rather than a click. */
  readonly screen: { readonly x: number; readonly y: number };
  readonly target: PointerTarget;
  /** 0 the main button. */
  readonly button: number;
}

export interface ToolKeyEvent {
  readonly key: string;
  /** Ctrl, or ⌘ on a Mac. */
  readonly mod: boolean;
  readonly shift: boolean;
}

/** Pointer travel (CSS px) below which a press and release is a click, not a drag or an orbit of the camera. */
export const CLICK_SLOP_PX = 4;

export function travelled(from: ToolPointerEvent['screen'], to: ToolPointerEvent['screen']): boolean {
  return Math.hypot(to.x - from.x, to.y - from.y) > CLICK_SLOP_PX;
}
