/**
 * Which lane nodes a route passes a checkpoint through: for each barrier and scanner bay of the scene, the lane
 * nodes inside its footprint and the far node of every lane edge that crosses it (an AGV on that edge has driven
 * through the checkpoint by the time it reaches that node). A route through one of these nodes is blocked while
 * the checkpoint is out of service.
 */
import { footprintCorners, pointInConvex, polylineTouchesConvex } from '../../domain/geometry';
import type { Scene } from '../../domain/sceneSchema';
import { CHECKPOINT_KINDS } from '../../telemetry/alerts/checkpoints';

export function checkpointNodes(scene: Scene): Map<string, number[]> {
  const { nodes, edges } = scene.lanes;
  const index = new Map(nodes.map((n, k) => [n.id, k]));
  const out = new Map<string, number[]>();
  for (const f of scene.facilities) {
    if (!CHECKPOINT_KINDS.includes(f.kind)) continue;
    const corners = footprintCorners(f.footprint);
    const hit = new Set<number>();
    nodes.forEach((n, k) => pointInConvex(n.position, corners) && hit.add(k));
    for (const e of edges) {
      const a = index.get(e.from);
      const b = index.get(e.to);
      if (a === undefined || b === undefined) continue;
      if (polylineTouchesConvex([nodes[a]!.position, nodes[b]!.position], corners)) hit.add(b);
    }
    if (hit.size > 0)
      out.set(
        f.id,
        [...hit].sort((x, y) => x - y),
      );
  }
  return out;
}
