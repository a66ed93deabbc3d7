import { StateNode } from '../StateNode';
import { travelled, type ToolPointerEvent } from '../toolEvents';

/**
 * The pointer is down and has not travelled yet. Released in place, it was a click: select what was under it
 * (the ground selects nothing). Travelling from a lane node drags the node when the tool allows it; travelling
 * from anything else is the camera's orbit, and the tool goes back to idle.
 */
export class Pointing extends StateNode {
  readonly id = 'pointing';
  private down: ToolPointerEvent | undefined;

  constructor(
    editor: ConstructorParameters<typeof StateNode>[0],
    parent: StateNode,
    private readonly dragsNodes: boolean,
  ) {
    super(editor, parent);
  }

  override get capturesPointer(): boolean {
    return this.dragsNodes && this.down?.target.kind === 'node';
  }

  override onEnter(down: ToolPointerEvent): void {
    this.down = down;
    // A lane node is selected as it is pressed, as a handle is: the inspector shows it while it is dragged.
    if (down.target.kind === 'node') this.editor.select({ kind: 'node', id: down.target.id });
  }

  override onExit(): void {
    this.down = undefined;
  }

  override onPointerMove(e: ToolPointerEvent): void {
    const down = this.down!;
    if (!travelled(down.screen, e.screen)) return;
    if (this.capturesPointer && down.target.kind === 'node') this.parent!.transition('dragging-node', { id: down.target.id, to: e });
    else this.parent!.transition('idle');
  }

  override onPointerUp(): void {
    const target = this.down!.target;
    if (target.kind === 'facility') this.editor.select({ kind: 'facility', id: target.id });
    else if (target.kind === 'ground') this.editor.select(undefined);
    this.parent!.transition('idle');
  }

  override onCancel(): void {
    this.parent!.transition('idle');
  }
}
