import type { Problem } from '../problem';
import type { Scene } from '../sceneSchema';

/** What a selection or a problem can point at in the layout. */
export type Subject =
  { readonly kind: 'facility'; readonly id: string } | { readonly kind: 'node'; readonly id: string } | { readonly kind: 'edge'; readonly id: string };

/** A checker problem with the things it names, first the one its path is on. */
export interface LocatedProblem extends Problem {
  readonly subjects: readonly Subject[];
}

const REF = /(facilities|lanes\.nodes|lanes\.edges)\[(\d+)\]/g;

/**
 * The facilities, lane nodes and edges a problem names: the one at its path (`facilities[3].footprint`) and any
 * other its message refers to by index (an overlap names the second facility as `facilities[1]`). Resolved
 * against the scene the checker ran on, since the indices are that scene's.
 */
export function problemSubjects(scene: Scene, problem: Problem): Subject[] {
  const out: Subject[] = [];
  const add = (s: Subject | undefined) => {
    if (s && !out.some((o) => o.kind === s.kind && o.id === s.id)) out.push(s);
  };
  for (const text of [problem.path, problem.message]) {
    for (const m of text.matchAll(REF)) {
      const i = Number(m[2]);
      if (m[1] === 'facilities') add(scene.facilities[i] && { kind: 'facility', id: scene.facilities[i].id });
      else if (m[1] === 'lanes.nodes') add(scene.lanes.nodes[i] && { kind: 'node', id: scene.lanes.nodes[i].id });
      else add(scene.lanes.edges[i] && { kind: 'edge', id: scene.lanes.edges[i].id });
    }
  }
  return out;
}

export function locateProblems(scene: Scene, problems: readonly Problem[]): LocatedProblem[] {
  return problems.map((p) => ({ ...p, subjects: problemSubjects(scene, p) }));
}
