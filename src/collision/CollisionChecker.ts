/**
 * Collision checks for one tick over every vehicle's oriented footprint, run in WebAssembly with SIMD
 * (wasm/checker.as, built by `npm run build:wasm`). This class copies the caller's seven arrays into the
 * module's memory (one memory copy each), calls its `check`, and hands back the events, whose arrays are views on
 * that memory: nothing is allocated per tick, on either side.
 *
 * Broadphase: each footprint's swept box over the horizon (the bounding box of the footprint now, grown by half
 * the near-miss clearance as the near-miss test grows it, and of the footprint not grown along its path, as the
 * swept test judges it) is keyed by the row of its low y edge (rows as tall as the tallest box, so two boxes
 * that overlap lie in the same or adjacent rows) and the column of its low x edge (columns half the mean box
 * width, so a key range bounds an x range). One counting sort by key orders the vehicles by row, then by low x
 * edge, and copies the swept boxes and footprint records into that order. A box then meets only three runs of
 * sorted entries: later entries of its own row whose low x edge is at most its high x edge, entries of the row
 * above starting in its own column or later (only if its top reaches that row), and entries of the row below
 * starting after its own column; each overlapping pair is met exactly once. Narrowphase: a relative-motion
 * reject, then classifyPair's exact separating-axis tests (classifyPair.ts), two axes to an f64x2, computing
 * the same numbers bit for bit (checker.as says how), so the events equal checkAllPairs's (allPairs.ts), which the
 * tests check on generated scenes.
 *
 * Until issue 15 this was the same algorithm in JavaScript, after three rounds of tuning (a dense grid 7.7 ms,
 * the sorted rows, tighter boxes): 3.4–3.5 ms a check at 10,000 vehicles on the bench machine (2 shared
 * cores), of which cos and sin 0.21, the rest of the boxes and records 0.45, the sort 0.26, the row scan 1.13
 * (51,237 / 59,068 box tests in the uniform / lane scenes, 22 ns each: four compares that branch, half failing on
 * the second), the pair tests 1.08 (16,875 / 31,629 pairs). What each step of the port bought, uniform / lane,
 * medians in one process each on the same busy machine (JS 2.9–3.3 there):
 * - the same code in WebAssembly, box tests as two f64x2 compares and one branch: 1.78 / 1.49 ms;
 * - footprint records copied into sorted order (a pair's two records lie near each other, not 1 MB apart) and
 *   the box tests branch-free (each candidate slot written, the count advanced by the test: a third pass, in no
 *   order a predictor learns): 1.67 / 1.43 (WebAssembly alone: 1.46 → 1.24 / 1.31 → 1.15);
 * - a relative-motion reject before the exact tests (on x, y and both diagonals, the centre offset sweeps a
 *   segment over the horizon that must come within the grown footprints' extents: in JavaScript it cost about
 *   what it saved, 28–35 ns a pair; here two f64x2 compares) and the inputs copied with `set` (0.057 → 0.005
 *   ms): 1.49 / 1.25;
 * - cos and sin two headings at a time in the module (headingTrig.ts; 0.17 ms of calls to Math.cos and
 *   Math.sin before, with every heading changing): 1.26 / 1.17.
 * Measured and dropped: sorted boxes as f32x4 rounded outwards (one compare a test): the module alone 1.39 /
 * 1.35 ms against 1.27 / 1.16, its sort 0.07 → 0.28 ms (the rounding's branches) and the scan no faster.
 *
 * The module (4.8 KB) is compiled once per thread, synchronously, so construction stays synchronous for the
 * simulation, telemetry and collision workers, Node and the tests; a browser's main thread may refuse a
 * synchronous compile over 4 KB (Chrome does), and no checker runs there. A Content-Security-Policy, should the
 * server ever send one, must allow 'wasm-unsafe-eval'. An instance takes about 470 bytes a
 * vehicle of memory (4.7 MB at 10,000, with the default 4 events a vehicle).
 *
 * @example
 *   const checker = new CollisionChecker(1000, { horizonS: 3, nearMissClearanceM: 1 });
 *   const events = checker.check(boxes); // events.count, events.a[k], events.b[k], events.kind[k], events.ttc[k]
 */
