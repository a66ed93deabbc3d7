import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Scene } from '../../domain/sceneSchema';
import type { SimSource } from '../../telemetry/SimSource';
import { BRIEFING, BRIEFING_SIM } from './briefingSettings';
import { useBriefingServices, type ZoneController } from './briefingServices';

const NONE = { source: undefined, error: undefined };
const noSubscription = () => () => undefined;
const nothing = () => NONE;

/**
 * One zone's simulation for the wall, in its own worker, under a source controller the wall creates and disposes
 * here. When the simulated day ends the controller starts a new one and swaps it in once it runs (the tile keeps
 * its figures meanwhile), so the wall loops unattended. Stands still while `running` is false (the tab is hidden).
 */
export function useZoneSimulation(scene: Scene | undefined, running: boolean): { readonly source?: SimSource; readonly error?: string } {
  const { createController, startSimulation } = useBriefingServices();
  const [controller, setController] = useState<ZoneController>();

  useEffect(() => {
    if (!scene) return;
    const c = createController(BRIEFING.maxStepS);
    void c.start('sim', () => startSimulation(scene, BRIEFING_SIM), { loop: true });
    setController(c);
    return () => {
      c.stop();
      setController(undefined);
    };
  }, [scene, createController, startSimulation]);

  useEffect(() => {
    if (running) controller?.resume();
    else controller?.pause();
  }, [controller, running]);

  return useSyncExternalStore(controller?.subscribe ?? noSubscription, controller?.getState ?? nothing);
}
