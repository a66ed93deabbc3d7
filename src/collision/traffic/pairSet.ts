/**
 * A set of AGV pairs (a < b) for one prediction round: open addressing over preallocated typed arrays, so that
 * marking the pairs a round has settled (met at sample 0, or already reported) allocates nothing; it doubles
 * only when more than half full, which a round of n AGVs reaches only with more than 2n pairs settled.
 */
export class PairSet {
  private keys: Float64Array;
  private size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(tableSize(capacity * 4));
  }

  clear(): void {
    this.keys.fill(0);
    this.size = 0;
  }

  has(a: number, b: number): boolean {
    const { keys } = this;
    const key = pairKey(a, b);
    const mask = keys.length - 1;
    for (let s = hash(key) & mask; ; s = (s + 1) & mask) {
      const k = keys[s]!;
      if (k === key) return true;
      if (k === 0) return false;
    }
  }

  /** Adds the pair; false when it was there already. */
  add(a: number, b: number): boolean {
    if (this.size * 2 >= this.keys.length) this.grow();
    const { keys } = this;
    const key = pairKey(a, b);
    const mask = keys.length - 1;
    for (let s = hash(key) & mask; ; s = (s + 1) & mask) {
      const k = keys[s]!;
      if (k === key) return false;
      if (k === 0) {
        keys[s] = key;
        this.size++;
        return true;
      }
    }
  }

  private grow(): void {
    const old = this.keys;
    this.keys = new Float64Array(old.length * 2);
    this.size = 0;
    const mask = this.keys.length - 1;
    for (const key of old) {
      if (key === 0) continue;
      let s = hash(key) & mask;
      while (this.keys[s] !== 0) s = (s + 1) & mask;
      this.keys[s] = key;
      this.size++;
    }
  }
}

/** Pairs as one number, never 0 (the empty slot): exact for indices below 2^26. */
function pairKey(a: number, b: number): number {
  return a < b ? a * 67_108_864 + b + 1 : b * 67_108_864 + a + 1;
}

function hash(key: number): number {
  return Math.imul((key % 4_294_967_296) | 0, 0x9e3779b1) ^ Math.imul(Math.floor(key / 4_294_967_296), 0x85ebca6b);
}

function tableSize(n: number): number {
  let s = 16;
  while (s < n) s *= 2;
  return s;
}
