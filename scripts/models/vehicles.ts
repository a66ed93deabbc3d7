/**
 * Instanced vehicles and loads: `agv`, `truck`, `container`. All face +X (the AGV's
 * headlights and lidar, the truck's cab, the container's front wall; container doors
 * are at -X). Wheels are single drums spanning the vehicle's width (one cylinder per
 * axle) to keep the triangle count low.
 */
import { ModelBuilder } from './primitives';
import { P } from './palette';

/** agv, design size 15 x 1.6 x 3 m: low driverless deck carrier, no cab. */
export function agv(): ModelBuilder {
  const b = new ModelBuilder();
  for (const x of [-5.4, -3.9, 3.9, 5.4]) b.cylinder([x, 0.42, -1.45], 0.42, 2.9, P.rubber, { axis: 'z', segments: 8 });
  b.box([-7.2, 0.45, -1.5], [7.2, 1.3, 1.5], '#0891b2');
  b.box([-7.0, 1.3, -1.42], [7.0, 1.42, 1.42], P.agv, { omit: ['-y'] });
  // Container guides at both ends of the deck, outside a 40-ft container's footprint.
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1]) {
      b.box([sx > 0 ? 6.2 : -6.5, 1.42, sz > 0 ? 0.9 : -1.42], [sx > 0 ? 6.5 : -6.2, 1.55, sz > 0 ? 1.42 : -0.9], P.hazardYellow, {
        omit: ['-y'],
      });
    }
  }
  // Sensor bumpers (black with a yellow top strip) at both ends.
  for (const sx of [-1, 1]) {
    const xa = sx > 0 ? 7.2 : -7.5;
    const xb = sx > 0 ? 7.5 : -7.2;
    b.box([xa, 0.35, -1.35], [xb, 0.7, 1.35], P.black, { omit: [sx > 0 ? '-x' : '+x'] });
    b.box([xa, 0.7, -1.35], [xb, 0.85, 1.35], P.hazardYellow, { omit: [sx > 0 ? '-x' : '+x', '-y'] });
  }
  // Headlamps at +X (front), red tail lamps at -X.
  for (const sz of [-1, 1]) {
    const z0 = sz > 0 ? 0.9 : -1.3;
    b.box([7.2, 0.95, z0], [7.26, 1.2, z0 + 0.4], P.lamp, { omit: ['-x'] });
    b.box([-7.26, 0.95, z0], [-7.2, 1.2, z0 + 0.4], P.tailLamp, { omit: ['+x'] });
  }
  // Lidar at the front (top = 1.6 m), amber beacon at the rear, forward arrow on the deck.
  b.cylinder([6.85, 1.42, 0], 0.16, 0.18, P.black, { segments: 8 });
  b.cylinder([-6.85, 1.42, 0], 0.1, 0.12, P.amber, { segments: 6 });
  b.prism(
    [
      [4.6, -0.8],
      [4.6, 0.8],
      [5.8, 0],
    ],
    1.42,
    1.44,
    'y',
    P.white,
  );
  return b;
}

