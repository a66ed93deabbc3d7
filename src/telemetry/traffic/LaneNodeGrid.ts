/**
 * The scene's lane nodes bucketed on a square grid, so "the lane node nearest this point, within r metres" costs a
 * look at the few buckets around it instead of a scan of every node (a terminal scene has thousands; the traffic
 * packer asks once per route node of every changed state). Zone frame, metres.
 *
 * @example
 *   const grid = new LaneNodeGrid([{ id: 'a', position: [0, 0] }, { id: 'b', position: [10, 0] }], 2);
 *   grid.nearest(9.5, 0.4, 2); // 1
 */

/** What the grid needs of a lane node (the scene's `LaneNode`). */
export interface LaneNodePoint {
  readonly id: string;
  readonly position: readonly [number, number];
}

export class LaneNodeGrid {
  private readonly buckets = new Map<number, number[]>();
  private readonly index: ReadonlyMap<string, number>;

  /** `cellM`: the bucket size; searches within about this radius look at 3 × 3 buckets. */
  constructor(
    readonly nodes: readonly LaneNodePoint[],
    private readonly cellM: number,
  ) {
    if (!(cellM > 0)) throw new RangeError(`lane node grid needs a positive bucket size, got ${cellM}`);
    nodes.forEach((n, k) => {
      const key = this.key(Math.floor(n.position[0] / cellM), Math.floor(n.position[1] / cellM));
      const list = this.buckets.get(key);
      if (list) list.push(k);
      else this.buckets.set(key, [k]);
    });
    this.index = new Map(nodes.map((n, k) => [n.id, k]));
  }

  /** Index of the lane node with this id, or -1. */
  byId(id: string): number {
    return this.index.get(id) ?? -1;
  }

  /** Index of the lane node nearest (x, y) no farther than `withinM`, or -1. Allocates nothing. */
  nearest(x: number, y: number, withinM: number): number {
    const reach = Math.ceil(withinM / this.cellM);
    const cx = Math.floor(x / this.cellM);
    const cy = Math.floor(y / this.cellM);
    let best = -1;
    let bestD2 = withinM * withinM;
    for (let i = cx - reach; i <= cx + reach; i++) {
      for (let j = cy - reach; j <= cy + reach; j++) {
        const list = this.buckets.get(this.key(i, j));
        if (!list) continue;
        for (const k of list) {
          const p = this.nodes[k]!.position;
          const d2 = (p[0] - x) ** 2 + (p[1] - y) ** 2;
          if (d2 <= bestD2) {
            bestD2 = d2;
            best = k;
          }
        }
      }
    }
    return best;
  }

  /** Buckets keyed by a pair of 21-bit signed cell numbers (±1M cells: ±2,000 km at 2 m). */
  private key(i: number, j: number): number {
    return (i + 0x100000) * 0x200000 + (j + 0x100000);
  }
}
