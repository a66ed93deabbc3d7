/**
 * An experiment's finished jobs reduced to what an engineer decides on: per layout and fleet size, cleared/day
 * with its 95 % interval over the seeds done (as a study point), the cranes and the cost of the point; the points
 * no other point beats on every count at once (the Pareto front: fewer or as many AGVs, fewer or as many cranes,
 * as many or more cleared, and better on one); and the cheapest point that reaches the target. A point's cleared
 * figure is the lower bound of its interval when it has two seeds or more, else its mean, as the study's
 * smallest fleet is chosen (src/sim/study/runStudy.ts).
 *
 * @example
 *   const s = summariseExperiment(layouts, spec, records);
 *   s.cheapest; // { layout: 'x2', agvs: 60, cranes: 21, cost: 120, … } or undefined: no point reaches the target
 */
import experiment from '../../../data/experiment.json' with { type: 'json' };
import type { Scene } from '../../domain/sceneSchema';
import type { ReplicationResult } from '../study/runReplication';
import { summarisePoint, type PointResult } from '../study/summarisePoint';
import type { ExperimentLayout, ExperimentSpec } from './experiment';
import type { JobRecord } from './runExperiment';

export interface ExperimentPoint {
  readonly layout: string;
  readonly label: string;
  readonly agvs: number;
  readonly cranes: number;
  /** AGVs and cranes at data/experiment.json's unit costs, USD million. */
  readonly cost: number;
  /** Seeds done at this point; its figures are over these. */
  readonly seeds: number;
  readonly point: PointResult;
  /** The figure a point is judged on: the 95 % interval's lower bound (two seeds or more), else the mean. */
  readonly cleared: number;
  readonly reaches: boolean;
  readonly pareto: boolean;
}

export interface ExperimentSummary {
  readonly points: readonly ExperimentPoint[];
  /** The cheapest point that reaches the target (fewer AGVs on a tie); undefined when none does. */
  readonly cheapest?: ExperimentPoint;
  readonly runsDone: number;
  readonly failed: number;
}

export const cranesOf = (scene: Scene): number => scene.facilities.filter((f) => f.kind === 'crane').length;

export const pointCost = (agvs: number, cranes: number): number =>
  Number((agvs * experiment.cost.agvUnit.value + cranes * experiment.cost.craneUnit.value).toFixed(3));

/** True when `a` is at least as good as `b` on every count and better on one. */
type Counts = Pick<ExperimentPoint, 'agvs' | 'cranes' | 'cleared'>;

function dominates(a: Counts, b: Counts): boolean {
  const asGood = a.agvs <= b.agvs && a.cranes <= b.cranes && a.cleared >= b.cleared;
  return asGood && (a.agvs < b.agvs || a.cranes < b.cranes || a.cleared > b.cleared);
}

export function summariseExperiment(layouts: readonly ExperimentLayout[], spec: ExperimentSpec, records: readonly JobRecord[]): ExperimentSummary {
  const points: Omit<ExperimentPoint, 'pareto'>[] = [];
  for (const layout of layouts) {
    const cranes = cranesOf(layout.scene);
    for (const agvs of spec.agvs) {
      const reps: ReplicationResult[] = records
        .filter((r) => r.result && r.job.layout === layout.id && r.job.agvs === agvs)
        .sort((a, b) => a.job.seed - b.job.seed)
        .map((r) => r.result!);
      if (reps.length === 0) continue;
      const point = summarisePoint(spec.vehiclesPerDay, agvs, reps);
      const cleared = point.clearedPerDay.low ?? point.clearedPerDay.mean;
      points.push({
        layout: layout.id,
        label: layout.label,
        agvs,
        cranes,
        cost: pointCost(agvs, cranes),
        seeds: reps.length,
        point,
        cleared,
        reaches: cleared >= spec.target,
      });
    }
  }
  const marked = points.map((p) => ({ ...p, pareto: !points.some((q) => dominates(q, p)) }));
  const cheapest = marked.filter((p) => p.reaches).sort((a, b) => a.cost - b.cost || a.agvs - b.agvs || b.cleared - a.cleared)[0];
  return {
    points: marked,
    ...(cheapest ? { cheapest } : {}),
    runsDone: records.filter((r) => r.result).length,
    failed: records.filter((r) => r.error !== undefined).length,
  };
}