/** truck, design size 16.5 x 4 x 2.5 m: tractor (cab at +X) with an empty flatbed trailer. */
export function truck(): ModelBuilder {
  const b = new ModelBuilder();
  const cab = P.truckCab;
  for (const x of [6.9, 3.3, 2.0, -4.6, -5.9, -7.2]) b.cylinder([x, 0.52, -1.25], 0.52, 2.5, P.rubber, { axis: 'z', segments: 8 });
  // Tractor chassis, fifth wheel, fuel tanks.
  b.box([1.0, 0.75, -0.5], [8.0, 1.05, 0.5], P.rubber, { omit: ['-y'] });
  b.box([2.0, 1.05, -0.9], [3.4, 1.2, 0.9], P.darkSteel, { omit: ['-y'] });
  b.box([4.2, 0.6, -1.15], [5.6, 1.05, 1.15], P.steel);
  // Cab with windscreen, side windows, grille, bumper, headlamps and roof fairing.
  b.box([5.8, 1.05, -1.22], [8.15, 3.55, 1.22], cab, { omit: ['-y'] });
  b.box([8.15, 2.3, -1.1], [8.2, 3.3, 1.1], P.glass, { omit: ['-x'] });
  b.box([8.15, 1.3, -0.7], [8.19, 2.1, 0.7], P.black, { omit: ['-x'] });
  for (const sz of [-1, 1]) {
    b.box([6.9, 2.4, sz > 0 ? 1.22 : -1.25], [8.0, 3.3, sz > 0 ? 1.25 : -1.22], P.glass, { omit: [sz > 0 ? '-z' : '+z'] });
  }
  b.box([7.95, 0.55, -1.22], [8.2, 1.05, 1.22], P.darkSteel);
  for (const sz of [-1, 1]) b.box([8.2, 0.75, sz > 0 ? 0.8 : -1.15], [8.25, 0.9, sz > 0 ? 1.15 : -0.8], P.lamp, { omit: ['-x'] });
  b.prism(
    [
      [5.9, 3.55],
      [7.9, 3.55],
      [7.2, 4.0],
      [5.9, 4.0],
    ],
    -1.1,
    1.1,
    'z',
    '#b91c1c',
  );
  // Flatbed trailer: main beams, deck, twistlocks for a 40-ft box, rear lights, landing legs.
  b.box([-8.1, 0.95, -0.55], [4.4, 1.3, 0.55], P.rubber, { omit: ['-y', '+y'] });
  b.box([-8.25, 1.3, -1.22], [4.4, 1.45, 1.22], '#4b5563');
  const twist = (x: number) => {
    for (const sz of [-1, 1]) b.box([x - 0.1, 1.45, sz > 0 ? 1.0 : -1.2], [x + 0.1, 1.55, sz > 0 ? 1.2 : -1.0], P.hazardYellow, { omit: ['-y'] });
  };
  twist(-7.9);
  twist(4.05);
  b.box([-8.25, 1.0, -1.2], [-8.1, 1.3, 1.2], P.tailLamp, { omit: ['+x', '+y'] });
  b.box([-8.2, 0.45, -1.1], [-8.0, 0.65, 1.1], P.darkSteel);
  for (const sz of [-1, 1]) b.box([0.4, 0.2, sz > 0 ? 0.75 : -0.9], [0.6, 0.95, sz > 0 ? 0.9 : -0.75], P.steel, { omit: ['+y'] });
  return b;
}

/**
 * container, design size 12.19 x 2.59 x 2.44 m: 40-ft box along X with corner posts,
 * rails, corrugation ribs on the long sides and front wall, doors with locking bars
 * at -X. Neutral light grey so that a per-instance tint reads well.
 */
export function container(): ModelBuilder {
  const b = new ModelBuilder();
  const hx = 12.19 / 2;
  const hz = 2.44 / 2;
  const H = 2.59;
  const frame = '#d1d5db';
  b.box([-6.0, 0.12, -1.18], [6.0, 2.47, 1.18], P.container);
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1]) {
      b.box([sx > 0 ? 5.9 : -hx, 0, sz > 0 ? 1.07 : -hz], [sx > 0 ? hx : -5.9, H, sz > 0 ? hz : -1.07], frame);
    }
    // Top and bottom end rails.
    const xa = sx > 0 ? 5.95 : -6.08;
    const xb = sx > 0 ? 6.08 : -5.95;
    b.box([xa, 0, -1.07], [xb, 0.15, 1.07], frame, { omit: ['-z', '+z'] });
    b.box([xa, 2.45, -1.07], [xb, H, 1.07], frame, { omit: ['-z', '+z'] });
  }
  for (const sz of [-1, 1]) {
    const za = sz > 0 ? 1.12 : -hz;
    const zb = sz > 0 ? hz : -1.12;
    b.box([-5.9, 0, za], [5.9, 0.15, zb], frame, { omit: ['-x', '+x'] });
    b.box([-5.9, 2.47, za], [5.9, H, zb], frame, { omit: ['-x', '+x'] });
    // Corrugation ribs between the rails.
    const ribs = 10;
    for (let i = 0; i < ribs; i++) {
      const xc = -5.3 + (i * 10.6) / (ribs - 1);
      b.box([xc - 0.09, 0.15, sz > 0 ? 1.18 : -1.21], [xc + 0.09, 2.47, sz > 0 ? 1.21 : -1.18], '#f3f4f6', {
        omit: ['-y', '+y', sz > 0 ? '-z' : '+z'],
      });
    }
  }
  // Front wall ribs (+X).
  for (const zc of [-0.6, 0, 0.6]) b.box([6.0, 0.15, zc - 0.1], [6.04, 2.45, zc + 0.1], '#f3f4f6', { omit: ['-x', '-y', '+y'] });
  // Doors (-X): centre seam and four vertical locking bars.
  b.box([-6.04, 0.15, -0.02], [-6.0, 2.45, 0.02], '#9ca3af', { omit: ['+x', '-y', '+y'] });
  for (const zc of [-0.85, -0.35, 0.35, 0.85]) {
    b.box([-6.06, 0.2, zc - 0.03], [-6.0, 2.4, zc + 0.03], P.steel, { omit: ['+x', '-y', '+y'] });
  }
  return b;
}
