/**
 * The parameters of a generated layout (`npm run layout`, the engineering console's *New variant…*), their
 * defaults and their checks. Per-yard numbers come as one value for every yard or four: Vietnamese import,
 * Vietnamese export, Chinese import, Chinese export yard.
 */

export const CORRIDORS = ['one-way', 'two-way', 'loop'] as const;
export type Corridor = (typeof CORRIDORS)[number];

/** The four yards a layout has, in the order per-yard numbers are given. */
export const YARD_KEYS = ['vnImport', 'vnExport', 'cnImport', 'cnExport'] as const;
export type YardKey = (typeof YARD_KEYS)[number];
export type PerYard = Readonly<Record<YardKey, number>>;

export interface LayoutParams {
  /** The variant name: the file name under scenes/<zone>/ and the scene's `variant`. */
  readonly variant: string;
  /** Yards per flow and side; the simulation sends a flow's trucks to one yard a side, so 1. */
  readonly yards: number;
  readonly cranesPerYard: PerYard;
  /** Truck loading slots per yard. */
  readonly slots: PerYard;
  /** Handover bays beside the work lane under each crane; 0 puts the crane's stop on the lane itself. */
  readonly handoverBays: number;
  /**
   * one-way: one work lane past every crane on each side and one lane each way between the sides; loop: the same
   * plus a crossover after each yard back to the return lane; two-way: one-way plus a second, passing lane each way.
   */
  readonly corridor: Corridor;
  /** Lanes of every scanner bay. */
  readonly scannerLanes: number;
  readonly agvs: number;
  readonly parkBays: number;
  readonly chargeBays: number;
}

export const perYard = (n: number): PerYard => ({ vnImport: n, vnExport: n, cnImport: n, cnExport: n });

/** Defaults: the shipped proposed layouts' choices, with bays and a loop; parking for every AGV. */
export function defaultLayoutParams(agvs = 40): LayoutParams {
  return {
    variant: 'variant',
    yards: 1,
    cranesPerYard: perYard(2),
    slots: perYard(8),
    handoverBays: 1,
    corridor: 'loop',
    scannerLanes: 1,
    agvs,
    parkBays: agvs,
    chargeBays: Math.max(1, Math.ceil(agvs / 8)),
  };
}

/** Bays per crane the generator can draw without one bay's traffic crossing another's. */
export const MAX_HANDOVER_BAYS = 1;

const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/** Every problem with the parameters, each naming the parameter; empty when they can be laid out. */
export function layoutParamProblems(p: LayoutParams): string[] {
  const bad: string[] = [];
  if (!/^[a-z0-9][a-z0-9-]*$/.test(p.variant)) bad.push(`variant: lower-case letters, digits and - (got "${p.variant}")`);
  if (p.yards !== 1)
    bad.push(
      `yards: the simulation sends each flow's trucks to one yard a side, so 1 (got ${p.yards}); more cranes (cranes-per-yard) and slots give a yard more capacity`,
    );
  for (const k of YARD_KEYS) {
    if (!whole(p.cranesPerYard[k], 1, 12)) bad.push(`cranes-per-yard (${k}): a whole number from 1 to 12 (got ${p.cranesPerYard[k]})`);
    if (!whole(p.slots[k], 1, 60)) bad.push(`slots (${k}): a whole number from 1 to 60 (got ${p.slots[k]})`);
  }
  if (!whole(p.handoverBays, 0, MAX_HANDOVER_BAYS))
    bad.push(
      `handover-bays: 0 or 1 (got ${p.handoverBays}); a second bay under a crane would be entered across the first, its AGV's path sweeping the AGV standing there`,
    );
  if (!CORRIDORS.includes(p.corridor)) bad.push(`corridor: one of ${CORRIDORS.join(', ')} (got ${String(p.corridor)})`);
  if (!whole(p.scannerLanes, 1, 6)) bad.push(`scanner-lanes: a whole number from 1 to 6 (got ${p.scannerLanes})`);
  if (!whole(p.agvs, 1, 400)) bad.push(`agvs: a whole number from 1 to 400 (got ${p.agvs})`);
  if (!whole(p.parkBays, 0, 400)) bad.push(`park-bays: a whole number from 0 to 400 (got ${p.parkBays})`);
  if (!whole(p.chargeBays, 1, 60)) bad.push(`charge-bays: a whole number from 1 to 60 (got ${p.chargeBays})`);
  return bad;
}
