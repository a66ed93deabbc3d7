import type { LayoutEditor } from '../LayoutEditor';
import { DraggingNode } from './children/DraggingNode';
import { GizmoDragging, type ApplyPose } from './children/GizmoDragging';
import { Idle } from './children/Idle';
import { Pointing } from './children/Pointing';
import { StateNode } from './StateNode';

/** The gizmo a selecting tool shows on the selected facility, by its drei `TransformControls` mode. */
export type GizmoMode = 'translate' | 'rotate' | 'scale';

/**
 * A tool that selects what is clicked (Idle → Pointing), may drag lane nodes (→ DraggingNode) and may show a
 * gizmo on the selected facility (→ GizmoDragging). The select, move, rotate and resize tools are this with
 * their own options.
 */
export abstract class SelectingTool extends StateNode {
  protected override readonly initial = 'idle';
  /** The gizmo on the selected facility; none for the plain select tool. */
  readonly gizmo?: GizmoMode;

  constructor(editor: LayoutEditor, opts: { dragsNodes: boolean; apply?: ApplyPose }) {
    super(editor);
    this.addChildren(new Idle(editor, this), new Pointing(editor, this, opts.dragsNodes), new DraggingNode(editor, this));
    if (opts.apply) this.addChildren(new GizmoDragging(editor, this, opts.apply));
  }
}
