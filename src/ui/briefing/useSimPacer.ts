import { useEffect } from 'react';
import type { SimSource } from '../../telemetry/SimSource';

/**
 * Drives every zone's simulation from one animation-frame loop, whether or not its zone is on screen (the 3D view
 * shows one zone at a time and is given frames only, so nothing is stepped twice). Stops while `running` is false.
 */
export function useSimPacer(sources: readonly (SimSource | undefined)[], running: boolean, maxStepS: number): void {
  useEffect(() => {
    if (!running) return;
    let last = performance.now();
    let id = requestAnimationFrame(function tick(now: number) {
      const dt = Math.min(Math.max(0, now - last) / 1000, maxStepS);
      last = now;
      for (const s of sources) s?.step(dt);
      id = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(id);
  }, [sources, running, maxStepS]);
}
