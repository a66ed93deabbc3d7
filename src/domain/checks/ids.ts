import { coded, type Problem } from '../problem';
import type { IdOwner } from './checkCode';
import type { Scene } from '../sceneSchema';

function duplicates(items: readonly { id: string }[], prefix: string, owner: IdOwner, out: Problem[]): void {
  const firstAt = new Map<string, number>();
  items.forEach((item, i) => {
    const seen = firstAt.get(item.id);
    if (seen === undefined) firstAt.set(item.id, i);
    else {
      const first = `${prefix}[${seen}]`;
      out.push(
        coded(`${prefix}[${i}].id`, `duplicate ${owner} id "${item.id}" (first at ${first})`, {
          code: 'duplicate-id',
          params: { owner, id: item.id, first },
        }),
      );
    }
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
    else {
      const first = `telemetry.maps[${seen}]`;
      out.push(
        coded(`telemetry.maps[${i}].mapId`, `duplicate mapId "${m.mapId}" (first at ${first})`, {
          code: 'duplicate-map-id',
          params: { id: m.mapId, first },
        }),
      );
    }
  });

  const nodes = new Set(scene.lanes.nodes.map((n) => n.id));
  const facilities = new Map(scene.facilities.map((f) => [f.id, f]));
  const pairs = new Map<string, number>();
  scene.lanes.edges.forEach((e, i) => {
    if (!nodes.has(e.from)) out.push(coded(`lanes.edges[${i}].from`, `names no node ("${e.from}")`, { code: 'unknown-node', params: { id: e.from } }));
    if (!nodes.has(e.to)) out.push(coded(`lanes.edges[${i}].to`, `names no node ("${e.to}")`, { code: 'unknown-node', params: { id: e.to } }));
    if (e.from === e.to) out.push(coded(`lanes.edges[${i}].to`, 'an edge must join two different nodes', { code: 'edge-loop', params: {} }));
    const key = `${e.from}\u0000${e.to}`;
    const seen = pairs.get(key);
    if (seen !== undefined) {
      const first = `lanes.edges[${seen}]`;
      out.push(coded(`lanes.edges[${i}]`, `repeats ${first} (${e.from} → ${e.to})`, { code: 'edge-repeated', params: { first, from: e.from, to: e.to } }));
    } else pairs.set(key, i);
  });
  scene.lanes.nodes.forEach((n, i) => {
    if (n.serves !== undefined && !facilities.has(n.serves)) {
      out.push(coded(`lanes.nodes[${i}].serves`, `names no facility ("${n.serves}")`, { code: 'unknown-facility', params: { id: n.serves } }));
    }
  });
  scene.facilities.forEach((f, i) => {
    if (f.kind !== 'crane') return;
    const target = facilities.get(f.serves);
    if (!target) out.push(coded(`facilities[${i}].serves`, `names no facility ("${f.serves}")`, { code: 'unknown-facility', params: { id: f.serves } }));
    else if (target.kind !== 'import-storage' && target.kind !== 'export-storage') {
      out.push(
        coded(`facilities[${i}].serves`, `must name a storage facility, "${f.serves}" is a ${target.kind}`, {
          code: 'crane-serves-non-storage',
          params: { id: f.serves, kind: target.kind },
        }),
      );
    }
  });
  return out;
}
