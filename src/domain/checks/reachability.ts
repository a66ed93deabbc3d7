import { buildLaneGraph, reachable } from '../laneGraph';
import { coded, type Problem } from '../problem';
import type { Scene } from '../sceneSchema';
import { sideOf } from './sides';

/**
 * Every storage area and crane has a lane node serving it, and from that node an AGV can go to and come back
 * from both sides of the border: it lies on a round trip with some Vietnamese node and some Chinese node.
 * Every charging area has a node serving it on a round trip with the rest of its own side.
 */
export function checkReachability(scene: Scene): Problem[] {
  const out: Problem[] = [];
  const graph = buildLaneGraph(scene.lanes.nodes, scene.lanes.edges);
  const nodeSide = scene.lanes.nodes.map((n) => sideOf(scene, n.position));

  const roundTripSides = (start: number): Set<string> => {
    const fwd = reachable(graph.out, start);
    const back = reachable(graph.into, start);
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
