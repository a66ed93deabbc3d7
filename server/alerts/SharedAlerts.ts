/**
 * The control room's one alert book, kept by the server over the live feed it watches: the same {@link AlertBook}
 * the page runs on its own, fed the watch's snapshot every tick, so that every console sees the same alerts and the
 * same acknowledgements (who, when). Each change is stored ({@link AlertStore}) and handed to the listeners (the
 * consoles' sockets) as it happens: the alerts that changed and the ids the book let go.
 *
 * Alert ids are the book's own (`A1`, `A2` …) behind this run's tag (`<run>-A1`), so a restarted server, whose book
 * starts over, never reuses an id of the stored history. Times are epoch seconds, as on the page's live console.
 */
import type { Scene } from '../../src/domain/sceneSchema';
import { AlertBook, type Alert } from '../../src/telemetry/alerts/AlertBook';
import { alertInputOf, checkpointsOf, restPlacesOf } from '../../src/telemetry/alerts/alertInput';
import type { AlertThresholds } from '../../src/telemetry/alerts/alertThresholds';
import type { FacilityStatus } from '../../src/telemetry/alerts/AlertBook';
import type { SourceFleet, SourceStatus } from '../../src/telemetry/TelemetrySource';
import type { WatchLog } from '../live/LiveWatch';
import type { AlertStore } from './AlertStore';
import { bookChange } from './bookChange';

/** What changed in the book: alerts new or changed (whole), and ids no longer kept. */
export interface AlertChange {
  readonly alerts: readonly Alert[];
  readonly removed: readonly string[];
}

/** The watch's view of the feed at one tick. */
export interface FeedView {
  readonly status: SourceStatus;
  readonly fleet: SourceFleet;
}

export class SharedAlerts {
  private readonly book: AlertBook;
  private readonly checkpoints: readonly FacilityStatus[];
  /** Each kept alert's last sent form (JSON), by its shared id. */
  private readonly sent = new Map<string, string>();
  private readonly listeners = new Set<(change: AlertChange) => void>();
  /** Changes not yet stored (a database error is tried again at the next tick). */
  private readonly unsaved = new Map<string, Alert>();
  private version = -1;
  private saving: Promise<void> = Promise.resolve();
  /** Acknowledged alerts an earlier leader left open, by condition: the first new alert of the same condition takes the acknowledgement over. */
  private readonly carried = new Map<string, NonNullable<Alert['ack']>>();

  constructor(
    scene: Scene,
    thresholds: AlertThresholds,
    private readonly store: AlertStore,
    private readonly log: WatchLog,
    /** Tags this run's ids: unique per start (the start time, base 36). */
    private readonly run: string,
  ) {
    this.book = new AlertBook(thresholds, restPlacesOf(scene));
    this.checkpoints = checkpointsOf(scene);
  }

  /**
   * Takes over the acknowledgements of `closed` (what an earlier run or leader left open, closed at this start): an
   * operator who acknowledged a battery alert does not have to again because another instance now keeps the book.
   */
  carryOver(closed: readonly Alert[]): void {
    for (const a of closed) if (a.ack) this.carried.set(conditionOf(a), a.ack);
  }

  /** Takes the feed as it is at `nowMs`; stores and hands on what changed. */
  observe(view: FeedView, nowMs: number): void {
    const input = alertInputOf({ status: view.status, clockS: nowMs / 1000, fleet: view.fleet }, this.checkpoints);
    if (input) this.book.update(input);
    if (this.carried.size > 0) this.takeOverAcks();
    this.publish();
    this.save(nowMs);
  }

  /**
   * Acknowledges the alerts named (shared ids; all unacknowledged with 'all') as `who` at `nowMs`; resolves with how
   * many it acknowledged once they are stored. An id not in the book (let go, or of an earlier run) is skipped.
   */
  async acknowledge(ids: readonly string[] | 'all', who: string, nowMs: number): Promise<number> {
    const before = this.book.unacknowledged();
    if (ids === 'all') this.book.acknowledgeAll(who, nowMs / 1000);
    else for (const id of ids) if (id.startsWith(this.prefix)) this.book.acknowledge(id.slice(this.prefix.length), who, nowMs / 1000);
    const done = before - this.book.unacknowledged();
    this.publish();
    this.save(nowMs);
    await this.saving;
    return done;
  }

  /** The book now, newest first, with shared ids. */
  current(): readonly Alert[] {
    return this.book.list().map((a) => this.shared(a));
  }

  /** Calls `listener` with every change from now on; returns the way to stop. */
  subscribe(listener: (change: AlertChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once every change so far is stored. */
  settled(): Promise<void> {
    return this.saving;
  }

  private takeOverAcks(): void {
    for (const a of this.book.list()) {
      if (a.ack || !a.active) continue;
      const key = conditionOf(a);
      const ack = this.carried.get(key);
      if (!ack) continue;
      this.carried.delete(key);
      this.book.acknowledge(a.id, ack.by, ack.atS);
    }
  }

  private get prefix(): string {
    return `${this.run}-`;
  }

  private shared(a: Alert): Alert {
    return { ...a, id: this.prefix + a.id };
  }

  private publish(): void {
    if (this.book.version === this.version) return;
    this.version = this.book.version;
    const change = bookChange(this.sent, this.current());
    if (!change) return;
    for (const l of this.listeners) l(change);
    for (const a of change.alerts) this.unsaved.set(a.id, a);
  }

  /** Stores what changed, one save at a time. */
  private save(nowMs: number): void {
    if (this.unsaved.size === 0) return;
    this.saving = this.saving.then(async () => {
      for (const [id, a] of [...this.unsaved]) {
        try {
          await this.store.put(a, nowMs);
          if (this.unsaved.get(id) === a) this.unsaved.delete(id);
        } catch (err) {
          this.log.error({ err, id }, 'alert not stored (tried again next tick)');
        }
      }
    });
  }
}

/** An alert's condition, whoever's book holds it: its kind, the vehicles and the facility concerned. */
function conditionOf(a: Alert): string {
  return `${a.kind}|${[...a.vehicles].sort().join(',')}|${a.facilityId ?? ''}`;
}
