import { StateNode } from '../StateNode';
import { travelled, type ToolPointerEvent } from '../toolEvents';

/**
 * The idle and pressed states of a tool that acts on a click (add a node, place a facility): a press that is
 * released where it began is the click, handed to `onClick`; one that travels is the camera's orbit.
 * Escape leaves the tool for the move tool.
 */
export class ClickIdle extends StateNode {
  readonly id = 'idle';

  override onPointerDown(e: ToolPointerEvent): void {
    if (e.button === 0) this.parent!.transition('pointing', e);
  }

  override onCancel(): void {
    this.editor.setTool('move');
  }
}

export class ClickPointing extends StateNode {
  readonly id = 'pointing';
  private down: ToolPointerEvent | undefined;

  constructor(
    editor: ConstructorParameters<typeof StateNode>[0],
    parent: StateNode,
    private readonly onClick: (e: ToolPointerEvent) => void,
  ) {
    super(editor, parent);
  }

  override onEnter(down: ToolPointerEvent): void {
    this.down = down;
  }

  override onPointerMove(e: ToolPointerEvent): void {
    if (travelled(this.down!.screen, e.screen)) this.parent!.transition('idle');
  }

  override onPointerUp(e: ToolPointerEvent): void {
    this.parent!.transition('idle');
    this.onClick(e);
  }

  override onCancel(): void {
    this.parent!.transition('idle');
  }
}
