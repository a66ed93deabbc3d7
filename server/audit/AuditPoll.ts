/**
 * The audit entries other instances store, for this instance's consoles: with two or more instances on one
 * PostgreSQL, a command sent through one is stored by it and pushed to its own consoles at once; the others read
 * the log's changes every `cluster.mirrorS` and push what they have not pushed yet. Reads overlap by
 * {@link OVERLAP_MS}, since each row is stamped by its writer's clock; what was pushed is remembered for as long.
 */
import settings from '../../data/server.json' with { type: 'json' };
import type { AuditEntry } from '../../src/telemetry/live/operatorCommands';
import type { WatchLog } from '../live/LiveWatch';
import type { AuditStore } from './AuditStore';

const EVERY_MS = settings.cluster.mirrorS * 1000;
/** How far back each read reaches, for clocks a little apart and rows committed late. */
const OVERLAP_MS = 10_000;

export class AuditPoll {
  private readonly listeners = new Set<(entries: readonly AuditEntry[]) => void>();
  /** What was pushed of each entry read lately (`result|detail`), with when it changed. */
  private readonly pushed = new Map<string, { readonly sig: string; readonly updatedMs: number }>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private reading: Promise<void> = Promise.resolve();
  private sinceMs: number;

  constructor(
    private readonly audit: AuditStore,
    private readonly log: WatchLog,
    nowMs = Date.now(),
  ) {
    this.sinceMs = nowMs;
  }

  start(): void {
    this.timer = setInterval(() => void this.read(), EVERY_MS);
    this.timer.unref?.();
  }

  subscribe(listener: (entries: readonly AuditEntry[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads the changes since the last read (with the overlap) and pushes those not pushed yet. */
  read(): Promise<void> {
    this.reading = this.reading.then(async () => {
      try {
        const rows = await this.audit.changedSince(this.sinceMs - OVERLAP_MS);
        const fresh: AuditEntry[] = [];
        for (const { updatedMs, ...e } of rows) {
          const sig = `${e.result}|${e.detail ?? ''}`;
          if (this.pushed.get(e.id)?.sig === sig) continue;
          this.pushed.set(e.id, { sig, updatedMs });
          fresh.push(e);
          this.sinceMs = Math.max(this.sinceMs, updatedMs);
        }
        for (const [id, p] of this.pushed) if (p.updatedMs < this.sinceMs - 2 * OVERLAP_MS) this.pushed.delete(id);
        if (fresh.length > 0) for (const l of this.listeners) l(fresh);
      } catch (err) {
        this.log.error({ err }, 'the audit log could not be read for the consoles (read again shortly)');
      }
    });
    return this.reading;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.reading;
  }
}
