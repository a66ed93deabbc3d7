import { useEffect, useMemo } from 'react';
import { CanvasTexture, SRGBColorSpace } from 'three';
import type { Scene } from '../../domain/sceneSchema';
import type { Subject } from '../../domain/checks/problemSubjects';

/** Pin size as a share of the view's height: the same on screen from 50 m or 3 km away. */
const PIN_SCREEN_SHARE = 0.035;
/** Height of a pin above what it marks (m). */
const PIN_GAP_M = 3;

function pinTexture(colour: string): CanvasTexture {
  const size = 64;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const g = canvas.getContext('2d')!;
  g.fillStyle = colour;
  g.beginPath();
  g.arc(size / 2, size / 2, size / 2 - 3, 0, 2 * Math.PI);
  g.fill();
  g.lineWidth = 4;
  g.strokeStyle = '#ffffff';
  g.stroke();
  g.fillStyle = '#ffffff';
  g.font = 'bold 40px sans-serif';
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText('!', size / 2, size / 2 + 2);
  const t = new CanvasTexture(canvas);
  t.colorSpace = SRGBColorSpace;
  return t;
}

/** Where a subject's pin stands, [east, north, up]. */
function anchorOf(scene: Scene, s: Subject): [number, number, number] | undefined {
  if (s.kind === 'facility') {
    const f = scene.facilities.find((x) => x.id === s.id);
    return f && [f.footprint.position[0], f.footprint.position[1], f.footprint.height + PIN_GAP_M];
  }
  const pos = new Map(scene.lanes.nodes.map((n) => [n.id, n.position]));
  if (s.kind === 'node') {
    const p = pos.get(s.id);
    return p && [p[0], p[1], PIN_GAP_M];
  }
  const e = scene.lanes.edges.find((x) => x.id === s.id);
  const a = e && pos.get(e.from);
  const b = e && pos.get(e.to);
  return a && b && [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, PIN_GAP_M];
}

/**
 * A round "!" pin over every facility, node and lane a problem names, drawn at a fixed size on screen and over
 * everything else, so a problem shows from the overview where a red outline would be a few pixels.
 */
export function ProblemPins({ scene, subjects, colour }: { scene: Scene; subjects: readonly Subject[]; colour: string }) {
  const texture = useMemo(() => pinTexture(colour), [colour]);
  useEffect(() => () => texture.dispose(), [texture]);
  const anchors = useMemo(
    () =>
      subjects.flatMap((s) => {
        const a = anchorOf(scene, s);
        return a ? [{ key: `${s.kind}:${s.id}`, at: a }] : [];
      }),
    [scene, subjects],
  );
  return (
    <group name="problem-pins">
      {anchors.map(({ key, at }) => (
        <sprite key={key} position={[at[0], at[2], -at[1]]} scale={[PIN_SCREEN_SHARE, PIN_SCREEN_SHARE, 1]} center={[0.5, 0]} renderOrder={10}>
          <spriteMaterial map={texture} sizeAttenuation={false} depthTest={false} transparent />
        </sprite>
      ))}
    </group>
  );
}
