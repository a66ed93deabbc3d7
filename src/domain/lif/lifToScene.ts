/**
 * A VDMA LIF file's lane network brought into a scene: the scene gives the zone, the facilities and the fleet;
 * the file gives the lane nodes, the one-way edges and, through its stations, which facility each work node
 * serves. Refused, with every problem named by its path in the file and placed at its line, when the file is not
 * JSON, fails the official schema, or cannot be read as one lane network; otherwise the new scene is checked by
 * the scene checker and its problems returned beside it, traced back to the file where they come from an edge
 * or a node. The mapping is docs/formats.md.
 *
 * @example
 *   const r = lifToScene(text, scene, { defaults });
 *   if (!r.ok) r.problems.forEach((p) => console.log(formatProblem(p, file)));
 *   else if (r.check.length === 0) save(r.scene);
 */
import { checkScene } from '../checks/checkScene';
import { segmentCrossesPolyline } from '../geometry';
import { positionOf } from '../jsonText';
import { ImportNotes, type CheckedProblem, type ImportDefaults, type LayoutImport } from '../layoutImport';
import { coded, type Problem } from '../problem';
import { Id, LaneNode, Scene, type LaneEdge } from '../sceneSchema';
import { zodProblems } from '../zodProblems';
import {
  TWIN_VEHICLE_TYPE,
  type LifEdge,
  type LifLayout,
  type LifNode,
  type LifVehicleTypeEdgeProperty,
  type LifVehicleTypeNodeProperty,
} from './lifTypes';
import { ROLE_ACTIONS } from './sceneToLif';
import { readLif } from './validateLif';

export interface LifImportOptions {
  readonly defaults: ImportDefaults;
  /** Which layout of the file, when it has several. */
  readonly layoutId?: string;
  /** Which vehicle type's network, when the file has several. */
  readonly vehicleTypeId?: string;
}

const ROLES = LaneNode.shape.role.unwrap().options;
const ACTION_ROLE = new Map<string, 'load' | 'unload' | 'charge'>(
  (Object.entries(ROLE_ACTIONS) as ['load' | 'unload' | 'charge', readonly string[]][]).flatMap(([role, types]) => types.map((t) => [t, role] as const)),
);

const schemaAt = (path: string, message: string): Problem => coded(path, message, { code: 'import-schema', params: { detail: message } });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function chooseLayout(layouts: readonly LifLayout[], wanted: string | undefined): { index: number } | { problem: Problem } {
  const ids = layouts.map((l) => l.layoutId);
  if (wanted !== undefined) {
    const index = ids.indexOf(wanted);
    if (index >= 0) return { index };
    return {
      problem: coded('layouts', `no layout "${wanted}" (the file has ${ids.join(', ') || 'none'})`, { code: 'lif-choose-layout', params: { ids } }),
    };
  }
  if (layouts.length === 1) return { index: 0 };
  const why = layouts.length === 0 ? 'the file has no layout' : `the file has ${layouts.length} layouts (${ids.join(', ')}): choose one`;
  return { problem: coded('layouts', why, { code: 'lif-choose-layout', params: { ids } }) };
}

function chooseVehicleType(layout: LifLayout, wanted: string | undefined): { id: string } | { problem: Problem } {
  const seen = new Set<string>();
  for (const n of layout.nodes) for (const p of n.vehicleTypeNodeProperties) seen.add(p.vehicleTypeId);
  for (const e of layout.edges) for (const p of e.vehicleTypeEdgeProperties) seen.add(p.vehicleTypeId);
  const ids = [...seen];
  if (wanted !== undefined) {
    if (seen.has(wanted) || ids.length === 0) return { id: wanted };
    return {
      problem: coded('', `no vehicle type "${wanted}" (the file has ${ids.join(', ') || 'none'})`, { code: 'lif-choose-vehicle-type', params: { ids } }),
    };
  }
  if (ids.length === 1) return { id: ids[0]! };
  // No node or edge is for any vehicle type (an empty network, or one no vehicle may use): nothing is taken
  // whichever type is meant, so the twin's own stands in and every node is reported left out.
  if (ids.length === 0) return { id: TWIN_VEHICLE_TYPE };
  return {
    problem: coded('', `the file has ${ids.length} vehicle types (${ids.join(', ')}): choose one`, { code: 'lif-choose-vehicle-type', params: { ids } }),
  };
}

