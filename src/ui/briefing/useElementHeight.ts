import { useEffect, useRef, useState, type RefObject } from 'react';

/** The height (CSS px) of an element as laid out, followed as it resizes: a chart that fills what its tile leaves. */
export function useElementHeight<E extends HTMLElement>(): [RefObject<E | null>, number] {
  const ref = useRef<E>(null);
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(Math.floor(el.clientHeight)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, height];
}
