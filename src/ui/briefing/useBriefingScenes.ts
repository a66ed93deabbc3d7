import { useEffect, useState } from 'react';
import type { Scene } from '../../domain/sceneSchema';
import { useBriefingServices } from './briefingServices';
import { BRIEFING_VARIANT } from './briefingSettings';

/**
 * Both zones' proposed scenes from the bundled catalogue, through the same checker as any scene file; the wall
 * owns them (the store's loaded scene stays the operations console's).
 */
export function useBriefingScenes(): { scenes?: readonly Scene[]; error?: string } {
  const { loadScenes } = useBriefingServices();
  const [state, setState] = useState<{ scenes?: readonly Scene[]; error?: string }>({});
  useEffect(() => {
    let cancelled = false;
    loadScenes(BRIEFING_VARIANT).then(
      (scenes) => !cancelled && setState({ scenes }),
      (e: unknown) => !cancelled && setState({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [loadScenes]);
  return state;
}
