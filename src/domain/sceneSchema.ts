/**
 * The scene file format: one layout of one zone of the smart border gate.
 *
 * Units are SI (metres, seconds, radians, metres per second). Positions are [east, north] in a local frame whose
 * origin is the zone's reference border marker; `zone.geoAnchor` ties that origin to latitude/longitude.
 * Rotations are counter-clockwise seen from above, 0 along east. Every number the simulation uses carries its
 * source (or the word "assumption") as a {@link Sourced} value. The JSON Schema published in
 * `public/schema/scene.schema.json` is generated from this file by `npm run schema`.
 */
import { z } from 'zod';

export const SCENE_FORMAT = 'smart-gate-twin/scene@1';

const finite = () => z.number().refine(Number.isFinite, 'must be a finite number');
const positive = () => z.number().gt(0);
const count = () => z.number().int().min(0);

export const Vec2 = z.tuple([finite(), finite()]).meta({ description: '[east, north] in metres' });
export const Vec3 = z.tuple([finite(), finite(), finite()]).meta({ description: '[east, north, up] in metres' });
export const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:/-]*$/, 'must be letters, digits and _ . : / - (no spaces)');
export const Text = z.strictObject({ vi: z.string().min(1), en: z.string().min(1) }).meta({
  description: 'A text in Vietnamese and English',
});
const Source = z.string().min(1).meta({
  description: 'Where the number comes from (article, operator, study) or the word "assumption"',
});

/** A number used by the model, with where it comes from. */
export const Sourced = (n: z.ZodNumber = z.number()) =>
  z.strictObject({ value: n, source: Source }).meta({ description: 'A model number with its source' });

export const Side = z.enum(['VN', 'CN']);

export const Footprint = z.strictObject({
  position: Vec2.meta({ description: 'Centre [east, north] in metres' }),
  rotation: finite().meta({ description: 'Radians, counter-clockwise from east' }),
  size: z.tuple([positive(), positive()]).meta({ description: '[width along the rotated east axis, depth] in metres' }),
  height: positive().meta({ description: 'Height of the structure in metres' }),
});

const base = {
  id: Id,
  name: Text.optional(),
  side: Side.meta({ description: 'Which side of the border the facility stands on (checked against the border line)' }),
  footprint: Footprint,
};

const Storage = (kind: 'import-storage' | 'export-storage') =>
  z.strictObject({
    ...base,
    kind: z.literal(kind),
    capacityTeu: count().meta({ description: 'Storage capacity in TEU' }),
    loadingSlots: z.number().int().min(1).meta({ description: 'Truck loading slots served by cranes' }),
  });

export const ImportStorage = Storage('import-storage');
export const ExportStorage = Storage('export-storage');

export const ScannerBay = z
  .strictObject({
    ...base,
    kind: z.literal('scanner-bay'),
    mode: z.enum(['drive-through', 'gantry', 'tunnel']),
    lanes: z.number().int().min(1),
    scanTimeS: Sourced(positive()),
  })
  .meta({ description: 'Drive-through container scanner; vehicles drive through it along footprint size[0]' });

export const AdminBuilding = z.strictObject({
  ...base,
  kind: z.literal('admin-building'),
  agency: z.enum(['customs', 'border-guard', 'quarantine', 'management-board', 'control-room', 'other']),
  floors: z.number().int().min(1),
});

export const Barrier = z
  .strictObject({
    ...base,
    kind: z.literal('barrier'),
    direction: z.enum(['entry', 'exit']),
    lanes: z.number().int().min(1).meta({ description: 'Truck lanes this gate controls' }),
    openingTimeS: Sourced(positive()).meta({ description: 'Arrival to boom lift, plate recognition included' }),
  })
  .meta({ description: 'Electronic gate; its booms span footprint size[0], across the lanes it controls' });

export const Camera = z.strictObject({
  ...base,
  kind: z.literal('camera'),
  mountHeightM: positive(),
  headingRad: finite().meta({ description: 'Direction the camera looks, counter-clockwise from east' }),
  fieldOfViewRad: z
    .number()
    .gt(0)
    .max(2 * Math.PI),
  rangeM: positive(),
});

export const Crane = z
  .strictObject({
    ...base,
    kind: z.literal('crane'),
    craneType: z.enum(['rail-mounted-gantry', 'rubber-tyred-gantry', 'stacking']),
    spanM: positive(),
    cycleTimeS: Sourced(positive()),
    serves: Id.meta({ description: 'Id of the storage facility the crane works' }),
  })
  .meta({ description: 'Gantry crane; it travels along footprint size[0], its girder spans size[1]' });

export const AgvCharging = z.strictObject({
  ...base,
  kind: z.literal('agv-charging'),
  bays: z.number().int().min(1),
  fullChargeS: Sourced(positive()),
});

export const TruckHolding = z.strictObject({
  ...base,
  kind: z.literal('truck-holding'),
  capacityTrucks: z.number().int().min(1),
});

export const Road = z
  .strictObject({
    ...base,
    kind: z.literal('road'),
    lanes: z.number().int().min(1),
    laneWidthM: Sourced(positive()),
  })
  .meta({ description: 'Truck road; footprint size[0] is its length along its rotation, size[1] its width (lanes × lane width)' });

export const Facility = z.discriminatedUnion('kind', [
  ImportStorage,
  ExportStorage,
  ScannerBay,
  AdminBuilding,
  Barrier,
  Camera,
  Crane,
  AgvCharging,
  TruckHolding,
  Road,
]);

export const LaneNode = z.strictObject({
  id: Id,
  position: Vec2,
  role: z.enum(['waypoint', 'load', 'unload', 'charge', 'park']).default('waypoint'),
  serves: Id.optional().meta({ description: 'Facility (storage, crane, charging) served at this node' }),
});

