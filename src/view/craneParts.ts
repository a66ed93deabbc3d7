/**
 * Where each part of every crane is drawn: the runway (static), the gantry along it, the trolley across the span,
 * the ropes, the spreader and the container it carries, from the pose of the crane's cycle
 * (src/domain/craneCyclePose.ts) at the source's clock. Matrices are written straight into the instanced meshes'
 * arrays, as the fleet's are (fleet/writeInstances.ts): no Object3D, no allocation per frame.
 *
 * The parts are designed in the frame of the whole crane (scripts/models/crane.ts: 60 × 26 × 30 m, runway × height
 * × span); a crane's footprint scales that frame by (size[0] / 60, height / 26, size[1] / 30), as the single crane
 * model was scaled before. The spreader, ropes and container keep their real size.
 */
import manifest from '../../public/models/manifest.json';
import { CRANE_IDLE, type CraneCycles } from '../domain/craneCycles';
import {
  craneCyclePath,
  craneCyclePose,
  cranePath,
  cranePose,
  craneTravelHeightM,
  type CranePath,
  type CranePose,
  type CraneSite,
} from '../domain/craneCyclePose';
import { LOAD_EXPORT, LOAD_IMPORT } from '../domain/fleetFrame';
import type { Facility, Scene } from '../domain/sceneSchema';

/** The whole crane's design frame (m): runway length, height, span. */
const DESIGN = [60, 26, 30] as const;
/** The gantry's half-length along the runway, the legs' inner face across the span, the trolley rails' top (design m). */
const GANTRY_HALF_M = manifest.models.crane.designSize[0]! / 2;
const LEGS_INNER_M = 12.7;
const TROLLEY_RAILS_M = manifest.models.crane.designSize[1]!;
const SPREADER = manifest.models['crane-spreader'].designSize;
const ROPES = manifest.models['crane-ropes'].designSize;
const TROLLEY = manifest.models['crane-trolley'].designSize;
const RUNWAY = manifest.models['crane-runway'].designSize;
const GANTRY = manifest.models.crane.designSize;
/** Clearance kept between a hanging container's end and a leg, and the shortest rope drawn (m). */
const LEG_CLEARANCE_M = 0.5;
const MIN_ROPE_M = 2;

/** One crane as drawn: its cycle geometry and the scale of its design frame. */
export interface CraneRig {
  /** Index of the crane in the scene's facilities (its slot in the source's crane cycles). */
  readonly facility: number;
  readonly id: string;
  readonly site: CraneSite;
  /** Footprint scale of the design frame: along the runway, up, across the span. */
  readonly kx: number;
  readonly ky: number;
  readonly kz: number;
  /** Height of the trolley's underside (m). */
  readonly trolleyM: number;
}

export interface ContainerSize {
  readonly lengthM: number;
  readonly widthM: number;
  readonly heightM: number;
}

/** Every crane of `scene`, in scene order, with what drawing it needs. */
export function craneRigs(scene: Scene, container: ContainerSize): CraneRig[] {
  const agvDeckM = scene.fleet.agv.heightM.value;
  const truckDeckM = Math.max(0, scene.fleet.truck.heightM.value - container.heightM);
  return scene.facilities.flatMap((f: Facility, facility) => {
    if (f.kind !== 'crane') return [];
    const { position, rotation, size, height } = f.footprint;
    const kx = size[0] / DESIGN[0];
    const ky = height / DESIGN[1];
    const kz = size[1] / DESIGN[2];
    const trolleyM = TROLLEY_RAILS_M * ky;
    const site: CraneSite = {
      x: position[0],
      y: position[1],
      cos: Math.cos(rotation),
      sin: Math.sin(rotation),
      reachU: Math.max(0, size[0] / 2 - GANTRY_HALF_M * kx),
      reachV: Math.max(0, LEGS_INNER_M * kz - container.lengthM / 2 - LEG_CLEARANCE_M),
      travelM: craneTravelHeightM(container.heightM, trolleyM - SPREADER[1]! - MIN_ROPE_M),
      agvDeckM,
      truckDeckM,
      containerM: container.heightM,
    };
    return [{ facility, id: f.id, site, kx, ky, kz, trolleyM }];
  });
}

/**
 * Writes the column-major matrix T(crane point u, h, v) · R_y(rotation, plus a quarter turn with `across`) ·
 * S(sx, sy, sz) at `o`. The crane frame's v runs along the footprint's size[1], which is three.js −z of the
 * footprint's own rotation (facilityInstances.ts), so a part's local z lies along the span.
 */
export function writePartMatrix(
  out: Float32Array,
  o: number,
  s: CraneSite,
  u: number,
  h: number,
  v: number,
  sx: number,
  sy: number,
  sz: number,
  across = false,
): void {
  const c = across ? -s.sin : s.cos;
  const n = across ? s.cos : s.sin;
  out[o] = c * sx;
  out[o + 1] = 0;
  out[o + 2] = -n * sx;
  out[o + 3] = 0;
  out[o + 4] = 0;
  out[o + 5] = sy;
  out[o + 6] = 0;
  out[o + 7] = 0;
  out[o + 8] = n * sz;
  out[o + 9] = 0;
  out[o + 10] = c * sz;
  out[o + 11] = 0;
  out[o + 12] = s.x + u * s.cos - v * s.sin;
  out[o + 13] = h;
  out[o + 14] = -(s.y + u * s.sin + v * s.cos);
  out[o + 15] = 1;
}

/** The runway of each crane: static, written once per scene. */
export function writeRunways(rigs: readonly CraneRig[], out: Float32Array): void {
  rigs.forEach((r, k) => writePartMatrix(out, k * 16, r.site, 0, 0, 0, RUNWAY[0]! * r.kx, RUNWAY[1]! * r.ky, RUNWAY[2]! * r.kz));
}