/** The one property of `vehicleType` in a node's or edge's list; a second one is a problem (LIF.md 8.3.5, 8.3.9). */
function propertyOf<T extends { vehicleTypeId: string }>(list: readonly T[], vehicleType: string, path: string, problems: Problem[]): number {
  const found = list.flatMap((p, k) => (p.vehicleTypeId === vehicleType ? [k] : []));
  for (const k of found.slice(1)) {
    problems.push(
      coded(`${path}[${k}].vehicleTypeId`, `a second property for vehicle type "${vehicleType}" (first at ${path}[${found[0]}])`, {
        code: 'lif-vehicle-type-repeated',
        params: { id: vehicleType, first: `${path}[${found[0]}]` },
      }),
    );
  }
  return found[0] ?? -1;
}

function checkId(id: string, path: string, problems: Problem[]): void {
  if (!Id.safeParse(id).success) {
    problems.push(coded(path, `"${id}" cannot be a twin id: letters, digits and _ . : / - only, no spaces`, { code: 'import-bad-id', params: { id } }));
  }
}

function noteEdgeExtras(p: LifVehicleTypeEdgeProperty, path: string, notes: ImportNotes): void {
  if (p.trajectory !== undefined) notes.notKeptAt('lif-trajectory', `${path}.trajectory`);
  if (p.rotationAllowed || p.rotationAtStartNodeAllowed !== undefined || p.rotationAtEndNodeAllowed !== undefined || p.maxRotationSpeed !== undefined)
    notes.notKeptAt('lif-rotation', path);
  if ((p.vehicleOrientation !== undefined && p.vehicleOrientation !== 0) || p.orientationType === 'GLOBAL') notes.notKeptAt('lif-orientation', path);
  if (p.minHeight !== undefined || p.maxHeight !== undefined) notes.notKeptAt('lif-height', path);
  const r = p.loadRestriction;
  if (r !== undefined && !(r.loaded && r.unloaded && (r.loadSetNames ?? []).length === 0))
    notes.notKeptAt('lif-load-restriction', `${path}.loadRestriction`);
  if (p.reentryAllowed === false) notes.notKeptAt('lif-reentry', `${path}.reentryAllowed`);
  if ((p.actions ?? []).length > 0) notes.notKeptAt('lif-edge-action', `${path}.actions`);
}

/** A node's role from its actions (and the twin's extension); undefined with a problem when they disagree. */
function roleOf(p: LifVehicleTypeNodeProperty, path: string, inStation: boolean, problems: Problem[], notes: ImportNotes): LaneNode['role'] | undefined {
  const roles = new Set<'load' | 'unload' | 'charge'>();
  const roleActions: string[] = [];
  (p.actions ?? []).forEach((a, k) => {
    const role = ACTION_ROLE.get(a.actionType);
    if (role) {
      roles.add(role);
      roleActions.push(a.actionType);
    } else notes.notKeptAt('lif-node-action', `${path}.actions[${k}]`);
  });
  if (p.theta !== undefined) notes.notKeptAt('lif-theta', `${path}.theta`);
  const ext = p.smartGateTwin as unknown;
  let extRole: LaneNode['role'] | undefined;
  if (ext !== undefined) {
    if (!isObject(ext)) problems.push(schemaAt(`${path}.smartGateTwin`, 'must be an object'));
    else if (ext.role !== undefined) {
      if (typeof ext.role === 'string' && (ROLES as readonly string[]).includes(ext.role)) extRole = ext.role as LaneNode['role'];
      else problems.push(schemaAt(`${path}.smartGateTwin.role`, `must be one of ${ROLES.map((r) => JSON.stringify(r)).join(', ')}`));
    }
  }
  if (roles.size > 1 || (roles.size === 1 && extRole !== undefined && !roles.has(extRole as never))) {
    const actions = [...roleActions, ...(extRole ? [`smartGateTwin.role "${extRole}"`] : [])];
    problems.push(coded(`${path}.actions`, `actions of more than one role (${actions.join(', ')})`, { code: 'lif-role-actions', params: { actions } }));
    return undefined;
  }
  const [fromActions] = roles;
  return fromActions ?? extRole ?? (inStation ? 'park' : 'waypoint');
}

function laneWidth(p: LifVehicleTypeEdgeProperty, path: string, problems: Problem[], notes: ImportNotes, d: ImportDefaults): number {
  const ext = p.smartGateTwin as unknown;
  if (ext !== undefined && !isObject(ext)) {
    problems.push(schemaAt(`${path}.smartGateTwin`, 'must be an object'));
    return d.laneWidthM.value;
  }
  const w = isObject(ext) ? ext.laneWidthM : undefined;
  if (w === undefined) {
    notes.defaultAt('lane-width', path, String(d.laneWidthM.value), d.laneWidthM.source);
    return d.laneWidthM.value;
  }
  if (typeof w !== 'number' || !(w > 0)) problems.push(schemaAt(`${path}.smartGateTwin.laneWidthM`, 'must be a number > 0 (metres)'));
  return typeof w === 'number' ? w : d.laneWidthM.value;
}

