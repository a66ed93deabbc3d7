import { useFrame, useThree } from '@react-three/fiber';
import type { CameraControls } from '@react-three/drei';
import { useEffect, useMemo } from 'react';
import { Vector3 } from 'three';
import type { FleetFrame } from '../../domain/fleetFrame';
import type { OpsStore } from '../../store/ops/opsStore';
import { slotOf, type FleetRowsRef } from './fleetRowsRef';

/** How often the followed point is written on the canvas for automation (`data-follow-target`), s of wall time. */
const PROBE_EVERY_S = 0.5;

export interface FollowOptions {
  /** Share of the gap closed per second, as a rate: 1 − e^(−rate·dt) each frame. */
  readonly catchUpPerS: number;
  /** Camera distance when following starts (never farther than it already is). */
  readonly distanceM: number;
}

/**
 * Keeps the camera on the selected AGV while following is on: each frame the orbit target (and the camera with
 * it) closes part of the gap to the AGV's position in the fleet frame, so the view glides rather than jumps.
 * Following stops when the operator drags the view or presses Escape. Reads the store transiently and the frame
 * buffers in `useFrame`: no React state, nothing allocated per frame but camera-controls' own resolved promise.
 * While following, the canvas carries `data-follow-target="east,north"` (rounded to 0.1 m, twice a second).
 */
export function FollowCamera({ frame, rows, ops, options }: { frame: FleetFrame; rows: FleetRowsRef; ops: OpsStore; options: FollowOptions }) {
  const controls = useThree((s) => s.controls) as unknown as CameraControls | null;
  const canvas = useThree((s) => s.gl.domElement);
  const st = useMemo(() => ({ on: false, key: undefined as string | undefined, slot: -1, rowsVersion: -1, started: false, probeS: 0 }), []);
  const target = useMemo(() => new Vector3(), []);

  useEffect(() => {
    const apply = (s: ReturnType<OpsStore['getState']>) => {
      const on = s.follow && s.selectedKey !== undefined;
      if (on !== st.on || s.selectedKey !== st.key) {
        st.started = false;
        st.rowsVersion = -1;
      }
      st.on = on;
      st.key = s.selectedKey;
      if (!on) delete canvas.dataset.followTarget;
    };
    apply(ops.getState());
    return ops.subscribe(apply);
  }, [ops, st, canvas]);

  useEffect(() => {
    const stop = () => {
      if (ops.getState().follow) ops.getState().setFollow(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') stop();
    };
    controls?.addEventListener('controlstart', stop);
    window.addEventListener('keydown', onKey);
    return () => {
      controls?.removeEventListener('controlstart', stop);
      window.removeEventListener('keydown', onKey);
    };
  }, [controls, ops]);

  useFrame((_, delta) => {
    if (!st.on || !controls) return;
    if (rows.version !== st.rowsVersion) {
      st.rowsVersion = rows.version;
      st.slot = slotOf(rows, st.key);
    }
    const i = st.slot;
    if (i < 0 || i >= frame.agvs.count) return;
    const east = frame.agvs.x[i]!;
    const north = frame.agvs.y[i]!;
    controls.getTarget(target);
    if (!st.started) {
      st.started = true;
      void controls.dollyTo(Math.min(options.distanceM, controls.distance), true);
    }
    // A slow frame (a busy machine, a software renderer) closes most of the gap rather than falling behind.
    const k = 1 - Math.exp(-options.catchUpPerS * Math.min(delta, 0.5));
    void controls.moveTo(target.x + (east - target.x) * k, target.y - target.y * k, target.z + (-north - target.z) * k, false);
    st.probeS += delta;
    if (st.probeS >= PROBE_EVERY_S) {
      st.probeS = 0;
      canvas.dataset.followTarget = `${target.x.toFixed(1)},${(-target.z).toFixed(1)}`;
    }
  }, -2);

  return null;
}
