import { useSyncExternalStore } from 'react';
import type { AnySource, SourceController, SourceControllerState } from './SourceController';

/** The controller's state for a component: re-renders when a source starts, fails, switches or stops, never per frame. */
export function useSourceController<S extends AnySource>(controller: SourceController<S>): SourceControllerState<S> {
  return useSyncExternalStore(controller.subscribe, controller.getState);
}
