/**
 * The simulation's future events: a binary min-heap on (time, sequence) over parallel typed arrays, so events
 * at the same instant come out in the order they were scheduled (the run is deterministic) and scheduling
 * allocates nothing once the arrays have grown to the day's peak.
 *
 * @example
 *   const q = new EventQueue();
 *   q.push(30, EV_ARRIVE, 7);
 *   q.pop(); // true; then q.time === 30, q.type === EV_ARRIVE, q.subject === 7
 */
export class EventQueue {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private types = new Int32Array(1024);
  private subjects = new Int32Array(1024);
  private size = 0;
  private nextSeq = 0;
  /** The event {@link pop} took last. */
  time = 0;
  type = 0;
  subject = 0;

  /** Time of the next event, or Infinity when none is left. */
  peekTime(): number {
    return this.size === 0 ? Infinity : this.times[0]!;
  }

  push(time: number, type: number, subject: number): void {
    if (this.size === this.times.length) this.grow();
    let i = this.size++;
    const seq = this.nextSeq++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.times[p]! < time || (this.times[p] === time && this.seqs[p]! < seq)) break;
      this.move(p, i);
      i = p;
    }
    this.times[i] = time;
    this.seqs[i] = seq;
    this.types[i] = type;
    this.subjects[i] = subject;
  }

  /** Takes the earliest event into {@link time}, {@link type}, {@link subject}; false when empty. */
  pop(): boolean {
    if (this.size === 0) return false;
    this.time = this.times[0]!;
    this.type = this.types[0]!;
    this.subject = this.subjects[0]!;
    const last = --this.size;
    const t = this.times[last]!;
    const s = this.seqs[last]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && this.before(c + 1, c)) c++;
      if (t < this.times[c]! || (t === this.times[c] && s < this.seqs[c]!)) break;
      this.move(c, i);
      i = c;
    }
    this.times[i] = t;
    this.seqs[i] = s;
    this.types[i] = this.types[last]!;
    this.subjects[i] = this.subjects[last]!;
    return true;
  }

  private before(a: number, b: number): boolean {
    return this.times[a]! < this.times[b]! || (this.times[a] === this.times[b] && this.seqs[a]! < this.seqs[b]!);
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.types[to] = this.types[from]!;
    this.subjects[to] = this.subjects[from]!;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const times = new Float64Array(n);
    const seqs = new Float64Array(n);
    const types = new Int32Array(n);
    const subjects = new Int32Array(n);
    times.set(this.times);
    seqs.set(this.seqs);
    types.set(this.types);
    subjects.set(this.subjects);
    this.times = times;
    this.seqs = seqs;
    this.types = types;
    this.subjects = subjects;
  }
}