export const LaneEdge = z.strictObject({
  id: Id,
  from: Id,
  to: Id,
  widthM: positive(),
  speedLimitMps: positive(),
  crossBorder: z.boolean().meta({ description: 'True when the edge crosses the border line (checked)' }),
});

export const TruckRoute = z.strictObject({
  id: Id,
  flow: z.enum(['export', 'import', 'both']),
  points: z.array(Vec2).min(2),
});

export const View = z.strictObject({
  id: Id,
  name: Text,
  position: Vec3,
  target: Vec3,
});

export const TourStop = z.strictObject({
  view: Id.meta({ description: 'A views[].id the camera flies to' }),
  caption: Text.meta({ description: 'Short caption shown large on the briefing wall while the camera is there' }),
  dwellS: positive().meta({ description: 'Seconds the wall stays on this stop before the next' }),
});

export const Zone = z.strictObject({
  id: z.enum(['1119-1120', '1088/2-1089']),
  name: Text,
  geoAnchor: z.strictObject({
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    source: Source,
  }),
  border: z.strictObject({
    line: z.array(Vec2).min(2).meta({ description: 'Border polyline in the local frame' }),
    vietnamSide: z.enum(['left', 'right']).meta({ description: 'Side of the line, walking along it, that is Vietnam' }),
    markers: z.array(z.strictObject({ number: z.string().min(1), position: Vec2 })).min(1),
  }),
  capacity: z.strictObject({
    todayVehiclesPerDay: Sourced(positive()),
    target2030VehiclesPerDay: z.strictObject({ min: positive(), max: positive(), source: Source }),
  }),
});

export const Fleet = z.strictObject({
  agv: z.strictObject({
    count: Sourced(z.number().int().min(0)),
    lengthM: Sourced(positive()),
    widthM: Sourced(positive()),
    heightM: Sourced(positive()),
    maxSpeedMps: Sourced(positive()),
    accelerationMps2: Sourced(positive()),
    decelerationMps2: Sourced(positive()),
    payloadTeu: Sourced(positive()),
  }),
  truck: z.strictObject({
    lengthM: Sourced(positive()),
    widthM: Sourced(positive()),
    heightM: Sourced(positive()),
  }),
});

const Share = () => Sourced(z.number().min(0).max(1));

export const Process = z.strictObject({
  openingHours: z.strictObject({
    openHour: z.number().min(0).max(24),
    closeHour: z.number().min(0).max(24),
    source: Source,
  }),
  arrivalProfile: z.strictObject({
    hourlyShare: z.array(z.number().min(0)).length(24).meta({ description: "Share of the day's arrivals per hour 0-23" }),
    source: Source,
  }),
  exportShare: Share(),
  preDeclaredShare: Share().meta({ description: 'Share declared in advance through the National Single Window' }),
  twoWayShare: Share().meta({ description: 'Share of delivering trucks that leave loaded' }),
  riskChannels: z.strictObject({ green: Share(), yellow: Share(), red: Share() }),
  serviceTimes: z.strictObject({
    documentCheckS: Sourced(positive()).meta({ description: 'Yellow channel document check' }),
    physicalInspectionS: Sourced(positive()).meta({ description: 'Red channel physical inspection' }),
    declarationAtGateS: Sourced(positive()).meta({ description: 'Clearance at the gate when not declared in advance' }),
  }),
});

export const MapPlacement = z
  .strictObject({
    mapId: z.string().min(1).meta({ description: 'VDA 5050 mapId the AGVs report their positions in' }),
    origin: Vec2.meta({ description: "Where the map's origin lies in the zone's frame [east, north] (m)" }),
    rotation: finite().meta({ description: "Direction of the map's x axis in the zone's frame (rad, counter-clockwise from east)" }),
  })
  .meta({ description: 'How one AGV map sits in the zone frame: zone = origin + R(rotation) · map' });

export const Telemetry = z.strictObject({
  maps: z.array(MapPlacement).min(1),
});

export const Scene = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(SCENE_FORMAT),
  id: Id,
  variant: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and - (the file name: scenes/<zone>/<variant>.json)')
    .meta({ description: "today, proposed, a stage of the roadmap (2027, 2030) or an engineer's name for a variant" }),
  title: Text,
  description: Text.optional(),
  zone: Zone,
  views: z.array(View).min(1),
  tour: z.array(TourStop).optional().meta({ description: 'Guided camera tour of the briefing wall: its stops, in order, looping' }),
  facilities: z.array(Facility),
  lanes: z.strictObject({ nodes: z.array(LaneNode), edges: z.array(LaneEdge) }),
  truckRoutes: z.array(TruckRoute),
  fleet: Fleet,
  process: Process,
  telemetry: Telemetry.optional().meta({ description: 'How live VDA 5050 positions map into this zone' }),
});

export type Scene = z.infer<typeof Scene>;
export type Facility = z.infer<typeof Facility>;
export type FacilityKind = Facility['kind'];
export type Footprint = z.infer<typeof Footprint>;
export type LaneNode = z.infer<typeof LaneNode>;
export type LaneEdge = z.infer<typeof LaneEdge>;
export type ZoneId = Scene['zone']['id'];
export type Vec2 = z.infer<typeof Vec2>;
export type View = z.infer<typeof View>;
export type TourStop = z.infer<typeof TourStop>;
export type MapPlacement = z.infer<typeof MapPlacement>;

export const FACILITY_KINDS = Facility.options.map((o) => o.shape.kind.value) as readonly FacilityKind[];
