import type { LayoutEditor } from '../LayoutEditor';
import { ClickIdle, ClickPointing } from './children/Clicking';
import { StateNode } from './StateNode';

/** A click anywhere on the ground (on a building too) places a facility of the chosen kind there and selects it. */
export class PlaceTool extends StateNode {
  readonly id = 'place';
  protected override readonly initial = 'idle';

  constructor(editor: LayoutEditor) {
    super(editor);
    this.addChildren(
      new ClickIdle(editor, this),
      new ClickPointing(editor, this, (e) => {
        if (e.point) this.editor.addFacility(this.editor.getState().placeKind, e.point);
      }),
    );
  }
}