/** Reads a LIF file's text into `base`'s lanes. */
export function lifToScene(source: string, base: Scene, options: LifImportOptions): LayoutImport {
  const read = readLif(source);
  if (!read.ok) return read;
  const { lif, text, tree } = read;
  const at = (p: Problem): Problem => ({ ...p, ...positionOf(text, tree, p.path) });
  const refuse = (problems: readonly Problem[]): LayoutImport => ({ ok: false, problems: problems.map(at) });

  const major = Number(lif.metaInformation.lifVersion.split('.')[0]);
  if (!(major === 0 || major === 1)) {
    const version = lif.metaInformation.lifVersion;
    return refuse([
      coded('metaInformation.lifVersion', `LIF ${version} is not read: this twin reads LIF 1.x`, { code: 'lif-version', params: { version } }),
    ]);
  }
  const layoutChoice = chooseLayout(lif.layouts, options.layoutId);
  if ('problem' in layoutChoice) return refuse([layoutChoice.problem]);
  const L = layoutChoice.index;
  const layout = lif.layouts[L]!;
  const lp = `layouts[${L}]`;
  const typeChoice = chooseVehicleType(layout, options.vehicleTypeId);
  if ('problem' in typeChoice) return refuse([{ ...typeChoice.problem, path: lp }]);
  const vehicleType = typeChoice.id;

  const problems: Problem[] = [];
  const notes = new ImportNotes();
  const d = options.defaults;

  // Nodes of this vehicle type (LIF.md 8.3.4: a node without a property for a type is not for that type).
  const nodeAt = new Map<string, { path: string; index: number }>();
  const picked: { n: LifNode; path: string; prop: number }[] = [];
  layout.nodes.forEach((n, j) => {
    const path = `${lp}.nodes[${j}]`;
    const prop = propertyOf(n.vehicleTypeNodeProperties, vehicleType, `${path}.vehicleTypeNodeProperties`, problems);
    if (prop < 0) return;
    const first = nodeAt.get(n.nodeId);
    if (first) {
      problems.push(
        coded(`${path}.nodeId`, `repeats the id "${n.nodeId}" of ${first.path}`, {
          code: 'import-duplicate-id',
          params: { id: n.nodeId, first: first.path },
        }),
      );
      return;
    }
    checkId(n.nodeId, `${path}.nodeId`, problems);
    nodeAt.set(n.nodeId, { path, index: picked.length });
    picked.push({ n, path, prop });
  });
  notes.leftOutAt(`${lp}.nodes`, layout.nodes.length - picked.length, vehicleType);

  // Stations: each names the facility its interaction nodes serve.
  const facilityIds = new Set(base.facilities.map((f) => f.id));
  const serves = new Map<string, { station: string; path: string }>();
  const stationAt = new Map<string, string>();
  layout.stations.forEach((s, k) => {
    const path = `${lp}.stations[${k}]`;
    const first = stationAt.get(s.stationId);
    if (first)
      problems.push(
        coded(`${path}.stationId`, `repeats the id "${s.stationId}" of ${first}`, { code: 'import-duplicate-id', params: { id: s.stationId, first } }),
      );
    stationAt.set(s.stationId, path);
    if (!facilityIds.has(s.stationId)) {
      problems.push(
        coded(`${path}.stationId`, `names no facility of the scene ("${s.stationId}"): a station is the facility its nodes serve`, {
          code: 'unknown-facility',
          params: { id: s.stationId },
        }),
      );
    }
    if (s.interactionNodeIds.length === 0) problems.push(schemaAt(`${path}.interactionNodeIds`, 'needs at least 1 item(s) (LIF.md 8.3.13)'));
    s.interactionNodeIds.forEach((id, m) => {
      const idPath = `${path}.interactionNodeIds[${m}]`;
      if (!nodeAt.has(id)) {
        problems.push(coded(idPath, `names no node of vehicle type "${vehicleType}" ("${id}")`, { code: 'unknown-node', params: { id } }));
        return;
      }
      const before = serves.get(id);
      if (before && before.station !== s.stationId) {
        problems.push(
          coded(idPath, `node "${id}" is already in ${before.path}: a twin node serves one facility`, {
            code: 'lif-node-in-two-stations',
            params: { id, first: before.path },
          }),
        );
        return;
      }
      serves.set(id, { station: s.stationId, path: idPath });
    });
  });

  const nodes: LaneNode[] = [];
  const nodeSource: string[] = [];
  for (const { n, path, prop } of picked) {
    const propPath = `${path}.vehicleTypeNodeProperties[${prop}]`;
    const served = serves.get(n.nodeId)?.station;
    const role = roleOf(n.vehicleTypeNodeProperties[prop]!, propPath, served !== undefined, problems, notes);
    if (role === undefined) continue;
    nodes.push({ id: n.nodeId, position: [n.nodePosition.x, n.nodePosition.y], role, ...(served === undefined ? {} : { serves: served }) });
    nodeSource.push(path);
  }

  // Edges of this vehicle type.
  const border = base.zone.border.line;
  const edges: LaneEdge[] = [];
  const edgeSource: string[] = [];
  const edgeAt = new Map<string, string>();
  const topSpeed = base.fleet.agv.maxSpeedMps;
  let leftOutEdges = 0;
  layout.edges.forEach((e: LifEdge, j) => {
    const path = `${lp}.edges[${j}]`;
    const prop = propertyOf(e.vehicleTypeEdgeProperties, vehicleType, `${path}.vehicleTypeEdgeProperties`, problems);
    if (prop < 0) {
      leftOutEdges++;
      return;
    }
    const first = edgeAt.get(e.edgeId);
    if (first) {
      problems.push(coded(`${path}.edgeId`, `repeats the id "${e.edgeId}" of ${first}`, { code: 'import-duplicate-id', params: { id: e.edgeId, first } }));
      return;
    }
    edgeAt.set(e.edgeId, path);
    checkId(e.edgeId, `${path}.edgeId`, problems);
    const a = nodeAt.get(e.startNodeId);
    const b = nodeAt.get(e.endNodeId);
    for (const [field, id, found] of [
      ['startNodeId', e.startNodeId, a],
      ['endNodeId', e.endNodeId, b],
    ] as const) {
      if (!found)
        problems.push(
          coded(`${path}.${field}`, `names no node of vehicle type "${vehicleType}" in this layout ("${id}")`, { code: 'unknown-node', params: { id } }),
        );
    }
    const p = e.vehicleTypeEdgeProperties[prop]!;
    const propPath = `${path}.vehicleTypeEdgeProperties[${prop}]`;
    noteEdgeExtras(p, propPath, notes);
    const widthM = laneWidth(p, propPath, problems, notes, d);
    let speedLimitMps = p.maxSpeed;
    if (speedLimitMps === undefined) {
      // LIF: no maxSpeed means no limitation, which for the twin is the AGV's own top speed.
      speedLimitMps = topSpeed.value;
      notes.defaultAt('speed-limit', propPath, String(topSpeed.value), `no limit in LIF: the AGV's top speed, fleet.agv.maxSpeedMps (${topSpeed.source})`);
    } else if (!(speedLimitMps > 0)) problems.push(schemaAt(`${propPath}.maxSpeed`, 'must be > 0 (m/s)'));
    if (!a || !b) return;
    const from = picked[a.index]!.n.nodePosition;
    const to = picked[b.index]!.n.nodePosition;
    edges.push({
      id: e.edgeId,
      from: e.startNodeId,
      to: e.endNodeId,
      widthM,
      speedLimitMps,
      crossBorder: segmentCrossesPolyline([from.x, from.y], [to.x, to.y], border),
    });
    edgeSource.push(path);
  });
  notes.leftOutAt(`${lp}.edges`, leftOutEdges, vehicleType);
  if (problems.length > 0) return refuse(problems);

  const shaped = Scene.safeParse({ ...base, lanes: { nodes, edges } });
  // The checks above keep the lanes well-shaped; should one slip through, it is refused here, not saved.
  if (!shaped.success) return refuse(zodProblems(shaped.error).map((p) => ({ ...p, path: sourcePath(p.path, nodeSource, edgeSource)?.path ?? p.path })));
  const scene = shaped.data;
  const check: CheckedProblem[] = checkScene(scene).map((problem) => {
    const from = sourcePath(problem.path, nodeSource, edgeSource);
    return from ? { problem, at: { path: from.path, ...positionOf(text, tree, from.path) } } : { problem };
  });
  return {
    ok: true,
    scene,
    check,
    notes: notes.list().map(at),
    counts: { nodes: nodes.length, edges: edges.length },
    summary: `${nodes.length} nodes, ${edges.length} edges, ${new Set([...serves.values()].map((v) => v.station)).size} stations from layout "${layout.layoutId}" for vehicle type "${vehicleType}"`,
  };
}

/** `lanes.edges[4].widthM` → the edge it came from in the file. */
function sourcePath(scenePath: string, nodeSource: readonly string[], edgeSource: readonly string[]): { path: string } | undefined {
  const m = /^lanes\.(nodes|edges)\[(\d+)\]/.exec(scenePath);
  if (!m) return undefined;
  const path = (m[1] === 'nodes' ? nodeSource : edgeSource)[Number(m[2])];
  return path === undefined ? undefined : { path };
}
