/**
 * Writes what every crane of a {@link Simulation} is doing into {@link CraneCycles} (per scene facility, like the
 * busy flags): the move, how far into its cycle, the cycle's length and number, where the vehicle it serves stands.
 * The view animates each crane from these (src/domain/craneCyclePose.ts). It also hands the container between
 * vehicle and crane in the frame at the instants the animation grips and releases it, so a container is drawn once:
 * on the AGV or truck until it is lifted, then on the spreader, then on the vehicle it is set on (the simulation's
 * own state changes at the cycle's end, as before).
 *
 * Allocates nothing per frame. The simulation tells it when a move begins ({@link begin}); the rest it reads from
 * the simulation's own arrays (each crane's job, each truck's slot in the frame), handed over once.
 */
import {
  CRANE_AGV_TO_STACK,
  CRANE_IDLE,
  CRANE_STACK_TO_AGV,
  CRANE_STACK_TO_TRUCK,
  CRANE_TRUCK_TO_STACK,
  craneCycles,
  type CraneCycles,
} from '../domain/craneCycles';
import { CRANE_LIFT_SHARE, CRANE_SET_SHARE } from '../domain/craneCyclePose';
import { LOAD_EXPORT, LOAD_IMPORT, LOAD_NONE, type FleetFrame } from '../domain/fleetFrame';
import type { Scene } from '../domain/sceneSchema';
import type { GateLayout } from './gateLayout';

/** The bits of a frame's load that say its kind (LOAD_NONE, LOAD_EXPORT, LOAD_IMPORT). */
const LOAD_BITS = 3;

export class CraneCycleWriter {
  readonly cycles: CraneCycles;
  private readonly startS: Float64Array;
  private readonly cycleNo: Int32Array;
  private readonly move: Uint8Array;
  /** The cycle whose vehicle position has been taken, per crane. */
  private readonly placed: Int32Array;
  /** Per crane: the container leg its yard holds (LOAD_EXPORT or LOAD_IMPORT), and its first bay (east, north). */
  private readonly leg: Uint8Array;
  private readonly bayX: Float32Array;
  private readonly bayY: Float32Array;

  /**
   * @param job each crane's job as the simulation keeps it: entity × 4 + kind (0 truck drop, 1 truck pick, 2 AGV
   *   load, 3 AGV unload), −1 idle, below −1 a move whose AGV was placed elsewhere
   * @param truckSlot each truck's index in the frame's truck buffers (−1 when not inside)
   */
  constructor(
    scene: Scene,
    private readonly layout: GateLayout,
    private readonly frame: FleetFrame,
    private readonly job: Int32Array,
    private readonly truckSlot: Int32Array,
  ) {
    const n = layout.cranes.length;
    this.cycles = craneCycles(scene.facilities.length);
    this.startS = new Float64Array(n);
    this.cycleNo = new Int32Array(n);
    this.move = new Uint8Array(n);
    this.placed = new Int32Array(n);
    this.leg = new Uint8Array(n);
    this.bayX = new Float32Array(n).fill(NaN);
    this.bayY = new Float32Array(n).fill(NaN);
    layout.cranes.forEach((c, k) => {
      const yard = layout.yards[c.yard]!;
      // VN export and CN import yards hold export containers; VN import and CN export yards import ones.
      this.leg[k] = (yard.side === 'VN') === (yard.flow === 'export') ? LOAD_EXPORT : LOAD_IMPORT;
      const bay = c.laneNode >= 0 ? scene.lanes.nodes[c.laneNode] : undefined;
      if (bay) {
        this.bayX[k] = bay.position[0];
        this.bayY[k] = bay.position[1];
      }
    });
  }

  /** Crane `c` begins the job the simulation has just given it, at `t`. */
  begin(c: number, t: number): void {
    this.startS[c] = t;
    this.cycleNo[c] = this.cycleNo[c]! + 1;
    // Job kinds 0…3 are the moves CRANE_TRUCK_TO_STACK … CRANE_AGV_TO_STACK.
    this.move[c] = (this.job[c]! & 3) + 1;
  }

  /** Fills {@link cycles} for `t`, after the frame's vehicles are written, and hands containers over in the frame. */
  write(t: number): void {
    const out = this.cycles;
    out.clockS = t;
    const { agvs, trucks } = this.frame;
    for (let c = 0; c < this.move.length; c++) {
      const f = this.layout.cranes[c]!.facility;
      const job = this.job[c]!;
      if (job === -1) {
        out.move[f] = CRANE_IDLE;
        continue;
      }
      const move = this.move[c]!;
      const durationS = this.layout.cranes[c]!.cycleS;
      const elapsedS = t - this.startS[c]!;
      out.move[f] = move;
      out.elapsedS[f] = elapsedS;
      out.durationS[f] = durationS;
      out.cycle[f] = this.cycleNo[c]!;
      out.load[f] = this.leg[c]!;
      const who = job >= 0 ? job >> 2 : -1;
      const onAgv = move === CRANE_STACK_TO_AGV || move === CRANE_AGV_TO_STACK;
      const slot = who < 0 ? -1 : onAgv ? who : this.truckSlot[who]!;
      const v = onAgv ? agvs : trucks;
      if (this.placed[c] !== this.cycleNo[c]) {
        // Where the vehicle stands, taken once a cycle: it stands still while served.
        this.placed[c] = this.cycleNo[c]!;
        const known = slot >= 0 && slot < v.count;
        out.handoverX[f] = known ? v.x[slot]! : onAgv ? this.bayX[c]! : NaN;
        out.handoverY[f] = known ? v.y[slot]! : onAgv ? this.bayY[c]! : NaN;
      }
      if (slot < 0 || slot >= v.count) continue;
      const s = durationS > 0 ? elapsedS / durationS : 1;
      // Only the load's kind changes: flags or'ed in above it (a truck's place in a queue) stay.
      const flags = v.load[slot]! & ~LOAD_BITS;
      if ((move === CRANE_AGV_TO_STACK || move === CRANE_TRUCK_TO_STACK) && s >= CRANE_LIFT_SHARE) v.load[slot] = flags | LOAD_NONE;
      else if ((move === CRANE_STACK_TO_AGV || move === CRANE_STACK_TO_TRUCK) && s >= CRANE_SET_SHARE) v.load[slot] = flags | this.leg[c]!;
    }
  }
}
