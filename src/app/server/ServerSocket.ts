/**
 * The page's WebSocket to the control-room server (`/api/ws`, opened once signed in): it keeps the shared alert
 * book in the shared-alerts store (the whole book on connect, then each change), acknowledges through the API as
 * the signed-in user, and hands on the audit entries the server stores (`on`). A dropped socket is opened again
 * (1 s, doubling to 30 s): meanwhile the book as last heard stays, with the problem said; on reconnect the server
 * sends the whole book again, so nothing said meanwhile is lost. Messages from the server are data, never markup.
 */
import type { Alert } from '../../telemetry/alerts/AlertBook';
import type { AuditEntry } from '../../telemetry/live/operatorCommands';
import type { SharedAlertsStore } from '../../store/server/sharedAlertsStore';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30_000;
/** The server closes with this when the session has ended: opening again would only be refused. */
const SESSION_ENDED = 4401;

/** What else the socket brings: it (re)opened (whoever keeps a copy fetches it again), audit entries stored. */
export type SocketEvent = { readonly kind: 'open' } | { readonly kind: 'audit'; readonly entries: readonly AuditEntry[] };

/** The part of the socket that the command route listens to. */
export interface SocketEvents {
  on(listener: (e: SocketEvent) => void): () => void;
}

interface ServerMessage {
  readonly type?: unknown;
  readonly full?: unknown;
  readonly alerts?: unknown;
  readonly removed?: unknown;
  readonly sceneId?: unknown;
  readonly error?: unknown;
  readonly entries?: unknown;
}

export class ServerSocket implements SocketEvents {
  private readonly listeners = new Set<(e: SocketEvent) => void>();
  private socket: WebSocket | undefined;
  private readonly book = new Map<string, Alert>();
  private whole = false;
  private sceneId: string | undefined;
  private retryMs = FIRST_RETRY_MS;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly store: SharedAlertsStore,
    private readonly url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/ws`,
    private readonly fetchFn: Fetch = (input, init) => fetch(input, init),
    private readonly makeSocket: (url: string) => WebSocket = (url) => new WebSocket(url),
  ) {}

  open(): void {
    if (this.closed) return;
    this.publish('connecting');
    const socket = this.makeSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.retryMs = FIRST_RETRY_MS;
      this.publish('open');
      this.emit({ kind: 'open' });
    };
    socket.onmessage = (e) => this.take(e.data);
    socket.onclose = (e) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      if (this.closed) return;
      // The book as last heard stays on screen, the problem saying it is not current; reconnecting brings it whole.
      const ended = e.code === SESSION_ENDED;
      this.publish(
        'connecting',
        ended ? 'the session has ended: sign in again' : `the server's socket closed (${e.code}${e.reason ? `: ${e.reason}` : ''}); reconnecting`,
      );
      if (ended) return;
      this.timer = setTimeout(() => this.open(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
    };
  }

  on(listener: (e: SocketEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    this.listeners.clear();
    clearTimeout(this.timer);
    this.socket?.close(1000, 'signed out');
    this.socket = undefined;
    this.store.getState().set({ status: 'off' });
  }

  /** Acknowledges alerts of the shared book (all with 'all') as the signed-in user; a refusal is shown as the store's problem. */
  async acknowledge(ids: readonly string[] | 'all'): Promise<void> {
    try {
      const res = await this.fetchFn('/api/alerts/acknowledge', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ids === 'all' ? { all: true } : { ids }),
      });
      if (res.ok) return this.problem(undefined);
      const body = (await res.json().catch(() => ({}))) as { error?: unknown };
      this.problem(typeof body.error === 'string' ? body.error : `the server answered ${res.status}`);
    } catch (e) {
      this.problem(`the server cannot be reached (${e instanceof Error ? e.message : String(e)})`);
    }
  }

  private take(data: unknown): void {
    let m: ServerMessage;
    try {
      m = JSON.parse(String(data)) as ServerMessage;
    } catch {
      return this.problem('the server sent a message that is not JSON');
    }
    if (m.type === 'hello') {
      this.sceneId = typeof m.sceneId === 'string' ? m.sceneId : undefined;
    } else if (m.type === 'alerts' && Array.isArray(m.alerts)) {
      if (m.full === true) this.book.clear();
      for (const a of m.alerts as Alert[]) this.book.set(a.id, a);
      if (Array.isArray(m.removed)) for (const id of m.removed) this.book.delete(String(id));
      this.whole ||= m.full === true;
    } else if (m.type === 'audit' && Array.isArray(m.entries)) {
      return this.emit({ kind: 'audit', entries: m.entries as AuditEntry[] });
    } else if (m.type === 'error') {
      return this.problem(`the server refused a message: ${String(m.error)}`);
    }
    // A refusal shown stays until the next acknowledgement goes through or the socket opens again.
    this.publish('open', this.store.getState().shared.problem);
  }

  private emit(e: SocketEvent): void {
    for (const l of this.listeners) l(e);
  }

  private publish(status: 'connecting' | 'open', problem?: string): void {
    this.store.getState().set({
      status,
      ...(this.sceneId === undefined ? {} : { sceneId: this.sceneId }),
      ...(this.whole ? { alerts: newestFirst([...this.book.values()]) } : {}),
      ...(problem === undefined ? {} : { problem }),
    });
  }

  private problem(text: string | undefined): void {
    const { problem: _, ...shared } = this.store.getState().shared;
    this.store.getState().set(text === undefined ? shared : { ...shared, problem: text });
  }
}

/** Newest first: by when each opened, then by the book's sequence (`…-A12` after `…-A11`). */
function newestFirst(alerts: Alert[]): Alert[] {
  const seq = (id: string) => Number(/(\d+)$/.exec(id)?.[1] ?? 0);
  return alerts.sort((a, b) => b.openedS - a.openedS || seq(b.id) - seq(a.id));
}
