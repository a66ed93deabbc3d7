import { useEffect } from 'react';
import type { LayoutEditor } from '../../store/layout/LayoutEditor';

function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA' || target.isContentEditable)
  );
}

/**
 * The page's keys to the editor's tools (`editor.tools.keyDown`): Ctrl+Z undo, Ctrl+Shift+Z and Ctrl+Y redo (⌘ on
 * a Mac), Delete/Backspace deletes the selection, Escape is the current tool's cancel (a drag back to where it
 * started, an adding tool back to the move tool, else no selection). Keys typed into a field stay the field's.
 */
export function useEditorShortcuts(editor: LayoutEditor): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      if (editor.tools.keyDown({ key: e.key, mod: e.ctrlKey || e.metaKey, shift: e.shiftKey })) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor]);
}
