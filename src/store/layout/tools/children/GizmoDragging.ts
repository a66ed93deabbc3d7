import type { Facility } from '../../../../domain/sceneSchema';
import type { LayoutEditor } from '../../LayoutEditor';
import type { StateNode } from '../StateNode';
import { Gesture } from './Gesture';
import type { GizmoPose, ToolPointerEvent } from '../toolEvents';

/** What a gizmo drag step does to the facility, given the facility as it was at the mark. */
export type ApplyPose = (editor: LayoutEditor, atMark: Facility, pose: GizmoPose) => void;

/**
 * The selected facility's gizmo is being dragged (tldraw's `Translating`): the press marks, every step sends a
 * snapped command, the release ends the gesture, so a drag of any length is one undo step; Escape returns the
 * facility to the mark and records nothing.
 */
export class GizmoDragging extends Gesture {
  readonly id = 'gizmo';
  private atMark: Facility | undefined;

  constructor(
    editor: LayoutEditor,
    parent: StateNode,
    private readonly apply: ApplyPose,
  ) {
    super(editor, parent);
  }

  override onEnter(): void {
    const s = this.editor.getState().selection;
    this.atMark = s?.kind === 'facility' ? this.editor.scene.facilities.find((f) => f.id === s.id) : undefined;
    if (!this.atMark) {
      this.parent!.transition('idle');
      return;
    }
    this.editor.mark();
  }

  override onExit(): void {
    this.atMark = undefined;
  }

  override onPointerMove(e: ToolPointerEvent): void {
    if (this.atMark && e.target.kind === 'gizmo') this.apply(this.editor, this.atMark, e.target.pose);
  }
}
