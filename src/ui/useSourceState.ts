import { useEffect, useState } from 'react';
import type { BehaviorSubject } from 'rxjs';

/**
 * A source's state for a panel: re-renders on what the source publishes (status changes and snapshots, twice a
 * second at most), never per frame.
 */
export function useSourceState<S>(source: { readonly state$: BehaviorSubject<S> }): S {
  const [state, setState] = useState<S>(source.state$.value);
  useEffect(() => {
    setState(source.state$.value);
    const sub = source.state$.subscribe(setState);
    return () => sub.unsubscribe();
  }, [source]);
  return state;
}
