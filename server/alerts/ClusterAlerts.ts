/**
 * The shared alert book as every instance's consoles see it, whichever instance leads. On the leader it is that
 * instance's {@link SharedAlerts}: each change goes to the consoles and into the stored book, and the
 * acknowledgements queued by the other instances are applied every `cluster.mirrorS`. On an instance standing by
 * it is the stored book, read every `cluster.mirrorS`, and an acknowledgement is queued for the leader and answered
 * once applied. Either way the consoles get changes only (what differs from what they were last sent), also when
 * the instance changes role; a new leader's book has new ids (its run's), so the old ones go as removed.
 */
import settings from '../../data/server.json' with { type: 'json' };
import type { Alert } from '../../src/telemetry/alerts/AlertBook';
import { HttpError } from '../http/HttpError';
import type { WatchLog } from '../live/LiveWatch';
import type { ClusterBookStore } from './ClusterBookStore';
import { bookChange } from './bookChange';
import type { AlertChange, SharedAlerts } from './SharedAlerts';

const MIRROR_MS = settings.cluster.mirrorS * 1000;
const ACK_WAIT_MS = settings.cluster.ackWaitS * 1000;
const ACK_POLL_MS = 100;

/** What the routes and the consoles' socket use of the alert book. */
export interface AlertFeed {
  current(): readonly Alert[];
  subscribe(listener: (change: AlertChange) => void): () => void;
  acknowledge(ids: readonly string[] | 'all', who: string, nowMs: number): Promise<number>;
}

export class ClusterAlerts implements AlertFeed {
  private shared: { readonly book: SharedAlerts; readonly run: string; readonly stop: () => void } | undefined;
  private list: readonly Alert[] = [];
  /** Each alert's form as last sent to the consoles (JSON), by id. */
  private readonly sent = new Map<string, string>();
  private readonly listeners = new Set<(change: AlertChange) => void>();
  private stamp = '';
  private version = 0;
  private work: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly store: ClusterBookStore,
    private readonly log: WatchLog,
  ) {}

  /** This instance leads: `book` (tagged `run`) is the alert book from now on. */
  lead(book: SharedAlerts, run: string): void {
    this.shared?.stop();
    this.shared = { book, run, stop: book.subscribe(() => this.fromLeader()) };
    this.fromLeader();
    this.every(() => this.applyQueued());
  }

  /** This instance stands by: the stored book is shown from now on. */
  stand(): void {
    this.shared?.stop();
    this.shared = undefined;
    this.stamp = '';
    this.every(() => this.mirror());
  }

  current(): readonly Alert[] {
    return this.list;
  }

  subscribe(listener: (change: AlertChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async acknowledge(ids: readonly string[] | 'all', who: string, nowMs: number): Promise<number> {
    if (this.shared) return this.shared.book.acknowledge(ids, who, nowMs);
    const id = await this.store.request(ids, who, nowMs);
    for (let waited = 0; waited < ACK_WAIT_MS; waited += ACK_POLL_MS) {
      await new Promise((r) => setTimeout(r, ACK_POLL_MS));
      const n = await this.store.result(id);
      if (n !== undefined) {
        await this.mirror();
        return n;
      }
    }
    throw new HttpError(503, 'no instance leads the alert book now: the acknowledgement is queued and the next leader applies it');
  }

  /** Stops reading and applying; resolves once the work under way is done. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    this.shared?.stop();
    await this.work;
  }

  private every(f: () => Promise<void>): void {
    clearInterval(this.timer);
    const run = () => {
      this.work = this.work.then(f).catch((err: unknown) => this.log.error({ err }, 'the shared alert book could not be synchronised (tried again)'));
    };
    run();
    this.timer = setInterval(run, MIRROR_MS);
    this.timer.unref?.();
  }

  private fromLeader(): void {
    const s = this.shared;
    if (!s) return;
    const list = s.book.current();
    this.show(list);
    const version = ++this.version;
    const now = Date.now();
    this.work = this.work
      .then(() => this.store.publish(s.run, version, list, now))
      .catch((err: unknown) => this.log.error({ err }, 'the alert book was not stored for the other instances (stored with its next change)'));
  }

  private async applyQueued(): Promise<void> {
    const s = this.shared;
    if (!s) return;
    for (const r of await this.store.pending()) {
      const n = await s.book.acknowledge(r.ids, r.by, r.atMs);
      await this.store.applied(r.id, n, Date.now());
    }
  }

  private async mirror(): Promise<void> {
    if (this.shared) return;
    const stamp = await this.store.stamp();
    const key = stamp ? `${stamp.run}/${stamp.version}` : '';
    if (key === this.stamp) return;
    const book = await this.store.read();
    if (this.shared) return;
    this.stamp = key;
    this.show(book?.alerts ?? []);
  }

  /** Shows `list` as the book: the consoles get what differs from what they were last sent. */
  private show(list: readonly Alert[]): void {
    this.list = list;
    const change = bookChange(this.sent, list);
    if (change) for (const l of this.listeners) l(change);
  }
}
