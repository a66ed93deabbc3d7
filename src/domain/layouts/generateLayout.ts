/**
 * The layout generator: a zone's site and a few parameters in, a scene out. It keeps what the site's base scene
 * says about the zone (border, roads, truck holding, barriers, scanners, buildings, cameras, process, fleet,
 * views) and draws the AGV area anew as a terminal designer would: on each side an import yard then an export yard
 * along a work lane, cranes across the yards at a fixed pitch, handover bays under each crane beside the lane so a
 * crane move does not block it, a U-turn and a return lane; between the sides one lane each way (two with
 * `two-way`); on the Vietnamese side parking rows for the fleet and a charging row. Trucks to and from the yards
 * keep the base's approach and leave through the yard's truck side. Geometry numbers: data/layout.json.
 *
 * The result is a plain scene: the caller runs the checker on it (the CLI refuses to write one that fails).
 *
 * @example
 *   const scene = generateLayout(base, site, { ...defaultLayoutParams(80), variant: '2030', handoverBays: 2 });
 */
import type { Facility, Scene, Vec2 } from '../sceneSchema';
import { zoneFolder } from '../zoneFolder';
import { LaneBuilder, offsetPolyline } from './laneBuilder';
import { layoutParamProblems, type LayoutParams } from './layoutParams';
import type { Site } from './siteSchema';
import { LAYOUT_GEOMETRY as G, layStrip, type YardPlan } from './yardStrip';

/** The parameters or the site cannot make a layout; `problems` names each reason. */
export class LayoutError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
    this.name = 'LayoutError';
  }
}

const GENERATED_KINDS: ReadonlySet<Facility['kind']> = new Set(['import-storage', 'export-storage', 'crane', 'agv-charging']);
const MAX_CORRIDOR_SEGMENT_M = 250;

function yard(side: 'vn' | 'cn', flow: 'import' | 'export', cranes: number, slots: number): YardPlan {
  const vi = flow === 'import' ? 'nhập' : 'xuất';
  const sideVi = side === 'vn' ? 'phía Việt Nam' : 'phía Trung Quốc';
  const sideEn = side === 'vn' ? 'VN' : 'CN';
  // AGVs drop at import yards and pick up at export yards, on both sides.
  return {
    id: `${side}-${flow}-yard`,
    kind: flow === 'import' ? 'import-storage' : 'export-storage',
    name: { vi: `Bãi hàng ${vi} khẩu ${sideVi}`, en: `${flow === 'import' ? 'Import' : 'Export'} storage yard (${sideEn})` },
    cranes,
    slots,
    role: flow === 'import' ? 'unload' : 'load',
    craneName: (k) => ({ vi: `Cẩu giàn tự động bãi ${vi} ${sideVi} ${k}`, en: `${sideEn} ${flow} yard crane ${k}` }),
  };
}

/** Splits every segment longer than `max` into equal pieces, so a corridor has a node every few hundred metres. */
function subdivide(points: readonly Vec2[], max: number): Vec2[] {
  const out: Vec2[] = [points[0]!];
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1]!;
    const b = points[k]!;
    const pieces = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / max));
    for (let j = 1; j <= pieces; j++) out.push([a[0] + ((b[0] - a[0]) * j) / pieces, a[1] + ((b[1] - a[1]) * j) / pieces]);
  }
  return out;
}

const dist = (a: Vec2, b: Vec2) => Math.hypot(b[0] - a[0], b[1] - a[1]);

