/**
 * Commands through the control-room server for a live source (LiveSource.routeCommands): the server checks the
 * signed-in user's role, publishes with its own MQTT identity and keeps the audit log, which this route fetches
 * every {@link POLL_MS} to show. A command the server refuses is shown in the log with the server's reason, marked
 * as this page's (it is stored nowhere).
 */
import { describeCommand, type AuditEntry, type OperatorCommand } from '../../telemetry/live/operatorCommands';
import type { CommandRoute } from '../../telemetry/LiveSource';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const POLL_MS = 2000;
/** Entries fetched, newest first (the panel shows the last few; the server's export has them all). */
const FETCHED = 200;

export class ServerCommands implements CommandRoute {
  private stored: readonly AuditEntry[] = [];
  private readonly refused: AuditEntry[] = [];
  private readonly timer: ReturnType<typeof setInterval>;
  private refusals = 0;
  private failure: string | undefined;

  constructor(
    readonly canCommand: boolean,
    private readonly who: string,
    private readonly fetchFn: Fetch = (input, init) => fetch(input, init),
  ) {
    void this.poll();
    this.timer = setInterval(() => void this.poll(), POLL_MS);
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
        void this.poll();
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
    clearInterval(this.timer);
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

  private async poll(): Promise<void> {
    try {
      const res = await this.fetchFn(`/api/audit?limit=${FETCHED}`, { credentials: 'same-origin' });
      const body = (await res.json()) as { entries?: AuditEntry[]; error?: string };
      if (!res.ok || !body.entries) throw new Error(body.error ?? `the server answered ${res.status}`);
      this.stored = body.entries.reverse();
      this.failure = undefined;
    } catch (e) {
      // Shown with the source's problems; the log keeps what was fetched last and the next poll tries again.
      this.failure = `the audit log cannot be fetched from the server: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
}
