/**
 * Paved sites: `agv-charging`, `truck-holding` and `road`.
 * Painted markings are thin boxes standing 1-2 cm proud of the slab (no z-fighting).
 */
import { ModelBuilder } from './primitives';
import { P } from './palette';

/**
 * agv-charging, design size 40 x 5 x 20 m: concrete pad with 8 bays (AGVs park
 * along Z, nose towards -Z), green bay lines and charge plates, a charger cabinet
 * per bay under a canopy along the -Z edge, and a transformer kiosk.
 */
export function agvCharging(): ModelBuilder {
  const b = new ModelBuilder();
  const top = 0.2;
  const green = P.charging;
  b.box([-20, 0, -10], [20, top, 10], P.concrete);
  const bays = 8;
  const bw = 4.2;
  const bx0 = -18.5;
  for (let i = 0; i <= bays; i++) {
    const x = bx0 + i * bw;
    b.box([x - 0.08, top, -8.3], [x + 0.08, top + 0.02, 9.5], green, { omit: ['-y'] });
  }
  b.box([bx0, top, 9.35], [bx0 + bays * bw, top + 0.02, 9.5], green, { omit: ['-y'] });
  for (let i = 0; i < bays; i++) {
    const xc = bx0 + (i + 0.5) * bw;
    // Charge plate on the ground and the charger cabinet with a green stripe and screen.
    b.box([xc - 0.9, top, -6.5], [xc + 0.9, top + 0.04, -3.5], '#15803d', { omit: ['-y'] });
    b.box([xc - 0.55, top, -9.6], [xc + 0.55, top + 1.9, -8.8], P.offWhite, { omit: ['-y'] });
    b.box([xc - 0.57, top + 1.45, -9.62], [xc + 0.57, top + 1.65, -8.78], green, { omit: ['-y', '+y'] });
    b.box([xc - 0.3, top + 0.9, -8.78], [xc + 0.3, top + 1.3, -8.74], P.glass, { omit: ['-z'] });
    // Charging arm reaching over the bay.
    b.box([xc - 0.08, top + 1.9, -9.3], [xc + 0.08, top + 2.05, -7.6], P.darkSteel);
  }
  // Transformer / switchgear kiosk.
  b.box([16.5, top, -9.5], [19.6, top + 2.4, -6.5], P.steel, { omit: ['-y'] });
  b.box([16.45, top + 1.6, -9.55], [19.65, top + 1.9, -6.45], green, { omit: ['-y', '+y'] });
  // Canopy (top = 5 m) on eight columns, with a green fascia.
  for (const x of [-19.6, -6.6, 6.6, 19.6]) {
    for (const z of [-9.7, -4.6]) b.box([x - 0.15, top, z - 0.15], [x + 0.15, 4.6, z + 0.15], P.lightConcrete, { omit: ['-y', '+y'] });
  }
  b.box([-20, 4.6, -10], [20, 4.85, -4.2], '#334155');
  b.box([-20, 4.5, -4.4], [20, 5.0, -4.2], green);
  b.box([-20, 4.85, -10], [20, 5.0, -9.8], green, { omit: ['-y'] });
  // Solar panel rows on the canopy roof.
  for (let k = 0; k < 3; k++) {
    const z0 = -9.5 + k * 1.75;
    b.box([-19.5, 4.85, z0], [19.5, 4.95, z0 + 1.4], '#1e3a8a', { omit: ['-y'] });
  }
  return b;
}

/**
 * truck-holding, design size 150 x 4 x 60 m: asphalt lot with two rows of 34 truck
 * bays (bay axis along Z) either side of a central aisle along X, kerbs, and a
 * kiosk on an island at the -X entrance.
 */
export function truckHolding(): ModelBuilder {
  const b = new ModelBuilder();
  const top = 0.2;
  b.box([-75, 0, -30], [75, top, 30], P.holding);
  // Kerbs along the long edges.
  for (const s of [-1, 1]) {
    b.box([-75, top, s > 0 ? 29.6 : -30], [75, top + 0.15, s > 0 ? 30 : -29.6], P.lightConcrete, { omit: ['-y'] });
  }
  const line = (x0: number, z0: number, x1: number, z1: number, hex: string = P.white) =>
    b.box([x0, top, z0], [x1, top + 0.02, z1], hex, { omit: ['-y'] });
  const bays = 34;
  const bw = 4;
  const x0 = -64;
  for (const [za, zb] of [
    [-28, -9],
    [9, 28],
  ] as const) {
    for (let i = 0; i <= bays; i++) {
      const x = x0 + i * bw;
      line(x - 0.075, za, x + 0.075, zb);
    }
    const zEnd = za < 0 ? za : zb;
    line(x0, zEnd - 0.075, x0 + bays * bw, zEnd + 0.075);
  }
  // Dashed yellow centre line along the aisle.
  const n = 18;
  for (let k = 0; k < n; k++) {
    const xa = -64 + k * (136 / n);
    line(xa, -0.1, xa + 3.5, 0.1, '#eab308');
  }
  // Kiosk island at the -X entrance, in the aisle.
  b.box([-74, top, -2.5], [-67, top + 0.25, 2.5], P.lightConcrete, { omit: ['-y'] });
  b.stripes('z', -2.5, 2.5, 6, { min: [-67.05, top, 0], max: [-66.95, top + 0.26, 0] }, [P.hazardYellow, P.hazardBlack], {
    omit: ['-y'],
  });
  b.box([-72, top + 0.25, -1.4], [-69, top + 3.3, 1.4], P.offWhite, { omit: ['-y'] });
  b.box([-72.05, top + 1.4, -1.45], [-68.95, top + 2.5, 1.45], P.glass, { omit: ['-y', '+y'] });
  b.box([-72.5, top + 3.3, -1.9], [-68.5, 3.75, 1.9], P.holding);
  b.box([-72.6, 3.75, -2.0], [-68.4, 4.0, 2.0], P.white);
  return b;
}

/**
 * road: one lane of truck road, design size 24 x 0.3 x 3.5 m, running along X with a dashed lane line on its +Z
 * edge. The view tiles it, lane by lane and ~24 m at a time, so a road of any width and length shows the true
 * number of lanes (the 1119-1120 road is 6 lanes today and 14 in phase 2) without stretched markings.
 */
export function road(): ModelBuilder {
  const b = new ModelBuilder();
  const L = 24;
  const top = 0.28;
  const half = 3.5 / 2;
  b.box([-L / 2, 0, -half], [L / 2, top, half], P.road);
  const dashes = 2;
  const period = L / dashes;
  const dash = period / 3;
  for (let i = 0; i < dashes; i++) {
    const xa = -L / 2 + i * period + (period - dash) / 2;
    b.box([xa, top, half - 0.15], [xa + dash, 0.3, half], P.white, { omit: ['-y'] });
  }
  return b;
}