export function generateLayout(base: Scene, site: Site, p: LayoutParams): Scene {
  const problems = layoutParamProblems(p);
  if (base.zone.id !== site.zone) problems.push(`the site is zone ${site.zone} but the base scene is zone ${base.zone.id}`);
  const baseCrane = base.facilities.find((f): f is Extract<Facility, { kind: 'crane' }> => f.kind === 'crane');
  const baseCharging = base.facilities.find((f): f is Extract<Facility, { kind: 'agv-charging' }> => f.kind === 'agv-charging');
  if (!baseCrane) problems.push(`the base scene ${base.id} has no crane to copy the crane type and cycle time from`);
  if (!baseCharging) problems.push(`the base scene ${base.id} has no AGV charging area to copy the charge time from`);
  if (problems.length > 0 || !baseCrane || !baseCharging) throw new LayoutError(problems);

  const speed = base.fleet.agv.maxSpeedMps.value;
  const lanes = new LaneBuilder(base.zone.border.line, G.laneWidthM);
  const common = {
    handoverBays: p.handoverBays,
    loop: p.corridor === 'loop',
    crane: { craneType: baseCrane.craneType, spanM: baseCrane.spanM, cycleTimeS: baseCrane.cycleTimeS },
    agvSpeedMps: speed,
  };
  const c = p.cranesPerYard;
  const s = p.slots;
  const strips: ReturnType<typeof layStrip>[] = [];
  const stripProblems: string[] = [];
  for (const side of ['vn', 'cn'] as const) {
    try {
      strips.push(
        layStrip(
          {
            ...common,
            side: side === 'vn' ? 'VN' : 'CN',
            prefix: side,
            strip: site[side],
            yards:
              side === 'vn'
                ? [yard('vn', 'import', c.vnImport, s.vnImport), yard('vn', 'export', c.vnExport, s.vnExport)]
                : [yard('cn', 'import', c.cnImport, s.cnImport), yard('cn', 'export', c.cnExport, s.cnExport)],
            ...(side === 'vn'
              ? {
                  parking: {
                    parkBays: p.parkBays,
                    chargeBays: p.chargeBays,
                    charging: { id: baseCharging.id, kind: 'agv-charging', side: 'VN', name: baseCharging.name, fullChargeS: baseCharging.fullChargeS },
                  },
                }
              : {}),
          },
          lanes,
        ),
      );
    } catch (e) {
      stripProblems.push((e as Error).message);
    }
  }
  if (stripProblems.length > 0) throw new LayoutError(stripProblems);
  const [vn, cn] = strips as [ReturnType<typeof layStrip>, ReturnType<typeof layStrip>];
  layCorridor(site, p, lanes, vn, cn, speed);

  const id = `${zoneFolder(base.zone.id)}-${p.variant}`;
  const facilities: Facility[] = [
    ...base.facilities.filter((f) => !GENERATED_KINDS.has(f.kind)).map((f) => (f.kind === 'scanner-bay' ? widenScanner(f, p.scannerLanes) : f)),
    ...vn.facilities,
    ...cn.facilities,
  ];
  const replaced = new Set([site.truckRoutes.export.id, site.truckRoutes.import.id]);
  const truckRoutes: Scene['truckRoutes'] = [
    ...(['export', 'import'] as const).map((flow) => {
      const path = site.truckRoutes[flow];
      return { id: path.id, flow, points: [...path.approach, vn.truckStops.get(`vn-${flow}-yard`)!, ...path.leave].map(roundPoint) };
    }),
    ...base.truckRoutes.filter((r) => !replaced.has(r.id)),
  ];
  const summary = describe(p, vn.lengthM, cn.lengthM);
  return {
    ...(base.$schema === undefined ? {} : { $schema: base.$schema }),
    format: base.format,
    id,
    variant: p.variant,
    title: { vi: `${base.zone.id}: phương án ${p.variant} (sinh tự động)`, en: `${base.zone.id}: layout ${p.variant} (generated)` },
    description: summary,
    zone: base.zone,
    views: base.views,
    ...(base.tour === undefined ? {} : { tour: base.tour }),
    facilities,
    lanes: { nodes: lanes.nodes, edges: lanes.edges },
    truckRoutes,
    fleet: {
      ...base.fleet,
      agv: {
        ...base.fleet.agv,
        count: { value: p.agvs, source: `layout parameter: the fleet this layout is generated for (npm run layout -- --agvs ${p.agvs})` },
      },
    },
    process: base.process,
    telemetry: { maps: [{ mapId: id, origin: [0, 0], rotation: 0 }] },
  };
}

const roundPoint = (q: Vec2): Vec2 => [Math.round(q[0] * 100) / 100, Math.round(q[1] * 100) / 100];

