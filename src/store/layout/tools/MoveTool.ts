import type { LayoutEditor } from '../LayoutEditor';
import { SelectingTool } from './SelectingTool';

/** Select, drag lane nodes, and move the selected facility with the translate gizmo (snapped to the grid). */
export class MoveTool extends SelectingTool {
  readonly id = 'move';
  override readonly gizmo = 'translate';

  constructor(editor: LayoutEditor) {
    super(editor, { dragsNodes: true, apply: (ed, f, pose) => ed.moveFacility(f.id, pose.position) });
  }
}
