/**
 * The automated rail-mounted gantry crane (RMG), as separate parts so the app can move them through a cycle:
 *
 * - `crane-runway` (design 60 × 1.2 × 28.4 m): the two rails the crane runs on, along X at z = ±13.5 m, with
 *   end buffers: the whole footprint, static;
 * - `crane` (20 × 24.75 × 30 m): the gantry, which travels along X: at each rail a sill on two wheel bogies and an
 *   A-frame of two legs leaning in to a portal beam; two box girders spanning Z carry the trolley rails (top at
 *   24.75 m); electrical house and cable reel on the +Z sill;
 * - `crane-trolley` (9.6 × 1.9 × 7 m): runs along Z on the girders' rails;
 * - `crane-ropes` (1.9 × 1 × 3.7 m): the four hoist ropes, a unit high: the app stretches them from the spreader
 *   to the trolley;
 * - `crane-spreader` (2.44 × 1.5 × 12.2 m): headblock and spreader, its long axis along Z, as the containers it
 *   carries (AGVs and trucks stand along the crane's span in the generated layouts).
 *
 * All are designed in one frame, that of the whole crane (60 × 26 × 30 m: runway length, height, span), so the
 * app scales every part by the same footprint ratios; the parts' positions there are in src/view/craneParts.ts.
 */
import { ModelBuilder } from './primitives';
import { P } from './palette';

const YELLOW = P.crane;
const DARK = '#ca8a04';
const RAIL_Z = 13.5;

export function craneRunway(): ModelBuilder {
  const b = new ModelBuilder();
  for (const sz of [-1, 1]) {
    const z = sz * RAIL_Z;
    // Concrete rail beam, the steel rail on it, and an end buffer with hazard stripes at each end.
    b.box([-29.2, 0, z - 0.6], [29.2, 0.25, z + 0.6], P.concrete, { omit: ['-y'] });
    b.box([-29.2, 0.25, z - 0.08], [29.2, 0.4, z + 0.08], P.darkSteel, { omit: ['-y'] });
    for (const sx of [-1, 1]) {
      const [x0, x1] = sx > 0 ? [29.2, 30] : [-30, -29.2];
      b.box([x0, 0, z - 0.7], [x1, 1.2, z + 0.7], P.darkSteel, { omit: ['-y'] });
      b.stripes('z', z - 0.7, z + 0.7, 4, { min: [sx > 0 ? 29.99 : -30, 0.2, 0], max: [sx > 0 ? 30 : -29.99, 1.2, 0] }, [P.hazardYellow, P.hazardBlack], {
        omit: ['-y', '+y'],
      });
    }
  }
  return b;
}

export function crane(): ModelBuilder {
  const b = new ModelBuilder();
  for (const sz of [-1, 1]) {
    const z = sz * RAIL_Z;
    // Wheel bogies (2 wheels each) at both ends of the sill.
    for (const sx of [-1, 1]) {
      const xa = sx * 5;
      const xb = sx * 10;
      b.box([Math.min(xa, xb), 0.9, z - 0.7], [Math.max(xa, xb), 2.0, z + 0.7], P.darkSteel);
      for (const wx of [6.1, 8.9]) b.cylinder([sx * wx, 0.55, z - 0.5], 0.55, 1.0, P.black, { axis: 'z', segments: 8 });
      // Yellow/black bumper stripes on the bogie ends.
      const xe = sx > 0 ? [9.95, 10] : [-10, -9.95];
      b.stripes('z', z - 0.7, z + 0.7, 4, { min: [xe[0] ?? 0, 0.9, 0], max: [xe[1] ?? 0, 2.0, 0] }, [P.hazardYellow, P.hazardBlack], {
        omit: ['-y', '+y'],
      });
    }
    // Sill beam along the rail.
    b.box([-9.5, 2.0, z - 0.75], [9.5, 3.4, z + 0.75], YELLOW);
    // A-frame: two legs leaning in, a tie across the middle and the top portal beam.
    for (const sx of [-1, 1]) b.beam([sx * 8, 3.0, z], [sx * 4, 22.2, z], 1.6, YELLOW);
    b.beam([-6.1, 12, z], [6.1, 12, z], 1.0, DARK);
    b.box([-5.5, 21.5, z - 0.8], [5.5, 23.5, z + 0.8], YELLOW);
  }
  // Two box girders spanning Z, end ties, and the trolley rails on top.
  for (const sx of [-1, 1]) {
    b.box([sx > 0 ? 2.5 : -4.5, 22, -15], [sx > 0 ? 4.5 : -2.5, 24.6, 15], YELLOW);
    b.box([sx > 0 ? 3.3 : -3.7, 24.6, -14.8], [sx > 0 ? 3.7 : -3.3, 24.75, 14.8], P.darkSteel, { omit: ['-y'] });
    b.box([-4.5, 23.0, sx > 0 ? 14.2 : -15], [4.5, 24.6, sx > 0 ? 15 : -14.2], DARK);
  }
  // Electrical house on the +Z sill, low, so the side frame stays open to see a hanging container through.
  b.box([-4.5, 3.4, 12.6], [4.5, 6.4, 14.4], P.offWhite);
  b.box([-4.7, 6.4, 12.4], [4.7, 6.7, 14.6], DARK);
  // Cable reel on the +Z sill.
  b.cylinder([-7, 4.6, 14.25], 1.5, 0.7, P.darkSteel, { axis: 'z', segments: 10 });
  return b;
}

export function craneTrolley(): ModelBuilder {
  const b = new ModelBuilder();
  // Frame on the rails and the machinery house.
  b.box([-4.8, 0, -3.5], [4.8, 0.65, 3.5], DARK);
  b.box([-3.6, 0.65, -3.0], [3.6, 1.9, 3.0], P.amber, { omit: ['-y'] });
  return b;
}

export function craneRopes(): ModelBuilder {
  const b = new ModelBuilder();
  for (const rx of [-0.9, 0.9]) {
    for (const rz of [-1.8, 1.8]) b.box([rx - 0.05, 0, rz - 0.05], [rx + 0.05, 1, rz + 0.05], P.black, { omit: ['-y', '+y'] });
  }
  return b;
}

export function craneSpreader(): ModelBuilder {
  const b = new ModelBuilder();
  // Spreader beam along Z, its yellow end beams with the twistlocks, and the headblock on top.
  b.box([-0.6, 0.3, -6.1], [0.6, 0.9, 6.1], P.darkSteel);
  for (const sz of [-1, 1]) b.box([-1.22, 0, sz > 0 ? 5.6 : -6.1], [1.22, 0.9, sz > 0 ? 6.1 : -5.6], YELLOW);
  b.box([-1.0, 0.9, -2.2], [1.0, 1.5, 2.2], P.darkSteel);
  return b;
}
