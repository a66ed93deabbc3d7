import { useEffect, useState } from 'react';

/** True for `visibleMs` after the last mouse move, touch or key press: the wall's controls show only then. */
export function useIdleControls(visibleMs: number): boolean {
  const [awake, setAwake] = useState(false);
  useEffect(() => {
    let id: ReturnType<typeof setTimeout> | undefined;
    const wake = () => {
      setAwake(true);
      clearTimeout(id);
      id = setTimeout(() => setAwake(false), visibleMs);
    };
    const events = ['pointermove', 'pointerdown', 'keydown'] as const;
    for (const e of events) window.addEventListener(e, wake);
    return () => {
      clearTimeout(id);
      for (const e of events) window.removeEventListener(e, wake);
    };
  }, [visibleMs]);
  return awake;
}