/** What one frame of cranes wrote: matrices of each moving part, per crane in rig order, and the containers hanging. */
export interface CraneFrameOut {
  readonly gantry: Float32Array;
  readonly trolley: Float32Array;
  readonly ropes: Float32Array;
  readonly spreader: Float32Array;
  readonly container: Float32Array;
  /** RGB per hanging container (its leg's tint, `tints` indexed by load). */
  readonly containerColour: Float32Array;
}

/** What the automation probe reads of the cranes as last drawn (window.__TWIN__.cranes). */
export interface CraneProbe {
  clockS: number;
  ids: readonly string[];
  move: Uint8Array;
  cycle: Float32Array;
  startS: Float64Array;
  durationS: Float32Array;
  phase: Int8Array;
  gantryM: Float32Array;
  trolleyM: Float32Array;
  hoistM: Float32Array;
  loaded: Uint8Array;
  /** pick and drop points (u, v, h) and rest (u, v, h), 9 per crane. */
  path: Float32Array;
}

export function craneProbe(rigs: readonly CraneRig[]): CraneProbe {
  const n = rigs.length;
  return {
    clockS: 0,
    ids: rigs.map((r) => r.id),
    move: new Uint8Array(n),
    cycle: new Float32Array(n),
    startS: new Float64Array(n),
    durationS: new Float32Array(n),
    phase: new Int8Array(n).fill(-1),
    gantryM: new Float32Array(n),
    trolleyM: new Float32Array(n),
    hoistM: new Float32Array(n),
    loaded: new Uint8Array(n),
    path: new Float32Array(9 * n),
  };
}

/** Scratch objects for {@link writeCraneFrame}, made once per layer. */
export interface CraneScratch {
  readonly path: CranePath;
  readonly pose: CranePose;
}

export function craneScratch(): CraneScratch {
  return { path: cranePath(), pose: cranePose() };
}

/**
 * Poses every crane at the clock of `cycles` (or at rest without them) and writes its moving parts; returns the
 * number of hanging containers written. Allocates nothing.
 */
export function writeCraneFrame(
  rigs: readonly CraneRig[],
  cycles: CraneCycles | undefined,
  container: ContainerSize,
  tints: Float32Array,
  scratch: CraneScratch,
  out: CraneFrameOut,
  probe: CraneProbe,
): number {
  const { path, pose } = scratch;
  const clockS = cycles?.clockS ?? 0;
  probe.clockS = clockS;
  let hanging = 0;
  for (let k = 0; k < rigs.length; k++) {
    const r = rigs[k]!;
    const s = r.site;
    const f = r.facility;
    const move = cycles && f < cycles.move.length ? cycles.move[f]! : CRANE_IDLE;
    const startS = move === CRANE_IDLE ? 0 : clockS - cycles!.elapsedS[f]!;
    const durationS = move === CRANE_IDLE ? 0 : cycles!.durationS[f]!;
    if (move === CRANE_IDLE) craneCyclePath(CRANE_IDLE, NaN, NaN, 0, k, s, path);
    else craneCyclePath(move, cycles!.handoverX[f]!, cycles!.handoverY[f]!, cycles!.cycle[f]!, k, s, path);
    craneCyclePose(startS, durationS, clockS, path, pose);
    const o = k * 16;
    const u = pose.gantryM;
    const v = pose.trolleyM;
    const h = pose.hoistM;
    writePartMatrix(out.gantry, o, s, u, 0, 0, GANTRY[0]! * r.kx, GANTRY[1]! * r.ky, GANTRY[2]! * r.kz);
    writePartMatrix(out.trolley, o, s, u, r.trolleyM, v, TROLLEY[0]! * r.kx, TROLLEY[1]! * r.ky, TROLLEY[2]! * r.kz);
    const ropeFrom = h + SPREADER[1]!;
    writePartMatrix(out.ropes, o, s, u, ropeFrom, v, ROPES[0]!, Math.max(0.01, r.trolleyM - ropeFrom), ROPES[2]!);
    writePartMatrix(out.spreader, o, s, u, h, v, SPREADER[0]!, SPREADER[1]!, SPREADER[2]!);
    if (pose.loaded && hanging * 16 < out.container.length) {
      writePartMatrix(out.container, hanging * 16, s, u, h - container.heightM, v, container.lengthM, container.heightM, container.widthM, true);
      const load = cycles!.load[f] === LOAD_IMPORT ? LOAD_IMPORT : LOAD_EXPORT;
      out.containerColour[hanging * 3] = tints[load * 3]!;
      out.containerColour[hanging * 3 + 1] = tints[load * 3 + 1]!;
      out.containerColour[hanging * 3 + 2] = tints[load * 3 + 2]!;
      hanging++;
    }
    probe.move[k] = move;
    probe.cycle[k] = move === CRANE_IDLE ? 0 : cycles!.cycle[f]!;
    probe.startS[k] = startS;
    probe.durationS[k] = durationS;
    probe.phase[k] = pose.phase;
    probe.gantryM[k] = u;
    probe.trolleyM[k] = v;
    probe.hoistM[k] = h;
    probe.loaded[k] = pose.loaded ? 1 : 0;
    const p = probe.path;
    p[9 * k] = path.pick.u;
    p[9 * k + 1] = path.pick.v;
    p[9 * k + 2] = path.pick.h;
    p[9 * k + 3] = path.drop.u;
    p[9 * k + 4] = path.drop.v;
    p[9 * k + 5] = path.drop.h;
    p[9 * k + 6] = path.rest.u;
    p[9 * k + 7] = path.rest.v;
    p[9 * k + 8] = path.rest.h;
  }
  return hanging;
}
