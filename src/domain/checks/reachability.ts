import { buildLaneGraph, reachable } from '../laneGraph';
import { coded, type Problem } from '../problem';
import type { Scene } from '../sceneSchema';
import { sideOf } from './sides';

/**
 * Every storage area and crane has a lane node serving it, and from that node an AGV can go to and come back
 * from both sides of the border: it lies on a round trip with some Vietnamese node and some Chinese node.
 * Every charging area has a node serving it on a round trip with the rest of its own side. And every piece of
 * lane is part of the network the AGVs work on ({@link checkStranded}).
 */
export function checkReachability(scene: Scene): Problem[] {
  const out: Problem[] = [];
  const graph = buildLaneGraph(scene.lanes.nodes, scene.lanes.edges);
  out.push(...checkStranded(scene, graph));
  const nodeSide = scene.lanes.nodes.map((n) => sideOf(scene, n.position));

  const roundTripSides = (start: number): Set<string> => {
    const fwd = reachable(graph.out, [start]);
    const back = reachable(graph.into, [start]);
    const sides = new Set<string>();
    for (let k = 0; k < fwd.length; k++) {
      const side = nodeSide[k];
      if (k !== start && fwd[k] && back[k] && side) sides.add(side);
    }
    return sides;
  };

  scene.facilities.forEach((f, i) => {
    const needs: readonly ('VN' | 'CN')[] | undefined =
      f.kind === 'import-storage' || f.kind === 'export-storage' || f.kind === 'crane' ? ['VN', 'CN'] : f.kind === 'agv-charging' ? [f.side] : undefined;
    if (!needs) return;
    const servers = scene.lanes.nodes.flatMap((n, k) => (n.serves === f.id ? [k] : []));
    if (servers.length === 0) {
      out.push(
        coded(`facilities[${i}]`, `no AGV lane node serves "${f.id}" (set "serves" on a lane node inside it)`, {
          code: 'facility-unserved',
          params: { id: f.id },
        }),
      );
      return;
    }
    const sides = new Set<string>();
    for (const k of servers) for (const s of roundTripSides(k)) sides.add(s);
    const missing = needs.filter((s) => !sides.has(s));
    if (missing.length > 0) {
      out.push(
        coded(`facilities[${i}]`, `"${f.id}" cannot be reached by AGV lanes (there and back) from the ${missing.join(' and ')} side`, {
          code: 'facility-unreachable',
          params: { id: f.id, sides: missing },
        }),
      );
    }
  });
  return out;
}

/**
 * Lane pieces no AGV can use: an edge no AGV can get onto from a work node (one serving a facility: a yard, a
 * crane, a charging area), or from whose end no AGV can get back to one; and a node no edge joins (a work node
 * joined to nothing is said of its facility). An AGV sent
 * there is lost to the fleet, and the planner would count the piece as network it is not. Without any work node
 * (a layout with no AGVs yet) there is no network to belong to, and nothing is said.
 *
 * @example
 *   // two nodes joined by one edge and nothing else: `lanes.edges[85]: lane a → b is cut off from the AGV network …`
 */
function checkStranded(scene: Scene, graph: ReturnType<typeof buildLaneGraph>): Problem[] {
  const out: Problem[] = [];
  const work = scene.lanes.nodes.flatMap((n, k) => (n.serves !== undefined && graph.indexOf.get(n.id) === k ? [k] : []));
  if (work.length === 0) return out;
  const reached = reachable(graph.out, work);
  const returns = reachable(graph.into, work);
  const joined = new Uint8Array(scene.lanes.nodes.length);
  scene.lanes.edges.forEach((e, i) => {
    const a = graph.indexOf.get(e.from);
    const b = graph.indexOf.get(e.to);
    if (a === undefined || b === undefined) return; // an edge naming no node is reported by checkIds
    joined[a] = joined[b] = 1;
    const noWayIn = !reached[a];
    const noWayOut = !returns[b];
    if (!noWayIn && !noWayOut) return;
    const way = noWayIn && noWayOut ? 'both' : noWayIn ? 'in' : 'out';
    const what =
      way === 'both'
        ? 'no AGV can reach it from the network or leave it back to the network'
        : way === 'in'
          ? 'no AGV can reach it from the network'
          : `no AGV can get back to the network from ${e.to}`;
    out.push(
      coded(`lanes.edges[${i}]`, `lane ${e.from} → ${e.to} is cut off from the AGV network (${what})`, {
        code: 'lane-stranded',
        params: { from: e.from, to: e.to, way },
      }),
    );
  });
  scene.lanes.nodes.forEach((n, k) => {
    // A work node joined to nothing leaves its facility unreachable, which is said of the facility.
    if (joined[k] || n.serves !== undefined || graph.indexOf.get(n.id) !== k) return;
    out.push(coded(`lanes.nodes[${k}]`, `no lane joins node ${n.id}: no AGV can reach it`, { code: 'node-unjoined', params: { id: n.id } }));
  });
  return out;
}
