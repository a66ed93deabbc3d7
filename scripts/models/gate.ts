/**
 * Gate structures: `scanner-bay`, `barrier`, `camera` and `admin-building`.
 * Lanes through the scanner and the barrier run along X (vehicles drive along X).
 */
import { ModelBuilder } from './primitives';
import { P } from './palette';

/**
 * scanner-bay, design size 30 x 8 x 12 m: drive-through X-ray portal over one lane
 * along X, a yellow/black radiation warning band, control booth on the -Z side.
 */
export function scannerBay(): ModelBuilder {
  const b = new ModelBuilder();
  const top = 0.2;
  b.box([-15, 0, -6], [15, top, 6], P.concrete);
  // Lane: asphalt strip with white edge lines and stop lines either side of the portal.
  b.box([-15, top, -2.6], [15, top + 0.02, 2.6], P.asphalt, { omit: ['-y'] });
  for (const z of [-2.4, 2.3]) b.box([-15, top + 0.02, z], [15, top + 0.04, z + 0.1], P.white, { omit: ['-y'] });
  for (const x of [-7, 6.7]) b.box([x, top + 0.02, -2.3], [x + 0.3, top + 0.04, 2.3], P.white, { omit: ['-y'] });
  // Radiation exclusion zone hatch on the ground under and around the portal.
  b.stripes('x', -4, 4, 8, { min: [0, top + 0.02, 2.7], max: [0, top + 0.04, 3.1] }, [P.hazardYellow, P.hazardBlack], { omit: ['-y'] });
  b.stripes('x', -4, 4, 8, { min: [0, top + 0.02, -3.1], max: [0, top + 0.04, -2.7] }, [P.hazardYellow, P.hazardBlack], { omit: ['-y'] });

  // Portal: two thick pillars and a deep top beam, 4 m thick along X.
  const px = 2;
  const yellow = P.scanner;
  for (const s of [-1, 1]) {
    const z0 = s > 0 ? 3.3 : -5.6;
    const z1 = s > 0 ? 5.6 : -3.3;
    b.box([-px, top, z0], [px, 6.2, z1], yellow, { omit: ['-y'] });
    // Detector / source panels on the lane side.
    const zi = s > 0 ? z0 : z1;
    b.box([-1.4, 0.8, Math.min(zi, zi - s * 0.08)], [1.4, 5.6, Math.max(zi, zi - s * 0.08)], P.darkSteel, {
      omit: [s > 0 ? '+z' : '-z'],
    });
    // Hazard bands around the pillar foot.
    for (let k = 0; k < 4; k++) {
      const y0 = top + 0.3 + k * 0.35;
      b.box([-px - 0.05, y0, z0 - 0.05], [px + 0.05, y0 + 0.35, z1 + 0.05], k % 2 ? P.hazardBlack : P.hazardYellow, {
        omit: ['-y', '+y'],
      });
    }
    // Bollard in front of each pillar, both directions.
    for (const x of [-3, 3]) b.cylinder([x, top, s * 3.0], 0.18, 1.1, P.hazardYellow, { segments: 6 });
  }
  b.box([-px, 6.2, -5.6], [px, 7.5, 5.6], yellow);
  // Warning band across both faces of the beam: alternating yellow/black blocks.
  for (const x of [-px - 0.06, px]) {
    b.stripes('z', -5.6, 5.6, 14, { min: [x, 6.45, 0], max: [x + 0.06, 7.2, 0] }, [P.hazardBlack, P.hazardYellow], {
      omit: ['-y', '+y'],
    });
  }
  // Roof equipment (X-ray source housing / cooling) up to the 8 m top.
  b.box([-1.5, 7.5, -5.0], [1.5, 8.0, -2.0], '#ca8a04', { omit: ['-y'] });
  b.box([-1.0, 7.5, 1.0], [1.0, 7.8, 3.5], P.steel, { omit: ['-y'] });
  // Red/green traffic signal on a post at the entry (-X).
  b.cylinder([-8, top, 3.6], 0.08, 3.0, P.steel, { segments: 6 });
  b.box([-8.2, 2.6, 3.45], [-7.8, 3.6, 3.75], P.black);
  b.box([-8.25, 3.2, 3.5], [-8.2, 3.5, 3.7], '#ef4444', { omit: ['+x'] });
  b.box([-8.25, 2.7, 3.5], [-8.2, 3.0, 3.7], P.charging, { omit: ['+x'] });

  // Control booth on the -Z side, downstream of the portal.
  const bx0 = 5;
  const bx1 = 9.5;
  const bz0 = -6;
  const bz1 = -3.4;
  b.box([bx0, top, bz0], [bx1, top + 2.8, bz1], P.offWhite, { omit: ['-y'] });
  b.box([bx0 - 0.05, top + 1.1, bz0 + 0.2], [bx1 + 0.05, top + 2.2, bz1 + 0.05], P.glass, { omit: ['-y', '+y', '-z'] });
  b.box([bx0 - 0.3, top + 2.8, bz0], [bx1 + 0.3, top + 3.1, bz1 + 0.4], yellow);
  b.box([bx0 + 0.8, top + 3.1, bz0 + 0.5], [bx0 + 1.8, top + 3.5, bz0 + 1.3], P.steel, { omit: ['-y'] });
  return b;
}

