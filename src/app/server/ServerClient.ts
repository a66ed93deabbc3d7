/**
 * The page's client of the control-room server's API: finds out whether one serves the page (its health answer),
 * then signs in and out, keeping the server store current. Every failure lands in the store as text the sign-in
 * form shows; nothing is thrown at the UI.
 */
import { isRole } from '../../domain/roles';
import type { ServerProblem, ServerStore } from '../../store/server/serverStore';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly body: Record<string, unknown> | undefined;
}

export class ServerClient {
  constructor(
    private readonly store: ServerStore,
    private readonly fetchFn: Fetch = (input, init) => fetch(input, init),
  ) {}

  /** Is the page served by the server (a static build answers /api/health with the app's HTML), and who is signed in? */
  async detect(): Promise<void> {
    const health = await this.call('GET', '/api/health').catch(() => undefined);
    if (!health || health.status !== 200 || typeof health.body?.version !== 'string') {
      this.store.getState().set({ status: 'absent' });
      return;
    }
    await this.refresh();
  }

  async signIn(name: string, password: string): Promise<void> {
    this.store.getState().set({ status: 'signed-out', busy: true });
    try {
      const r = await this.call('POST', '/api/session', { name, password });
      this.settle(r);
    } catch (e) {
      this.store.getState().set({ status: 'signed-out', busy: false, problem: unreachable(e) });
    }
  }

  async signOut(): Promise<void> {
    try {
      await this.call('DELETE', '/api/session');
      this.store.getState().set({ status: 'signed-out', busy: false });
    } catch (e) {
      const s = this.store.getState().server;
      if (s.status === 'signed-in') this.store.getState().set({ ...s, problem: unreachable(e) });
    }
  }

  private async refresh(): Promise<void> {
    try {
      this.settle(await this.call('GET', '/api/session'), true);
    } catch (e) {
      this.store.getState().set({ status: 'signed-out', busy: false, problem: unreachable(e) });
    }
  }

  /** A session answer into the store: who, or why not (a plain 401 on a first look is no error, just signed out). */
  private settle(r: Answer, quietOn401 = false): void {
    const { name, role } = r.body ?? {};
    if (r.status === 200 && typeof name === 'string' && isRole(role)) {
      this.store.getState().set({ status: 'signed-in', user: name, role });
      return;
    }
    const problem = quietOn401 && r.status === 401 ? undefined : problemOf(r);
    this.store.getState().set({ status: 'signed-out', busy: false, ...(problem === undefined ? {} : { problem }) });
  }

  private async call(method: string, path: string, body?: unknown): Promise<Answer> {
    const res = await this.fetchFn(path, {
      method,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const json = res.headers.get('content-type')?.includes('application/json') ? ((await res.json()) as unknown) : undefined;
    const answer = json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : undefined;
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: answer };
  }
}

function problemOf(r: Answer): ServerProblem {
  if (r.status === 401) return { kind: 'wrong-credentials' };
  if (r.status === 429) return { kind: 'throttled', retryS: Number(r.retryAfter) || 0 };
  const error = r.body?.error;
  return { kind: 'refused', status: r.status, detail: typeof error === 'string' ? error : '' };
}

function unreachable(e: unknown): ServerProblem {
  return { kind: 'unreachable', detail: e instanceof Error ? e.message : String(e) };
}
