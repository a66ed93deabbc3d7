import type { Problem } from '../problem';
import type { Scene } from '../sceneSchema';

function duplicates(items: readonly { id: string }[], prefix: string, what: string, out: Problem[]): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, i);
    else out.push({ path: `${prefix}[${i}].id`, message: `duplicate ${what} id "${item.id}" (first at ${prefix}[${seen}])` });
  });
}

/** Unique ids (and map ids), and every reference (edge ends, served facilities) naming something that exists. */
export function checkIds(scene: Scene): Problem[] {
  const out: Problem[] = [];
  duplicates(scene.facilities, 'facilities', 'facility', out);
  duplicates(scene.lanes.nodes, 'lanes.nodes', 'node', out);
  duplicates(scene.lanes.edges, 'lanes.edges', 'edge', out);
  duplicates(scene.truckRoutes, 'truckRoutes', 'route', out);
  duplicates(scene.views, 'views', 'view', out);
  const maps = new Map<string, number>();
  scene.telemetry?.maps.forEach((m, i) => {
    const seen = maps.get(m.mapId);
    if (seen === undefined) maps.set(m.mapId, i);
    else out.push({ path: `telemetry.maps[${i}].mapId`, message: `duplicate mapId "${m.mapId}" (first at telemetry.maps[${seen}])` });
  });

  const nodes = new Set(scene.lanes.nodes.map((n) => n.id));
  const facilities = new Map(scene.facilities.map((f) => [f.id, f]));
  const pairs = new Map<string, number>();
  scene.lanes.edges.forEach((e, i) => {
    if (!nodes.has(e.from)) out.push({ path: `lanes.edges[${i}].from`, message: `names no node ("${e.from}")` });
    if (!nodes.has(e.to)) out.push({ path: `lanes.edges[${i}].to`, message: `names no node ("${e.to}")` });
    if (e.from === e.to) out.push({ path: `lanes.edges[${i}].to`, message: 'an edge must join two different nodes' });
    const key = `${e.from}\u0000${e.to}`;
    const seen = pairs.get(key);
    if (seen !== undefined) out.push({ path: `lanes.edges[${i}]`, message: `repeats lanes.edges[${seen}] (${e.from} → ${e.to})` });
    else pairs.set(key, i);
  });
  scene.lanes.nodes.forEach((n, i) => {
    if (n.serves !== undefined && !facilities.has(n.serves)) {
      out.push({ path: `lanes.nodes[${i}].serves`, message: `names no facility ("${n.serves}")` });
    }
  });
  scene.facilities.forEach((f, i) => {
    if (f.kind !== 'crane') return;
    const target = facilities.get(f.serves);
    if (!target) out.push({ path: `facilities[${i}].serves`, message: `names no facility ("${f.serves}")` });
    else if (target.kind !== 'import-storage' && target.kind !== 'export-storage') {
      out.push({ path: `facilities[${i}].serves`, message: `must name a storage facility, "${f.serves}" is a ${target.kind}` });
    }
  });
  return out;
}
