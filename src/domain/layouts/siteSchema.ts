/**
 * A zone's site for the layout generator (`data/sites/<zone folder>.json`): what a generated layout keeps from a
 * shipped scene, and where on the ground the generator may put the AGV area. A strip is the line the AGVs' work
 * lane follows past the yards, on one side of the border: it starts where the corridor arrives, runs along
 * `heading`, and has the yards on `yardSide` of the direction of travel; it may not run longer than `maxLengthM`
 * (the room the site has, with its source). The corridor is the driverless route's centre line from the
 * Vietnamese strip's start to the Chinese strip's start. Truck routes to the yards are the base scene's
 * approach and departure, through the yard's truck side.
 */
import { z } from 'zod';
import { Sourced, Vec2 } from '../sceneSchema';

export const SITE_FORMAT = 'smart-gate-twin/site@1';

const Strip = z.strictObject({
  start: Vec2.meta({ description: "Where the work lane starts, [east, north] m: the corridor's end on this side" }),
  heading: z.number().meta({ description: 'Direction of travel along the yards (rad, counter-clockwise from east)' }),
  yardSide: z.enum(['left', 'right']).meta({ description: 'Which side of the work lane, in the direction of travel, the yards stand' }),
  maxLengthM: Sourced(z.number().gt(0)).meta({ description: 'How long the strip may run before it meets something else' }),
  yardDepthM: Sourced(z.number().gt(20))
    .optional()
    .meta({ description: "How deep the yards may be, truck side to AGV side, where the site is narrower than data/layout.json's depth" }),
});

const TruckPath = z.strictObject({
  id: z.string().min(1).meta({ description: "The generated route's id; a base scene route of that id is replaced" }),
  approach: z.array(Vec2).min(1).meta({ description: "From the gate to the yard strip's truck side (barrier and scanner on it)" }),
  leave: z.array(Vec2).min(1).meta({ description: 'From the yard back out through the exit barrier' }),
});

export const Site = z.strictObject({
  $comment: z.string().optional(),
  format: z.literal(SITE_FORMAT),
  zone: z.enum(['1119-1120', '1088/2-1089']),
  base: z.string().min(1).meta({ description: 'The shipped scene variant whose zone, roads, gate, buildings, process and fleet a layout keeps' }),
  vn: Strip,
  cn: Strip,
  corridor: z.strictObject({
    points: z.array(Vec2).min(2).meta({ description: "The driverless route's centre line, from the VN strip's start to the CN strip's start" }),
    source: z.string().min(1),
  }),
  truckRoutes: z.strictObject({ export: TruckPath, import: TruckPath }),
});

export type Site = z.infer<typeof Site>;
export type Strip = z.infer<typeof Strip>;
