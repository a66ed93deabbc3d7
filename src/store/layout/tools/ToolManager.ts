/**
 * The editor's tools as a small state chart (tldraw's root state): one current tool, each a {@link StateNode}
 * with its own child states. The canvas adapter hands it pointer events in zone coordinates and the page hands
 * it keys; it passes them to the current tool. Undo, redo and Delete are the editor's whatever the tool; Escape
 * is the tool's cancel. React-free: a tool is driven in a unit test exactly as the view drives it.
 */
import type { LayoutEditor } from '../LayoutEditor';
import { AddEdgeTool } from './AddEdgeTool';
import { AddNodeTool } from './AddNodeTool';
import { MoveTool } from './MoveTool';
import { PlaceTool } from './PlaceTool';
import { ResizeTool } from './ResizeTool';
import { RotateTool } from './RotateTool';
import type { GizmoMode } from './SelectingTool';
import { SelectTool } from './SelectTool';
import type { StateNode } from './StateNode';
import type { ToolKeyEvent, ToolPointerEvent } from './toolEvents';

/** Every tool, by the name the toolbar and `LayoutEditor.setTool` use. A new tool is one file and one line here. */
const TOOLS = {
  select: SelectTool,
  move: MoveTool,
  rotate: RotateTool,
  resize: ResizeTool,
  'add-node': AddNodeTool,
  'add-edge': AddEdgeTool,
  place: PlaceTool,
} as const;

export type EditorTool = keyof typeof TOOLS;
export const EDITOR_TOOLS = Object.keys(TOOLS) as EditorTool[];

export class ToolManager {
  private readonly tools: Record<EditorTool, StateNode & { readonly gizmo?: GizmoMode }>;
  private currentId: EditorTool;

  constructor(
    private readonly editor: LayoutEditor,
    initial: EditorTool,
  ) {
    this.tools = Object.fromEntries(Object.entries(TOOLS).map(([id, Tool]) => [id, new Tool(editor)])) as ToolManager['tools'];
    this.currentId = initial;
    this.tools[initial].enter();
  }

  get current(): EditorTool {
    return this.currentId;
  }

  /** The active states, `move.gizmo` while the move gizmo is dragged: for tests and the automation probe. */
  get path(): string {
    return this.tools[this.currentId].path;
  }

  /** True while the current tool holds the pointer: the view stops the camera orbiting and captures the pointer. */
  get capturing(): boolean {
    return this.tools[this.currentId].capturing;
  }

  /** The gizmo the current tool shows on the selected facility, if any. */
  get gizmo(): GizmoMode | undefined {
    return this.tools[this.currentId].gizmo;
  }

  /** Leaves the current tool (abandoning a drag under way) and enters `id`. Called by `LayoutEditor.setTool`. */
  switchTo(id: EditorTool): void {
    if (!(id in TOOLS)) throw new Error(`no editor tool "${id}" (${EDITOR_TOOLS.join(', ')})`);
    if (this.editor.getState().inGesture) this.editor.bail();
    this.tools[this.currentId].exit();
    this.currentId = id;
    this.tools[id].enter();
  }

  pointerDown(e: ToolPointerEvent): void {
    this.tools[this.currentId].pointer('onPointerDown', e);
  }

  pointerMove(e: ToolPointerEvent): void {
    this.tools[this.currentId].pointer('onPointerMove', e);
  }

  pointerUp(e: ToolPointerEvent): void {
    this.tools[this.currentId].pointer('onPointerUp', e);
  }

  /** Escape: the current tool steps back (a drag to its mark, an adding tool to the move tool, else no selection). */
  cancel(): void {
    this.tools[this.currentId].cancel();
    // A gesture the tool did not start (a mark from elsewhere) is abandoned all the same.
    if (this.editor.getState().inGesture) this.editor.bail();
  }

  /**
   * A key pressed on the page (not in a field). Returns true when it was used. Undo and redo first abandon a drag
   * under way, so a gesture never lands half in history.
   */
  keyDown(e: ToolKeyEvent): boolean {
    if (e.key === 'Escape') {
      this.cancel();
      return true;
    }
    if (this.tools[this.currentId].keyDown(e)) return true;
    const key = e.key.toLowerCase();
    if (e.mod && (key === 'z' || key === 'y')) {
      if (this.editor.getState().inGesture) this.cancel();
      if (key === 'y' || e.shift) this.editor.redo();
      else this.editor.undo();
      return true;
    }
    if (!e.mod && (e.key === 'Delete' || e.key === 'Backspace') && this.editor.getState().selection) {
      if (this.editor.getState().inGesture) this.cancel();
      this.editor.deleteSelection();
      return true;
    }
    return false;
  }
}
