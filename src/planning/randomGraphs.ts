import { planGraph, type PlanGraph } from './PlanGraph';

/**
 * Random test graphs on which PIBT's reachability argument holds (every edge lies on a simple cycle of three or
 * more vertices): for the property tests of the planners, built from a seeded `next()` in [0, 1).
 *
 * `randomDigraph`: a strongly connected one-way graph, a random Hamiltonian cycle plus random chords, never both
 * directions of a pair (so no two-vertex cycles, which PIBT cannot use since it forbids swaps).
 * `randomGrid`: a 4-connected grid, both directions, with obstacles that touch neither each other (not even
 * diagonally) nor the border, which keeps the free cells connected around every obstacle.
 *
 * @example
 *   const g = randomDigraph(seededRandom(1), 30, 20);
 */
export function randomDigraph(next: () => number, vertices: number, chords: number): PlanGraph {
  const perm = Array.from({ length: vertices }, (_, i) => i);
  for (let k = vertices - 1; k > 0; k--) {
    const r = Math.floor(next() * (k + 1));
    [perm[k], perm[r]] = [perm[r]!, perm[k]!];
  }
  const pairs = new Set<string>();
  const from: number[] = [];
  const to: number[] = [];
  const add = (a: number, b: number) => {
    if (a === b || pairs.has(`${a}>${b}`) || pairs.has(`${b}>${a}`)) return;
    pairs.add(`${a}>${b}`);
    from.push(a);
    to.push(b);
  };
  for (let k = 0; k < vertices; k++) add(perm[k]!, perm[(k + 1) % vertices]!);
  for (let k = 0; k < chords; k++) add(Math.floor(next() * vertices), Math.floor(next() * vertices));
  const angle = (v: number) => (2 * Math.PI * v) / vertices;
  const x = Float64Array.from({ length: vertices }, (_, v) => Math.cos(angle(v)));
  const y = Float64Array.from({ length: vertices }, (_, v) => Math.sin(angle(v)));
  return planGraph(vertices, Int32Array.from(from), Int32Array.from(to), x, y);
}

export function randomGrid(next: () => number, width: number, height: number, obstacleTries: number): PlanGraph {
  const blocked = new Uint8Array(width * height);
  for (let k = 0; k < obstacleTries; k++) {
    const c = 1 + Math.floor(next() * (width - 2));
    const r = 1 + Math.floor(next() * (height - 2));
    let free = true;
    for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) if (blocked[(r + dr) * width + c + dc]) free = false;
    if (free) blocked[r * width + c] = 1;
  }
  const vertexAt = new Int32Array(width * height).fill(-1);
  const x: number[] = [];
  const y: number[] = [];
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      if (blocked[r * width + c]) continue;
      vertexAt[r * width + c] = x.length;
      x.push(c);
      y.push(r);
    }
  }
  const a: number[] = [];
  const b: number[] = [];
  const link = (v: number, u: number) => {
    if (u < 0) return;
    a.push(v, u);
    b.push(u, v);
  };
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const v = vertexAt[r * width + c]!;
      if (v < 0) continue;
      if (c + 1 < width) link(v, vertexAt[r * width + c + 1]!);
      if (r + 1 < height) link(v, vertexAt[(r + 1) * width + c]!);
    }
  }
  return planGraph(x.length, Int32Array.from(a), Int32Array.from(b), Float64Array.from(x), Float64Array.from(y));
}
