import type { PlanGraph } from '../PlanGraph';

/**
 * Costs of a one-shot MAPF solution, with paths as `paths[i][t]` = agent i's vertex at step t. Padding at the goal
 * after the last arrival changes none of them, so padded (LaCAM) and trimmed (refiner) paths measure the same.
 */

/** Step of agent i's last arrival at its goal: its share of the sum of costs (SOC). */
export function pathCost(path: Int32Array, goal: number): number {
  let t = path.length - 1;
  while (t > 0 && path[t - 1] === goal) t--;
  return t;
}

export function sumOfCosts(paths: readonly Int32Array[], goals: Int32Array): number {
  let soc = 0;
  for (let i = 0; i < paths.length; i++) soc += pathCost(paths[i]!, goals[i]!);
  return soc;
}

/**
 * LaCAM3's sum of loss: for each agent and step t ≥ 1, one unless the agent was at its goal at t − 1 and still is
 * at t. At most the sum of costs: an agent that reaches its goal, waits there and leaves again is not charged the
 * wait.
 */
export function sumOfLoss(paths: readonly Int32Array[], goals: Int32Array): number {
  let loss = 0;
  for (let i = 0; i < paths.length; i++) loss += pathLoss(paths[i]!, goals[i]!);
  return loss;
}

/** One agent's share of the sum of loss. */
export function pathLoss(path: Int32Array, goal: number): number {
  const end = pathCost(path, goal);
  let loss = 0;
  for (let t = 1; t <= end; t++) if (path[t - 1] !== goal || path[t] !== goal) loss++;
  return loss;
}

export function makespanOf(paths: readonly Int32Array[], goals: Int32Array): number {
  let m = 0;
  for (let i = 0; i < paths.length; i++) m = Math.max(m, pathCost(paths[i]!, goals[i]!));
  return m;
}

/** The path cut after its last arrival at the goal (a copy). */
export function trimmedPath(path: Int32Array, goal: number): Int32Array {
  return path.slice(0, pathCost(path, goal) + 1);
}

/** Agent i's vertex at step t, at its path's last vertex once the path has ended. */
function at(path: Int32Array, t: number): number {
  return path[Math.min(t, path.length - 1)]!;
}

/**
 * The first thing wrong with a solution, or undefined when it is valid: every path runs from its start to its goal
 * along graph edges (or waits), no two agents share a vertex at a step (an ended path rests at its last vertex
 * forever), and no two agents trade vertices in one step. For tests and the command line; O(agents × makespan).
 */
export function solutionError(graph: PlanGraph, starts: Int32Array, goals: Int32Array, paths: readonly Int32Array[]): string | undefined {
  const n = starts.length;
  if (paths.length !== n) return `${paths.length} paths for ${n} agents`;
  let horizon = 0;
  for (let i = 0; i < n; i++) {
    const p = paths[i]!;
    if (p.length === 0) return `agent ${i} has an empty path`;
    if (p[0] !== starts[i]) return `agent ${i} starts at ${p[0]}, not ${starts[i]}`;
    if (p[p.length - 1] !== goals[i]) return `agent ${i} ends at ${p[p.length - 1]}, not ${goals[i]}`;
    for (let t = 1; t < p.length; t++) {
      const u = p[t - 1]!;
      const v = p[t]!;
      if (u === v) continue;
      let edge = false;
      for (let k = graph.offsets[u]!; k < graph.offsets[u + 1]! && !edge; k++) edge = graph.targets[k] === v;
      if (!edge) return `agent ${i} jumps ${u} → ${v} at step ${t}`;
    }
    horizon = Math.max(horizon, p.length);
  }
  // who[v] / before[v]: the agent on v at step t / t − 1, stamped by step so nothing is cleared.
  let who = new Int32Array(graph.nodeCount).fill(-1);
  let before = new Int32Array(graph.nodeCount).fill(-1);
  let whoStep = new Int32Array(graph.nodeCount).fill(-1);
  let beforeStep = new Int32Array(graph.nodeCount).fill(-1);
  for (let t = 0; t < horizon; t++) {
    for (let i = 0; i < n; i++) {
      const v = at(paths[i]!, t);
      if (whoStep[v] === t) return `agents ${who[v]} and ${i} both at ${v} at step ${t}`;
      who[v] = i;
      whoStep[v] = t;
    }
    if (t > 0) {
      for (let i = 0; i < n; i++) {
        const u = at(paths[i]!, t - 1);
        const v = at(paths[i]!, t);
        if (u === v || beforeStep[v] !== t - 1) continue;
        const j = before[v]!;
        if (whoStep[u] === t && who[u] === j) return `agents ${i} and ${j} swap ${u} ↔ ${v} at step ${t}`;
      }
    }
    [who, before] = [before, who];
    [whoStep, beforeStep] = [beforeStep, whoStep];
  }
  return undefined;
}
