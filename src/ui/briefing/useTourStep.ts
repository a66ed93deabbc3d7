import { useEffect, useState } from 'react';
import type { PlannedStop } from './tourPlan';

/** The tour stop on screen: each stays its dwell, then the next, looping forever; the clock stops while paused. */
export function useTourStep(plan: readonly PlannedStop[], running: boolean): PlannedStop | undefined {
  const [step, setStep] = useState(0);
  const stop = plan.length > 0 ? plan[step % plan.length] : undefined;
  const dwellMs = (stop?.dwellS ?? 0) * 1000;
  useEffect(() => {
    if (!running || plan.length === 0) return;
    const id = setTimeout(() => setStep((s) => (s + 1) % plan.length), dwellMs);
    return () => clearTimeout(id);
  }, [plan, step, dwellMs, running]);
  return stop;
}