/**
 * One lane each way between the strips, either side of the corridor's centre line: whichever pairing joins each
 * strip's exit to the lane leaving it and the lane arriving to its entry with the shorter links. With `two-way`, a
 * passing lane beside each, leaving it at the first node and rejoining it at the last.
 */
function layCorridor(
  site: Site,
  p: LayoutParams,
  lanes: LaneBuilder,
  vn: { entry: string; exit: string },
  cn: { entry: string; exit: string },
  speed: number,
): void {
  const centre = subdivide(site.corridor.points, MAX_CORRIDOR_SEGMENT_M);
  const pos = (id: string) => lanes.position(id);
  const pairing = (sign: 1 | -1) => {
    const toCn = offsetPolyline(centre, sign * G.corridorLaneOffsetM);
    const toVn = offsetPolyline(centre, -sign * G.corridorLaneOffsetM).reverse();
    const cost = dist(pos(vn.exit), toCn[0]!) + dist(toCn.at(-1)!, pos(cn.entry)) + dist(pos(cn.exit), toVn[0]!) + dist(toVn.at(-1)!, pos(vn.entry));
    return { sign, toCn, toVn, cost };
  };
  const best = [pairing(1), pairing(-1)].sort((a, b) => a.cost - b.cost)[0]!;
  const lay = (name: string, points: Vec2[], from: string, to: string, offsetSign: number) => {
    const ids = points.map((q, k) => lanes.node(`${name}-${k}`, q));
    lanes.chain([from, ...ids, to], speed);
    if (p.corridor !== 'two-way' || ids.length < 4) return;
    const reversed = name.endsWith('vn');
    const passing = offsetPolyline(reversed ? [...centre].reverse() : centre, offsetSign * (G.corridorLaneOffsetM + G.passingLaneOffsetM));
    const passIds = passing.slice(1, -1).map((q, k) => lanes.node(`${name}-pass-${k + 1}`, q));
    lanes.chain([ids[0]!, ...passIds, ids.at(-1)!], speed);
  };
  lay('corridor-to-cn', best.toCn, vn.exit, cn.entry, best.sign);
  // Offsetting the reversed centre line to its left is offsetting the centre line to its right: the same sign.
  lay('corridor-to-vn', best.toVn, cn.exit, vn.entry, best.sign);
}

function widenScanner(f: Extract<Facility, { kind: 'scanner-bay' }>, lanes: number): Facility {
  if (f.lanes === lanes) return f;
  const width = Math.max(f.footprint.size[1], lanes * G.scannerLaneWidthM);
  return { ...f, lanes, footprint: { ...f.footprint, size: [f.footprint.size[0], width] } };
}

function describe(p: LayoutParams, vnLength: number, cnLength: number): Scene['description'] {
  const c = p.cranesPerYard;
  const en =
    `Generated (npm run layout): cranes per yard VN import ${c.vnImport}, VN export ${c.vnExport}, CN import ${c.cnImport}, CN export ${c.cnExport}; ` +
    `${p.handoverBays} handover bay(s) per crane beside the work lane; corridor ${p.corridor}; ${p.scannerLanes} lane(s) per scanner; ` +
    `${p.agvs} AGVs, ${p.parkBays} parking and ${p.chargeBays} charging bays; yard strips ${Math.round(vnLength)} m (VN) and ${Math.round(cnLength)} m (CN).`;
  const vi =
    `Sinh tự động (npm run layout): số cẩu mỗi bãi nhập VN ${c.vnImport}, xuất VN ${c.vnExport}, nhập TQ ${c.cnImport}, xuất TQ ${c.cnExport}; ` +
    `${p.handoverBays} vị trí giao nhận mỗi cẩu cạnh làn AGV; hành lang ${p.corridor}; ${p.scannerLanes} làn mỗi máy soi; ` +
    `${p.agvs} AGV, ${p.parkBays} chỗ đỗ và ${p.chargeBays} chỗ sạc; dải bãi ${Math.round(vnLength)} m (VN) và ${Math.round(cnLength)} m (TQ).`;
  return { vi, en };
}
