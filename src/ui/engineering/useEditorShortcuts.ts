import { useEffect } from 'react';
import type { LayoutEditor } from '../../store/layout/LayoutEditor';

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
}

/**
 * Keyboard: Ctrl+Z undo, Ctrl+Shift+Z and Ctrl+Y redo (⌘ on a Mac), Delete/Backspace deletes the selection,
 * Escape abandons a drag in progress (back to where it started) or else leaves the adding tool and selection.
 * Keys typed into a field stay the field's.
 */
export function useEditorShortcuts(editor: LayoutEditor): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) editor.redo();
        else editor.undo();
      } else if (mod && key === 'y') {
        e.preventDefault();
        editor.redo();
      } else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) {
        if (editor.getState().selection) {
          e.preventDefault();
          editor.deleteSelection();
        }
      } else if (e.key === 'Escape') {
        const s = editor.getState();
        if (s.inGesture) editor.bail();
        else if (s.tool === 'add-node' || s.tool === 'add-edge' || s.tool === 'place') editor.setTool('move');
        else editor.select(undefined);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor]);
}
