/**
 * Commands through the control-room server for a live source (LiveSource.routeCommands): the server checks the
 * signed-in user's role, publishes with its own MQTT identity and keeps the audit log, which this route fetches
 * when it starts and whenever the server's socket (re)opens, and keeps current with the entries the socket pushes. A command the server refuses is shown in the log with the server's reason, marked
 * as this page's (it is stored nowhere).
 */
import { describeCommand, type AuditEntry, type OperatorCommand } from '../../telemetry/live/operatorCommands';
import type { CommandRoute } from '../../telemetry/LiveSource';
import type { SocketEvents } from './ServerSocket';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Entries fetched, newest first (the panel shows the last few; the server's export has them all). */
const FETCHED = 200;

export class ServerCommands implements CommandRoute {
  private stored: readonly AuditEntry[] = [];
  private readonly refused: AuditEntry[] = [];
  private readonly stop: () => void;
  private refusals = 0;
  private failure: string | undefined;

  constructor(
    readonly canCommand: boolean,
    private readonly who: string,
    socket: SocketEvents | undefined,
    private readonly fetchFn: Fetch = (input, init) => fetch(input, init),
  ) {
    void this.fetchLog();
    this.stop =
      socket?.on((e) => {
        if (e.kind === 'open') void this.fetchLog();
        else this.take(e.entries);
      }) ?? (() => {});
  }

  async send(vehicle: string, command: OperatorCommand): Promise<AuditEntry> {
    try {
      const res = await this.fetchFn('/api/commands', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ vehicle, command }),
      });
      const body = (await res.json().catch(() => ({}))) as Partial<AuditEntry> & { error?: string };
      if (res.ok) {
        this.take([body as AuditEntry]);
        return body as AuditEntry;
      }
      return this.refuse(vehicle, command, body.error ?? `the server answered ${res.status}`);
    } catch (e) {
      return this.refuse(vehicle, command, `the server cannot be reached (${e instanceof Error ? e.message : String(e)})`);
    }
  }

  audit(): readonly AuditEntry[] {
    if (this.refused.length === 0) return this.stored;
    return [...this.stored, ...this.refused].sort((a, b) => a.atMs - b.atMs);
  }

  problem(): string | undefined {
    return this.failure;
  }

  dispose(): void {
    this.stop();
  }

  /**
   * Entries pushed or answered: each replaces the one of its id, the log kept in time order and to its length. A
   * settled entry is never taken back to `sent`: the answer to a command can arrive after the socket pushed its result.
   */
  private take(entries: readonly AuditEntry[]): void {
    const byId = new Map(this.stored.map((e) => [e.id, e]));
    for (const e of entries) {
      const known = byId.get(e.id);
      if (known && known.result !== 'sent' && e.result === 'sent') continue;
      byId.set(e.id, e);
    }
    this.stored = [...byId.values()].sort((a, b) => a.atMs - b.atMs).slice(-FETCHED);
  }

  private refuse(vehicle: string, command: OperatorCommand, detail: string): AuditEntry {
    const entry: AuditEntry = {
      id: `refused-${Date.now()}-${++this.refusals}`,
      who: this.who,
      atMs: Date.now(),
      vehicle,
      what: describeCommand(command),
      result: 'refused by the server',
      detail,
    };
    this.refused.push(entry);
    return entry;
  }

  private async fetchLog(): Promise<void> {
    try {
      const res = await this.fetchFn(`/api/audit?limit=${FETCHED}`, { credentials: 'same-origin' });
      const body = (await res.json()) as { entries?: AuditEntry[]; error?: string };
      if (!res.ok || !body.entries) throw new Error(body.error ?? `the server answered ${res.status}`);
      this.take(body.entries);
      this.failure = undefined;
    } catch (e) {
      // Shown with the source's problems; the log keeps what it had, and the socket's next opening fetches again.
      this.failure = `the audit log cannot be fetched from the server: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
}
