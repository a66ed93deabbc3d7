import { StateNode } from './StateNode';
import type { ToolPointerEvent } from './toolEvents';

/**
 * Draws lanes node after node: the first press on a node picks where the lane starts, each next one draws a lane
 * from the previous node and goes on from there (`LayoutEditor.edgeClick`). Escape leaves for the move tool.
 */
export class AddEdgeTool extends StateNode {
  readonly id = 'add-edge';

  override onPointerDown(e: ToolPointerEvent): void {
    if (e.button === 0 && e.target.kind === 'node') this.editor.edgeClick(e.target.id);
  }

  override onCancel(): void {
    this.editor.setTool('move');
  }
}
