/**
 * LaCAM's explored set: every configuration (one vertex per agent) the search has generated, packed one after
 * another in a single growing Int32Array, with an open-addressing hash table from configuration to its index.
 * Looking a configuration up costs one pass over it to hash and, on a hash match, one to compare; nothing is
 * allocated except when the pool or the table doubles.
 *
 * @example
 *   const store = new ConfigStore(agents);
 *   const h = store.find(config); // -1 if new
 *   const index = h >= 0 ? h : store.add(config); // the copy lives at store.data[index * agents …]
 */
export class ConfigStore {
  readonly width: number;
  data: Int32Array;
  count = 0;
  private hashes: Int32Array;
  private slots: Int32Array;
  private mask: number;

  constructor(width: number, initialCount = 1024) {
    this.width = width;
    this.data = new Int32Array(width * initialCount);
    this.hashes = new Int32Array(initialCount);
    this.slots = new Int32Array(initialCount * 2).fill(-1);
    this.mask = initialCount * 2 - 1;
  }

  /** Index of a stored configuration equal to `config`, or -1. */
  find(config: Int32Array): number {
    const h = this.hash(config);
    const { slots, mask, hashes, data, width } = this;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const c = slots[s]!;
      if (c < 0) return -1;
      if (hashes[c] !== h) continue;
      let i = 0;
      const base = c * width;
      while (i < width && data[base + i] === config[i]) i++;
      if (i === width) return c;
    }
  }

  /** Stores a copy of `config` (not already present) and returns its index. */
  add(config: Int32Array): number {
    const c = this.count++;
    if (c >= this.hashes.length) this.grow();
    this.data.set(config, c * this.width);
    const h = this.hash(config);
    this.hashes[c] = h;
    this.place(c, h);
    return c;
  }

  private place(c: number, h: number): void {
    let s = h & this.mask;
    while (this.slots[s]! >= 0) s = (s + 1) & this.mask;
    this.slots[s] = c;
  }

  private grow(): void {
    const cap = this.hashes.length * 2;
    const data = new Int32Array(cap * this.width);
    data.set(this.data);
    this.data = data;
    const hashes = new Int32Array(cap);
    hashes.set(this.hashes);
    this.hashes = hashes;
    this.slots = new Int32Array(cap * 2).fill(-1);
    this.mask = cap * 2 - 1;
    for (let c = 0; c < this.count - 1; c++) this.place(c, hashes[c]!);
  }

  /** MurmurHash3's 32-bit mixing over the agents' vertices. */
  private hash(config: Int32Array): number {
    let h = 0x9747b28c;
    for (let i = 0; i < this.width; i++) {
      let k = Math.imul(config[i]!, 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      h ^= Math.imul(k, 0x1b873593);
      h = (h << 13) | (h >>> 19);
      h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return h ^ (h >>> 16);
  }
}
