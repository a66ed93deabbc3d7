import { StateNode } from '../StateNode';

/**
 * A drag under way, marked in the history when it began (tldraw's `Translating`): it holds the pointer, the
 * release ends the gesture (one undo step, however long the drag), Escape returns to the mark and records
 * nothing; either way the tool goes back to idle.
 */
export abstract class Gesture extends StateNode {
  override get capturesPointer(): boolean {
    return true;
  }

  override onPointerUp(): void {
    this.editor.endGesture();
    this.parent!.transition('idle');
  }

  override onCancel(): void {
    this.editor.bail();
    this.parent!.transition('idle');
  }
}
