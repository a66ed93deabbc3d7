import type { LayoutEditor } from '../LayoutEditor';
import { SelectingTool } from './SelectingTool';

/** Select what is clicked; lane nodes can be dragged; no gizmo. */
export class SelectTool extends SelectingTool {
  readonly id = 'select';

  constructor(editor: LayoutEditor) {
    super(editor, { dragsNodes: true });
  }
}
