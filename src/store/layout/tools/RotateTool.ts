import type { LayoutEditor } from '../LayoutEditor';
import { SelectingTool } from './SelectingTool';

/** Select, and turn the selected facility about its centre with the rotate gizmo (snapped to the angle step). */
export class RotateTool extends SelectingTool {
  readonly id = 'rotate';
  override readonly gizmo = 'rotate';

  constructor(editor: LayoutEditor) {
    super(editor, { dragsNodes: false, apply: (ed, f, pose) => ed.rotateFacility(f.id, pose.rotation) });
  }
}
