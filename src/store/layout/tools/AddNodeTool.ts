import type { LayoutEditor } from '../LayoutEditor';
import { ClickIdle, ClickPointing } from './children/Clicking';
import { StateNode } from './StateNode';
import type { ToolPointerEvent } from './toolEvents';

/** A click on the ground adds a lane node there (snapped) and selects it; a click on a node selects that one. */
export class AddNodeTool extends StateNode {
  readonly id = 'add-node';
  protected override readonly initial = 'idle';

  constructor(editor: LayoutEditor) {
    super(editor);
    this.addChildren(new ClickIdle(editor, this), new ClickPointing(editor, this, (e) => this.click(e)));
  }

  private click(e: ToolPointerEvent): void {
    if (e.target.kind === 'node') this.editor.select({ kind: 'node', id: e.target.id });
    else if (e.point) this.editor.addLaneNode(e.point);
  }
}