/**
 * barrier, design size 8 x 3 x 1.5 m: control cabinet at -X, red/white boom along +X
 * resting in a fork post at +X, and an ANPR camera post on the cabinet's island.
 */
export function barrier(): ModelBuilder {
  const b = new ModelBuilder();
  // Concrete island under the cabinet with a yellow/black kerb nose.
  b.box([-4, 0, -0.75], [-2.7, 0.15, 0.75], P.concrete);
  b.stripes('z', -0.75, 0.75, 5, { min: [-2.72, 0, 0], max: [-2.6, 0.16, 0] }, [P.hazardYellow, P.hazardBlack]);
  // Cabinet (white body, red cap) and the boom hub.
  b.box([-3.6, 0.15, -0.3], [-3.0, 1.05, 0.3], P.white, { omit: ['-y'] });
  b.box([-3.65, 1.05, -0.33], [-2.95, 1.15, 0.33], P.barrier);
  b.box([-3.05, 0.8, -0.2], [-2.85, 1.1, 0.2], P.darkSteel);
  // Striped boom, 0.1 m thick, ending in the rest fork.
  b.stripes('x', -2.95, 3.85, 10, { min: [0, 0.9, -0.06], max: [0, 1.02, 0.06] }, [P.barrier, P.white]);
  // Rest fork post with a foot plate.
  b.box([3.55, 0, -0.25], [4.0, 0.05, 0.25], P.steel);
  b.box([3.7, 0.05, -0.07], [3.85, 0.88, 0.07], P.white, { omit: ['-y'] });
  for (const s of [-1, 1]) b.box([3.68, 0.85, s > 0 ? 0.07 : -0.11], [3.87, 1.1, s > 0 ? 0.11 : -0.07], P.barrier);
  // Small signal lamp on the cabinet.
  b.cylinder([-3.3, 1.15, 0], 0.08, 0.18, P.charging, { segments: 6 });
  // ANPR camera post: pole, arm towards +X, camera housing with a dark lens and sun shield.
  b.cylinder([-3.8, 0.15, 0.55], 0.05, 2.65, P.steel, { segments: 6 });
  b.box([-3.83, 2.68, 0.52], [-3.35, 2.74, 0.58], P.steel);
  b.box([-3.6, 2.74, 0.47], [-3.1, 2.9, 0.63], P.offWhite);
  b.box([-3.1, 2.76, 0.49], [-3.06, 2.88, 0.61], P.black, { omit: ['-x'] });
  b.box([-3.65, 2.9, 0.44], [-3.05, 3.0, 0.66], P.barrier);
  return b;
}

/**
 * camera, design size 1 x 10 x 1 m: concrete footing, tall thin pole, bracket and a
 * camera head at the top looking along +X, with purple accents.
 */
export function camera(): ModelBuilder {
  const b = new ModelBuilder();
  b.box([-0.5, 0, -0.5], [0.5, 0.3, 0.5], P.concrete);
  b.box([-0.2, 0.3, -0.2], [0.2, 0.36, 0.2], P.steel, { omit: ['-y'] });
  b.cylinder([0, 0.36, 0], 0.1, 9.3, P.lightConcrete, { segments: 8, radiusTop: 0.07 });
  b.cylinder([0, 1.2, 0], 0.115, 0.5, P.camera, { segments: 8 });
  // Junction box on the pole.
  b.box([-0.24, 2.2, -0.1], [-0.1, 2.7, 0.1], P.camera);
  // Bracket: arm from the pole towards +X.
  b.box([-0.02, 9.3, -0.04], [0.22, 9.4, 0.04], P.darkSteel);
  b.beam([0, 9.0, 0], [0.16, 9.31, 0], 0.04, P.darkSteel);
  // Camera head along +X: body, dark lens, sun shield.
  b.box([-0.06, 9.4, -0.1], [0.4, 9.6, 0.1], P.camera);
  b.box([0.4, 9.43, -0.08], [0.45, 9.57, 0.08], P.black, { omit: ['-x'] });
  b.box([-0.1, 9.6, -0.12], [0.47, 9.64, 0.12], '#7e22ce');
  // Pole cap and lightning rod reaching the 10 m top.
  b.cylinder([0, 9.66, 0], 0.08, 0.06, P.steel, { segments: 8 });
  b.cylinder([0, 9.72, 0], 0.012, 0.28, P.steel, { segments: 4, radiusTop: 0.004 });
  return b;
}

/**
 * admin-building, design size 60 x 16 x 25 m: four-storey office block with glazed
 * window bands and white slab edges, flat roof with plant, entrance canopy on +Z,
 * forecourt with a flag pole.
 */
