import { useSyncExternalStore } from 'react';
import type { SourceController, SourceControllerState } from './SourceController';

/** The controller's state for a component: re-renders when a source starts, fails, switches or stops, never per frame. */
export function useSourceController(controller: SourceController): SourceControllerState {
  return useSyncExternalStore(controller.subscribe, controller.getState);
}
