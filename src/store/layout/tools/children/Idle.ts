import { StateNode } from '../StateNode';
import type { ToolPointerEvent } from '../toolEvents';

/**
 * Nothing under way with a selecting tool (select, move, rotate, resize). A press on a facility, a lane node or
 * the ground is pointing until it turns out a click or a drag; a press on the gizmo starts its drag at once.
 * Escape selects nothing.
 */
export class Idle extends StateNode {
  readonly id = 'idle';

  override onPointerDown(e: ToolPointerEvent): void {
    if (e.button !== 0) return;
    if (e.target.kind === 'gizmo') this.parent!.transition('gizmo', e);
    else this.parent!.transition('pointing', e);
  }

  override onCancel(): void {
    this.editor.select(undefined);
  }
}