import type { BoxSet } from './boxSet';
import type { CollisionParams } from './classifyPair';
import type { CollisionEvents } from './collisionEvents';
import { CHECKER_WASM_BASE64 } from './wasm/checkerWasm.generated';

/** checker.as's exports. */
interface CheckerExports {
  readonly memory: WebAssembly.Memory;
  setup(capacity: number, maxEvents: number, horizonS: number, nearMissClearanceM: number): void;
  inputsAt(): number;
  inputStride(): number;
  eventsAt(): number;
  check(n: number): number;
  droppedEvents(): number;
}

let compiled: WebAssembly.Module | undefined;

function checkerModule(): WebAssembly.Module {
  if (!compiled) {
    const text = atob(CHECKER_WASM_BASE64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    compiled = new WebAssembly.Module(bytes);
  }
  return compiled;
}

/**
 * Copies the first n numbers of `from`: whole, as one memory copy, when it fits (0.005 ms for six arrays of 10,000,
 * against 0.057 ms element by element), else element by element (a box set larger than the checker).
 */
function copy(to: Float64Array, from: Float64Array, n: number): void {
  if (from.length <= to.length) to.set(from);
  else for (let i = 0; i < n; i++) to[i] = from[i]!;
}

export class CollisionChecker {
  readonly events: CollisionEvents;
  private readonly wasm: CheckerExports;
  /** The module's input arrays, in the caller's order. */
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly vx: Float64Array;
  private readonly vy: Float64Array;
  private readonly halfLength: Float64Array;
  private readonly halfWidth: Float64Array;
  private readonly heading: Float64Array;

  constructor(
    readonly capacity: number,
    readonly params: CollisionParams,
    maxEvents = capacity * 4,
  ) {
    this.wasm = new WebAssembly.Instance(checkerModule()).exports as unknown as CheckerExports;
    this.wasm.setup(capacity, maxEvents, params.horizonS, params.nearMissClearanceM);
    const buffer = this.wasm.memory.buffer;
    const inputs = this.wasm.inputsAt();
    const stride = this.wasm.inputStride();
    const array = (k: number) => new Float64Array(buffer, inputs + k * stride, capacity);
    this.x = array(0);
    this.y = array(1);
    this.vx = array(2);
    this.vy = array(3);
    this.halfLength = array(4);
    this.halfWidth = array(5);
    this.heading = array(6);
    const at = this.wasm.eventsAt();
    this.events = {
      count: 0,
      dropped: 0,
      a: new Int32Array(buffer, at, maxEvents),
      b: new Int32Array(buffer, at + 4 * maxEvents, maxEvents),
      ttc: new Float32Array(buffer, at + 8 * maxEvents, maxEvents),
      kind: new Uint8Array(buffer, at + 12 * maxEvents, maxEvents),
    };
  }

  /** Finds every contact, near miss and predicted contact among `boxes` (count ≤ capacity). */
  check(boxes: BoxSet): CollisionEvents {
    const n = boxes.count;
    if (n > this.capacity) throw new RangeError(`${n} vehicles exceed the checker's capacity of ${this.capacity}`);
    copy(this.x, boxes.x, n);
    copy(this.y, boxes.y, n);
    copy(this.vx, boxes.vx, n);
    copy(this.vy, boxes.vy, n);
    copy(this.halfLength, boxes.halfLength, n);
    copy(this.halfWidth, boxes.halfWidth, n);
    copy(this.heading, boxes.heading, n);
    const out = this.events;
    out.count = this.wasm.check(n);
    out.dropped = this.wasm.droppedEvents();
    return out;
  }
}
