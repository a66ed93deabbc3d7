/**
 * A proposal's ghost routes as flat line segments in the zone frame, and where its holds are: built when the shown
 * proposal or the prediction round changes (about once a second), never per frame. Pure.
 */
import type { ProposalView } from '../../store/traffic/trafficStore';

export interface GhostGeometry {
  /** x1, y1, x2, y2 per segment (zone frame, m): every ghost route's samples joined, gaps (NaN) left open. */
  readonly segments: number[];
  /** Where each held AGV waits, with the gate-clock second it waits until. */
  readonly holds: { readonly agv: string; readonly x: number; readonly y: number; readonly untilS: number }[];
}

/** Lane node positions by lane node id (zone frame, m). */
export type NodeById = ReadonlyMap<string, readonly [number, number] | readonly number[]>;

export function proposalGhosts(p: Extract<ProposalView, { ok: true }>, nodes: NodeById): GhostGeometry {
  const segments: number[] = [];
  for (const g of p.ghosts) {
    for (let k = 1; k < g.px.length; k++) {
      const x0 = g.px[k - 1]!;
      const y0 = g.py[k - 1]!;
      const x1 = g.px[k]!;
      const y1 = g.py[k]!;
      // A standing AGV's samples repeat: one segment of zero length says nothing and costs a draw.
      if (Number.isNaN(x0) || Number.isNaN(x1) || (x0 === x1 && y0 === y1)) continue;
      segments.push(x0, y0, x1, y1);
    }
  }
  const holds = p.holds.flatMap((h) => {
    const at = nodes.get(h.nodeId);
    return at ? [{ agv: h.agv, x: at[0]!, y: at[1]!, untilS: h.untilS }] : [];
  });
  return { segments, holds };
}