export function adminBuilding(): ModelBuilder {
  const b = new ModelBuilder();
  const ground = 0.15;
  b.box([-30, 0, -12.5], [30, ground, 12.5], P.lightConcrete);
  // Footprint of the block.
  const x0 = -27;
  const x1 = 27;
  const z0 = -12;
  const z1 = 4.5;
  const plinth = 0.8;
  const storey = 3.4;
  const floors = 4;
  const roof = plinth + floors * storey;
  b.box([x0 - 0.2, ground, z0 - 0.2], [x1 + 0.2, plinth, z1 + 0.2], '#64748b', { omit: ['-y'] });
  b.box([x0, plinth, z0], [x1, roof, z1], P.admin, { omit: ['-y'] });
  for (let f = 0; f < floors; f++) {
    const y = plinth + f * storey;
    // Glazed band (dark glass), set slightly proud of the wall.
    b.box([x0 - 0.08, y + 0.9, z0 - 0.08], [x1 + 0.08, y + 2.7, z1 + 0.08], P.glass, { omit: ['-y', '+y'] });
    // White slab edge at each floor.
    if (f > 0) b.box([x0 - 0.15, y - 0.2, z0 - 0.15], [x1 + 0.15, y + 0.2, z1 + 0.15], P.white, { omit: ['-y'] });
  }
  // Vertical white fins (mullions) across the long facades.
  for (let x = x0 + 3; x < x1 - 1; x += 3) {
    for (const [za, zb] of [
      [z1, z1 + 0.25],
      [z0 - 0.25, z0],
    ] as const) {
      b.box([x - 0.12, plinth + 0.6, za], [x + 0.12, roof, zb], P.white, { omit: ['-y', '+y'] });
    }
  }
  for (let z = z0 + 3; z < z1 - 1; z += 3.3) {
    b.box([x1, plinth + 0.6, z - 0.12], [x1 + 0.25, roof, z + 0.12], P.white, { omit: ['-y', '+y'] });
    b.box([x0 - 0.25, plinth + 0.6, z - 0.12], [x0, roof, z + 0.12], P.white, { omit: ['-y', '+y'] });
  }
  // Parapet and roof deck.
  const pt = 0.35;
  const ph = 0.8;
  b.box([x0 - 0.15, roof, z0 - 0.15], [x1 + 0.15, roof + ph, z0 + pt], P.white, { omit: ['-y'] });
  b.box([x0 - 0.15, roof, z1 - pt], [x1 + 0.15, roof + ph, z1 + 0.15], P.white, { omit: ['-y'] });
  b.box([x0 - 0.15, roof, z0 + pt], [x0 + pt, roof + ph, z1 - pt], P.white, { omit: ['-y', '-z', '+z'] });
  b.box([x1 - pt, roof, z0 + pt], [x1 + 0.15, roof + ph, z1 - pt], P.white, { omit: ['-y', '-z', '+z'] });
  b.box([x0 + pt, roof, z0 + pt], [x1 - pt, roof + 0.05, z1 - pt], '#475569', { omit: ['-y'] });
  // Roof plant: stair/lift core and air-handling units.
  b.box([-4, roof, -8], [4, roof + 1.4, -3], P.lightConcrete, { omit: ['-y'] });
  for (const x of [-18, -13, 13, 18]) b.box([x - 1.6, roof, -6], [x + 1.6, roof + 1.3, -2], P.steel, { omit: ['-y'] });
  // Entrance: glass doors and a canopy on two columns.
  b.box([-4, plinth, z1 + 0.08], [4, plinth + 2.6, z1 + 0.2], '#0f172a', { omit: ['-y', '-z'] });
  b.box([-5.5, plinth + 3.0, z1], [5.5, plinth + 3.35, z1 + 4], P.white);
  for (const x of [-5, 5]) b.box([x - 0.15, ground, z1 + 3.5], [x + 0.15, plinth + 3.0, z1 + 3.8], P.white, { omit: ['-y', '+y'] });
  // Entry steps.
  b.box([-5.5, ground, z1 + 0.2], [5.5, plinth, z1 + 2.2], '#64748b', { omit: ['-y'] });
  // Forecourt: flag pole (top = 16 m) with the national flag flying along +X, planters.
  const fx = -14;
  const fz = 9.5;
  b.box([fx - 0.6, ground, fz - 0.6], [fx + 0.6, ground + 0.4, fz + 0.6], P.offWhite, { omit: ['-y'] });
  b.cylinder([fx, ground + 0.4, fz], 0.1, 16 - ground - 0.55, P.lightConcrete, { segments: 8, radiusTop: 0.06 });
  b.cylinder([fx, 15.85, fz], 0.12, 0.15, '#facc15', { segments: 8 });
  b.box([fx + 0.08, 13.6, fz - 0.03], [fx + 2.8, 15.4, fz + 0.03], '#da251d');
  b.box([fx + 1.15, 14.2, fz - 0.05], [fx + 1.75, 14.8, fz + 0.05], '#ffde00');
  for (const x of [10, 18, 26]) {
    b.box([x - 1.5, ground, 8.5], [x + 1.5, ground + 0.5, 11.5], '#78716c', { omit: ['-y'] });
    b.cylinder([x, ground + 0.5, 10], 1.2, 3.2, P.leaf, { segments: 6, radiusTop: 0 });
  }
  return b;
}
