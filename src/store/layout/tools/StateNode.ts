/**
 * A state of an editor tool, in the manner of tldraw's `StateNode`: a tool is a state with child states (Idle,
 * Pointing, Translating…), one of them current; an event goes to the state's own handler, then to its current
 * child. `transition` exits the current child and enters another, handing it what it needs to start.
 */
import type { LayoutEditor } from '../LayoutEditor';
import type { ToolKeyEvent, ToolPointerEvent } from './toolEvents';

type PointerHandler = 'onPointerDown' | 'onPointerMove' | 'onPointerUp';

export abstract class StateNode {
  abstract readonly id: string;
  /** The child entered with this state; none for a leaf. */
  protected readonly initial?: string;
  private current: StateNode | undefined;
  private childStates: Record<string, StateNode> = {};

  constructor(
    protected readonly editor: LayoutEditor,
    protected readonly parent?: StateNode,
  ) {}

  /** True while this state holds the pointer (a press on a handle, a drag): the view stops the camera orbiting. */
  get capturesPointer(): boolean {
    return false;
  }

  /** The active states below this one, joined with dots: `move.translating`. */
  get path(): string {
    return this.current ? `${this.id}.${this.current.path}` : this.id;
  }

  /** True when this state or one of its active children holds the pointer. */
  get capturing(): boolean {
    return this.capturesPointer || (this.current?.capturing ?? false);
  }

  protected addChildren(...children: StateNode[]): void {
    for (const c of children) this.childStates[c.id] = c;
  }

  /** Exits the current child and enters `id` with `info`. */
  transition(id: string, info?: unknown): void {
    const next = this.childStates[id];
    if (!next) throw new Error(`${this.id} has no state "${id}"`);
    this.current?.exit();
    this.current = next;
    next.enter(info);
  }

  enter(info?: unknown): void {
    this.onEnter?.(info);
    if (this.initial !== undefined && this.current === undefined) this.transition(this.initial, info);
  }

  exit(): void {
    this.current?.exit();
    this.current = undefined;
    this.onExit?.();
  }

  pointer(name: PointerHandler, e: ToolPointerEvent): void {
    this[name]?.(e);
    this.current?.pointer(name, e);
  }

  keyDown(e: ToolKeyEvent): boolean {
    const mine = this.onKeyDown?.(e) === true;
    return (this.current?.keyDown(e) ?? false) || mine;
  }

  cancel(): void {
    this.onCancel?.();
    this.current?.cancel();
  }

  // The handlers a state may have; an event reaches the state's own handler, then its current child.
  onEnter?(info: unknown): void;
  onExit?(): void;
  onPointerDown?(e: ToolPointerEvent): void;
  onPointerMove?(e: ToolPointerEvent): void;
  onPointerUp?(e: ToolPointerEvent): void;
  /** Returns true when the key was used (the page then keeps it from the browser). */
  onKeyDown?(e: ToolKeyEvent): boolean | void;
  /** Escape: abandon what is under way (a drag returns to its mark), or, when idle, step back. */
  onCancel?(): void;
}
