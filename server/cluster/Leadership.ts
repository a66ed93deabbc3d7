/**
 * Which instance leads: of the control-room servers sharing one PostgreSQL, the one holding a session-level
 * advisory lock (`pg_try_advisory_lock`) on a connection of its own runs what must run once — the recorder, the
 * shared alert book, the KPI minutes. The others stand by and try the lock every `cluster.tryS`; when the leader
 * dies, PostgreSQL ends its session and frees the lock, and the next try takes over. The leader checks its lock
 * connection at the same pace; one that fails or does not answer in 5 s ends its leading at once (another may hold
 * the lock by then), and it tries again like any other. On the embedded
 * database (one instance per data folder) the instance leads from the start.
 */
import pg from 'pg';
import settings from '../../data/server.json' with { type: 'json' };

/** The lock's key: any 64-bit number the instances agree on ("twin" in ASCII). */
const LOCK_KEY = 0x7477696e;
const TRY_MS = settings.cluster.tryS * 1000;
/** A leader checks its lock connection every try; an answer slower than this counts as the connection lost. */
const CHECK_TIMEOUT_MS = 5000;

export interface LeadershipLog {
  info(o: object, msg: string): void;
  warn(o: object, msg: string): void;
}

export interface Leader {
  /** Starts the duties; resolves once they run. */
  lead(): Promise<void>;
  /** Stops them (the lock is lost); resolves once they have stopped. */
  stand(): Promise<void>;
}

export class Leadership {
  private client: pg.Client | undefined;
  private leading = false;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Changes of role, one at a time. */
  private change: Promise<void> = Promise.resolve();

  constructor(
    /** The PostgreSQL URL; undefined on the embedded database, where this instance always leads. */
    private readonly url: string | undefined,
    private readonly duties: Leader,
    private readonly log: LeadershipLog,
  ) {}

  /** Leads at once on the embedded database; on PostgreSQL, tries the lock now and every `tryS` after. */
  async start(): Promise<void> {
    if (this.url === undefined) {
      this.leading = true;
      await this.duties.lead();
      return;
    }
    await this.attempt();
  }

  /** Whether this instance leads now. */
  isLeading(): boolean {
    return this.leading;
  }

  /** Stops trying, stops the duties and lets the lock go. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.change;
    if (this.leading) {
      this.leading = false;
      await this.duties.stand();
    }
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async attempt(): Promise<void> {
    if (this.closed) return;
    if (this.leading) return this.check();
    let locked = false;
    try {
      const client = this.client ?? (await this.connect());
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [LOCK_KEY]);
      locked = rows[0]?.locked === true;
    } catch (e) {
      this.log.warn({ reason: (e as Error).message }, 'the leadership lock could not be tried (tried again shortly)');
      this.drop();
    }
    if (!locked || this.closed) return this.schedule();
    this.leading = true;
    this.log.info({}, 'this instance leads: recording, the shared alert book and the KPI minutes run here');
    try {
      this.change = this.change.then(() => this.duties.lead());
      await this.change;
      this.schedule();
    } catch (e) {
      this.log.warn({ reason: (e as Error).message }, "this instance could not take up the leader's duties: it lets the lock go and tries again");
      this.leading = false;
      this.change = this.duties.stand().catch(() => undefined);
      await this.change;
      this.drop();
      this.schedule();
    }
  }

  /** The leader's check that its lock connection still answers (cut off by the network, it would not). */
  private async check(): Promise<void> {
    try {
      await this.client?.query('SELECT 1');
    } catch (e) {
      this.lost(e as Error);
      return;
    }
    this.schedule();
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url, keepAlive: true, query_timeout: CHECK_TIMEOUT_MS });
    client.on('error', (e) => this.lost(e));
    client.on('end', () => this.lost(new Error('the lock connection ended')));
    await client.connect();
    this.client = client;
    return client;
  }

  /** The lock connection failed: the lock is gone with it. */
  private lost(e: Error): void {
    this.drop();
    if (this.closed || !this.leading) return;
    this.leading = false;
    this.log.warn({ reason: e.message }, 'this instance no longer leads: its lock connection failed; standing by');
    this.change = this.change
      .then(() => this.duties.stand())
      .catch((err: Error) => this.log.warn({ reason: err.message }, "the leader's duties did not stop cleanly"));
    this.schedule();
  }

  private drop(): void {
    const client = this.client;
    this.client = undefined;
    client?.removeAllListeners('end');
    client?.end().catch(() => undefined);
  }

  private schedule(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.attempt(), TRY_MS);
    this.timer.unref?.();
  }
}
