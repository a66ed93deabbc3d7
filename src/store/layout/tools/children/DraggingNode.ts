import { Gesture } from './Gesture';
import type { ToolPointerEvent } from '../toolEvents';

/** A lane node follows the pointer over the ground: one gesture, one undo step; Escape puts it back. */
export class DraggingNode extends Gesture {
  readonly id = 'dragging-node';
  private nodeId = '';

  override onEnter({ id, to }: { id: string; to: ToolPointerEvent }): void {
    this.nodeId = id;
    this.editor.mark();
    this.onPointerMove(to);
  }

  override onPointerMove(e: ToolPointerEvent): void {
    if (e.point) this.editor.moveLaneNode(this.nodeId, e.point);
  }
}
