import { useFrame, useThree } from '@react-three/fiber';
import { Vector3 } from 'three';

/**
 * Screen-space labels for points of the world (border markers): plain DOM elements that keep a constant,
 * readable size on a 4K wall and a laptop alike. `LabelLayer` renders them beside the canvas; `LabelTracker`,
 * inside the canvas, moves them each frame by writing their transform (no React state per frame).
 */
export interface MapLabel {
  readonly key: string;
  readonly text: string;
  /** [east, north, up] in metres. */
  readonly at: readonly [number, number, number];
  readonly kind: 'marker' | 'country';
}

const elements = new Map<string, HTMLElement>();
const v = new Vector3();

export function LabelLayer({ labels }: { labels: readonly MapLabel[] }) {
  return (
    <div className="map-labels" aria-hidden="true">
      {labels.map((l) => (
        <div
          key={l.key}
          className={`map-label ${l.kind}`}
          data-testid={`label-${l.key}`}
          ref={(el) => {
            if (el) elements.set(l.key, el);
            else elements.delete(l.key);
          }}
        >
          <span>{l.text}</span>
        </div>
      ))}
    </div>
  );
}

export function LabelTracker({ labels }: { labels: readonly MapLabel[] }) {
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  useFrame(() => {
    for (const l of labels) {
      const el = elements.get(l.key);
      if (!el) continue;
      v.set(l.at[0], l.at[2], -l.at[1]).project(camera);
      const visible = v.z < 1 && Math.abs(v.x) < 1.2 && Math.abs(v.y) < 1.2;
      el.style.visibility = visible ? 'visible' : 'hidden';
      if (visible) el.style.transform = `translate(${((v.x + 1) / 2) * size.width}px, ${((1 - v.y) / 2) * size.height}px)`;
    }
  });
  return null;
}
