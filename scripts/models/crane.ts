/**
 * crane, design size 60 x 26 x 30 m: automated rail-mounted gantry crane (RMG).
 *
 * Orientation: the crane TRAVELS ALONG X on two rails at z = ±13.5 m (wheel bogies
 * at the four corners, x = ±24.5..30 m); the main girders SPAN ALONG Z (30 m, with
 * short overhangs past the legs). Each side frame is an A: two legs leaning in from
 * the sill beam's ends to a top portal beam. The trolley sits on the girders at
 * z ≈ -3 m; its spreader hangs below it with the container axis along X.
 */
import { ModelBuilder } from './primitives';
import { P } from './palette';

export function crane(): ModelBuilder {
  const b = new ModelBuilder();
  const yellow = P.crane;
  const dark = '#ca8a04';
  const railZ = 13.5;

  for (const sz of [-1, 1]) {
    const z = sz * railZ;
    // Wheel bogies (2 wheels each) at both ends of the sill.
    for (const sx of [-1, 1]) {
      const xa = sx * 24.5;
      const xb = sx * 30;
      b.box([Math.min(xa, xb), 0.9, z - 0.7], [Math.max(xa, xb), 2.0, z + 0.7], P.darkSteel);
      for (const wx of [25.6, 28.9]) b.cylinder([sx * wx, 0.55, z - 0.5], 0.55, 1.0, P.black, { axis: 'z', segments: 8 });
      // Yellow/black bumper stripes on the bogie ends.
      const xe = sx > 0 ? [29.95, 30] : [-30, -29.95];
      b.stripes('z', z - 0.7, z + 0.7, 4, { min: [xe[0] ?? 0, 0.9, 0], max: [xe[1] ?? 0, 2.0, 0] }, [P.hazardYellow, P.hazardBlack], {
        omit: ['-y', '+y'],
      });
    }
    // Sill beam along the rail.
    b.box([-29, 2.0, z - 0.75], [29, 3.4, z + 0.75], yellow);
    // A-frame: two legs leaning in, a tie across the middle and the top portal beam.
    for (const sx of [-1, 1]) b.beam([sx * 26, 3.0, z], [sx * 5, 22.2, z], 1.6, yellow);
    b.beam([-16.6, 12, z], [16.6, 12, z], 1.0, dark);
    b.box([-7, 21.5, z - 0.8], [7, 23.5, z + 0.8], yellow);
  }
  // Two box girders spanning Z, end ties, and the trolley rails on top.
  for (const sx of [-1, 1]) {
    b.box([sx > 0 ? 2.5 : -4.5, 22, -15], [sx > 0 ? 4.5 : -2.5, 24.6, 15], yellow);
    b.box([sx > 0 ? 3.3 : -3.7, 24.6, -14.8], [sx > 0 ? 3.7 : -3.3, 24.75, 14.8], P.darkSteel, { omit: ['-y'] });
    b.box([-4.5, 23.0, sx > 0 ? 14.2 : -15], [4.5, 24.6, sx > 0 ? 15 : -14.2], dark);
  }
  // Electrical house on the +Z side frame, standing on the tie.
  b.box([-5, 12.5, 12.6], [5, 15.5, 14.4], P.offWhite);
  b.box([-5.2, 15.5, 12.4], [5.2, 15.8, 14.6], dark);
  // Cable reel on the +Z sill.
  b.cylinder([-18, 4.6, 14.25], 1.5, 0.7, P.darkSteel, { axis: 'z', segments: 10 });

  // Trolley: frame on the rails and the machinery house (top = 26 m).
  const tz = -3;
  b.box([-4.8, 24.75, tz - 3.5], [4.8, 25.4, tz + 3.5], dark);
  b.box([-3.6, 25.4, tz - 3.0], [3.6, 26, tz + 3.0], P.amber, { omit: ['-y'] });
  // Hoist ropes down to the headblock and the spreader (container axis along X).
  for (const rx of [-1.8, 1.8]) {
    for (const rz of [-0.9, 0.9]) b.box([rx - 0.05, 9.2, tz + rz - 0.05], [rx + 0.05, 24.75, tz + rz + 0.05], P.black, { omit: ['-y', '+y'] });
  }
  b.box([-2.2, 8.6, tz - 1.0], [2.2, 9.2, tz + 1.0], P.darkSteel);
  b.box([-6.1, 8.0, tz - 0.6], [6.1, 8.6, tz + 0.6], P.darkSteel);
  for (const sx of [-1, 1]) {
    b.box([sx > 0 ? 5.6 : -6.1, 7.7, tz - 1.22], [sx > 0 ? 6.1 : -5.6, 8.6, tz + 1.22], yellow);
  }
  return b;
}
