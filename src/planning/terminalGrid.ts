import type { LaneEdge, LaneNode } from '../domain/sceneSchema';

export interface TerminalGridSize {
  /** East–west lanes; even, so the outer lanes run round the grid as one loop. */
  readonly rows: number;
  /** North–south lanes; even for the same reason. */
  readonly columns: number;
  /** Distance between neighbouring lanes, metres. */
  readonly blockM: number;
}

/**
 * A generated AGV area laid out like those of automated container terminals (Rotterdam's Maasvlakte II, Qingdao,
 * Tianjin): a grid of one-way lanes with alternating directions, east–west lanes between the quay cranes and the
 * yard blocks crossed by north–south lanes between the blocks. With an even number of lanes each way the outer
 * four form one anticlockwise loop and the whole grid is strongly connected. The planner benchmark uses it for
 * fleets of 100–1,000 AGVs, more than the real 1119–1120 corridor holds (about 350 AGVs of 15.6 m with clearance).
 *
 * @example
 *   const { nodes, edges } = terminalGrid({ rows: 10, columns: 20, blockM: 60 });
 *   const cells = laneCells(nodes, edges, 20);
 */
export function terminalGrid(size: TerminalGridSize): { nodes: LaneNode[]; edges: LaneEdge[] } {
  const { rows, columns, blockM } = size;
  if (rows < 2 || columns < 2 || rows % 2 !== 0 || columns % 2 !== 0) {
    throw new Error(`terminalGrid: rows and columns must be even and ≥ 2, got ${rows} × ${columns}`);
  }
  const id = (r: number, c: number) => `x${r}-${c}`;
  const nodes: LaneNode[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) nodes.push({ id: id(r, c), position: [c * blockM, r * blockM], role: 'waypoint' });
  }
  const edges: LaneEdge[] = [];
  const lane = (from: string, to: string) => edges.push({ id: `${from}:${to}`, from, to, widthM: 5, speedLimitMps: 6.94, crossBorder: false });
  // Row 0 (south) runs east, row 1 west, …; column 0 (west) runs south, column 1 north, ….
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c + 1 < columns; c++) {
      if (r % 2 === 0) lane(id(r, c), id(r, c + 1));
      else lane(id(r, c + 1), id(r, c));
    }
  }
  for (let c = 0; c < columns; c++) {
    for (let r = 0; r + 1 < rows; r++) {
      if (c % 2 === 0) lane(id(r + 1, c), id(r, c));
      else lane(id(r, c), id(r + 1, c));
    }
  }
  return { nodes, edges };
}
