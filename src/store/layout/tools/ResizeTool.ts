import type { LayoutEditor } from '../LayoutEditor';
import { SelectingTool } from './SelectingTool';

/**
 * Select, and stretch the selected facility's footprint with the scale gizmo: width along its own east axis,
 * depth across it, each a multiple of the size at the mark, snapped to the grid.
 */
export class ResizeTool extends SelectingTool {
  readonly id = 'resize';
  override readonly gizmo = 'scale';

  constructor(editor: LayoutEditor) {
    super(editor, {
      dragsNodes: false,
      apply: (ed, f, pose) => {
        const [w, d] = f.footprint.size;
        ed.resizeFacility(f.id, [w * Math.abs(pose.scale[0]), d * Math.abs(pose.scale[1])]);
      },
    });
  }
}
