import { useSyncExternalStore } from 'react';
import type { EditorState, LayoutEditor } from './LayoutEditor';

/**
 * Reads a slice of the editor's state and re-renders when it changes (tldraw's `useValue`, in a few lines).
 * The selector must return a value already in the state, or a primitive, so React can compare it.
 */
export function useEditorState<T>(editor: LayoutEditor, selector: (s: EditorState) => T): T {
  return useSyncExternalStore(editor.subscribe, () => selector(editor.getState()));
}
