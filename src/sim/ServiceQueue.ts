/**
 * A resource with `servers` identical servers and a first-come-first-served queue (a barrier's lanes, a
 * scanner bay's lanes, a yard's loading slots, a crane), with the statistics the KPIs need: busy
 * server-seconds, the time integral of the queue length, the longest queue. Callers acquire and release; the
 * caller schedules when a service ends. While closed (outside opening hours) nobody new is served.
 *
 * @example
 *   const scanner = new ServiceQueue('vn-scanner', 1);
 *   scanner.request(0, 4);   // true: truck 4 is served now
 *   scanner.request(5, 9);   // false: truck 9 waits
 *   scanner.release(20);     // 9: truck 9 is served from t = 20 s
 */
export class ServiceQueue {
  private ring = new Int32Array(64);
  private head = 0;
  private waiting = 0;
  busy = 0;
  open = true;
  private lastT = 0;
  busySeconds = 0;
  queueSeconds = 0;
  queueMax = 0;
  served = 0;

  constructor(
    readonly id: string,
    readonly servers: number,
  ) {}

  get queueLength(): number {
    return this.waiting;
  }

  /** The k-th waiting entity, 0 being the next to be served. */
  waitingAt(k: number): number {
    return this.ring[(this.head + k) & (this.ring.length - 1)]!;
  }

  /** Entity `id` asks for a server at time `t`: true when it is served at once, false when it queues. */
  request(t: number, id: number): boolean {
    this.account(t);
    if (this.open && this.busy < this.servers && this.waiting === 0) {
      this.busy++;
      this.served++;
      return true;
    }
    if (this.waiting === this.ring.length) this.grow();
    this.ring[(this.head + this.waiting) & (this.ring.length - 1)] = id;
    this.waiting++;
    if (this.waiting > this.queueMax) this.queueMax = this.waiting;
    return false;
  }

  /** A server is freed at `t`: returns the entity served next, or -1. */
  release(t: number): number {
    this.account(t);
    this.busy--;
    return this.next();
  }

  /** The next waiting entity when a server is free and the resource open, or -1 (call until -1 on opening). */
  next(): number {
    if (!this.open || this.busy >= this.servers || this.waiting === 0) return -1;
    const id = this.ring[this.head]!;
    this.head = (this.head + 1) & (this.ring.length - 1);
    this.waiting--;
    this.busy++;
    this.served++;
    return id;
  }

  /** Takes every waiting entity for which `drop` is true out of the queue at `t`, the others keeping their order. */
  dropWaiting(t: number, drop: (id: number) => boolean): void {
    this.account(t);
    let kept = 0;
    for (let k = 0; k < this.waiting; k++) {
      const id = this.waitingAt(k);
      if (!drop(id)) this.ring[(this.head + kept++) & (this.ring.length - 1)] = id;
    }
    this.waiting = kept;
  }

  setOpen(t: number, open: boolean): void {
    this.account(t);
    this.open = open;
  }

  /** Starts the totals afresh at `t` (a measured window after a warm-up): the queue as it stands is the longest yet. */
  resetTotals(t: number): void {
    this.account(t);
    this.busySeconds = 0;
    this.queueSeconds = 0;
    this.queueMax = this.waiting;
    this.served = 0;
  }

  /** Brings the time integrals up to `t`. */
  account(t: number): void {
    const dt = t - this.lastT;
    if (dt > 0) {
      this.busySeconds += this.busy * dt;
      this.queueSeconds += this.waiting * dt;
      this.lastT = t;
    }
  }

  private grow(): void {
    const next = new Int32Array(this.ring.length * 2);
    for (let k = 0; k < this.waiting; k++) next[k] = this.waitingAt(k);
    this.ring = next;
    this.head = 0;
  }
}
