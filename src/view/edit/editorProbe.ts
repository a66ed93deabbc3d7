/**
 * `window.__EDITOR__`: a read-only look at the layout editor for automation (the browser tests), in the manner
 * of `window.__TWIN__`: where facilities and nodes are now, the problems, the undo depth, and where a ground
 * point appears on screen (to aim at a gizmo handle). The app never reads it back.
 */
import type { Camera } from 'three';
import type { LayoutEditor } from '../../store/layout/LayoutEditor';
import { screenOf } from '../screenProjection';

export interface EditorSnapshot {
  readonly facilities: readonly { readonly id: string; readonly position: readonly [number, number]; readonly rotation: number }[];
  readonly nodes: readonly { readonly id: string; readonly position: readonly [number, number] }[];
  readonly problems: readonly string[];
  readonly historySize: number;
  readonly selection?: string;
  /** Page position (CSS px) of the world point [east, north, up]. */
  readonly screenOf: (east: number, north: number, up?: number) => { x: number; y: number } | undefined;
  /** The camera's position in scene terms [east, north, up] (m): what the gizmo's size and handle sides follow. */
  readonly camera: readonly [number, number, number];
}

export function installEditorProbe(editor: LayoutEditor, camera: Camera): () => void {
  const snapshot = (): EditorSnapshot => {
    const s = editor.getState();
    return Object.freeze({
      facilities: s.scene.facilities.map((f) => ({ id: f.id, position: f.footprint.position, rotation: f.footprint.rotation })),
      nodes: s.scene.lanes.nodes.map((n) => ({ id: n.id, position: n.position })),
      problems: s.problems.map((p) => `${p.path}: ${p.message}`),
      historySize: editor.historySize,
      selection: s.selection && `${s.selection.kind}:${s.selection.id}`,
      screenOf: (east: number, north: number, up = 0) => screenOf(east, north, up),
      camera: [camera.position.x, -camera.position.z, camera.position.y] as const,
    });
  };
  Object.defineProperty(window, '__EDITOR__', { configurable: true, get: snapshot });
  return () => {
    delete (window as { __EDITOR__?: unknown }).__EDITOR__;
  };
}

declare global {
  interface Window {
    readonly __EDITOR__?: EditorSnapshot;
  }
}
