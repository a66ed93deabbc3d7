import { Html } from '@react-three/drei';
import { useFrame } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Color, MeshBasicMaterial, Object3D, RingGeometry, type InstancedMesh } from 'three';
import { useStore } from 'zustand';
import type { TrafficStore } from '../../store/traffic/trafficStore';
import { MARKER_HEX, secondsLeft, trafficMarkers, type TrafficMarker } from './trafficMarkers';

/** Over the route lines (m). */
const LIFT = 1.1;
/** The countdowns are rewritten at most this often (s of wall time): whole seconds need no more. */
const WRITE_EVERY_S = 0.25;
const RING_INNER_M = 5;
const RING_OUTER_M = 7;

/** One marker's label: the countdown (written from a ref), and the AGVs named on hover or on a click. */
function MarkerLabel({ marker, countdown }: { marker: TrafficMarker; countdown: (el: HTMLElement | null) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const kind = t(`operations.traffic.kind.${marker.kind}`);
  const detail = marker.detail === undefined ? '' : ` (${t(`operations.traffic.detail.${marker.detail}`)})`;
  const names = `${kind}${detail}: ${marker.agvs.join(', ')}`;
  return (
    <Html position={[marker.x, LIFT, -marker.y]} center zIndexRange={[2, 1]}>
      <div
        role="note"
        title={names}
        onClick={() => setOpen(!open)}
        data-testid={`traffic-marker-${marker.kind}`}
        style={{
          font: '600 12px system-ui, sans-serif',
          color: '#f8fafc',
          background: 'rgba(15, 23, 42, 0.85)',
          border: `2px solid ${MARKER_HEX[marker.kind]}`,
          borderRadius: '4px',
          padding: '0 4px',
          whiteSpace: 'nowrap',
          cursor: 'pointer',
          transform: 'translateY(-150%)',
        }}
      >
        <span ref={countdown} data-testid="traffic-countdown" />
        {open && <span style={{ display: 'block', fontWeight: 400 }}>{names}</span>}
      </div>
    </Html>
  );
}

/**
 * The places the latest prediction round warns of: a ring at each predicted conflict (red), deadlock (magenta)
 * and blocked route (amber), and a label counting down to it — from the round's `inS`, less the time the source's
 * clock has run since the round — written into the label's text a few times a second, never through React state.
 * One instanced draw for the rings; labels are DOM, keyed by finding so they survive the next round.
 */
export function TrafficMarkers({ traffic, clock }: { traffic: TrafficStore; clock: () => number }) {
  const { t } = useTranslation();
  const snapshot = useStore(traffic, (s) => s.snapshot);
  const markers = useMemo(() => (snapshot ? trafficMarkers(snapshot) : []), [snapshot]);
  const capacity = Math.max(1, 2 ** Math.ceil(Math.log2(Math.max(1, markers.length))));
  const ring = useMemo(() => new RingGeometry(RING_INNER_M, RING_OUTER_M, 32).rotateX(-Math.PI / 2), []);
  const material = useMemo(() => new MeshBasicMaterial({ transparent: true, opacity: 0.9, depthWrite: false }), []);
  useEffect(
    () => () => {
      ring.dispose();
      material.dispose();
    },
    [ring, material],
  );
  const mesh = useRef<InstancedMesh>(null);
  useLayoutEffect(() => {
    const m = mesh.current;
    if (!m) return;
    const at = new Object3D();
    const colour = new Color();
    markers.forEach((k, i) => {
      at.position.set(k.x, LIFT, -k.y);
      at.updateMatrix();
      m.setMatrixAt(i, at.matrix);
      m.setColorAt(i, colour.set(MARKER_HEX[k.kind]));
    });
    m.count = markers.length;
    m.instanceMatrix.needsUpdate = true;
    if (m.instanceColor) m.instanceColor.needsUpdate = true;
  }, [markers, capacity]);

  // Label elements by marker id, and the second each last showed (to write only when it changes).
  const labels = useMemo(() => new Map<string, { el: HTMLElement; shown: number | undefined | null }>(), []);
  const since = useRef(WRITE_EVERY_S);
  useEffect(() => {
    since.current = WRITE_EVERY_S;
  }, [markers]);
  useFrame((_, delta) => {
    since.current += delta;
    if (since.current < WRITE_EVERY_S || !snapshot) return;
    since.current = 0;
    const elapsed = clock() - snapshot.clockS;
    for (const k of markers) {
      const label = labels.get(k.id);
      if (!label) continue;
      const left = secondsLeft(k.inS, elapsed);
      if (left === label.shown) continue;
      label.shown = left;
      label.el.textContent = left === undefined ? '—' : left === 0 ? t('operations.traffic.now') : t('operations.traffic.inS', { n: left });
    }
  });

  const refs = useMemo(
    () =>
      new Map(
        markers.map((k) => [
          k.id,
          (el: HTMLElement | null) => {
            if (el) labels.set(k.id, { el, shown: null });
            else labels.delete(k.id);
          },
        ]),
      ),
    [markers, labels],
  );

  return (
    <group name="traffic-markers">
      <instancedMesh key={capacity} ref={mesh} args={[ring, material, capacity]} visible={markers.length > 0} renderOrder={3} frustumCulled={false} />
      {markers.map((k) => (
        <MarkerLabel key={k.id} marker={k} countdown={refs.get(k.id)!} />
      ))}
    </group>
  );
}
