import { CameraControls } from '@react-three/drei';
import { useEffect, useRef } from 'react';
import type { Scene } from '../domain/sceneSchema';
import { useTwinStore } from '../store/useTwin';

/** Keeps the camera above the ground: 85° from straight down at most. */
const MAX_POLAR = (85 / 180) * Math.PI;

/**
 * Orbit (left drag), pan (right drag), zoom (wheel) with camera-controls; flies to the scene's preset view when
 * asked and to a facility when it is selected. Listens to the store transiently: no re-render per request.
 */
export function CameraRig({ scene }: { scene: Scene }) {
  const ref = useRef<CameraControls>(null);
  const store = useTwinStore();
  // The layout editor hands a new scene object on every edit: fly to the preset view only when another scene
  // (another id) is opened, and look facilities up in the latest one.
  const latest = useRef(scene);
  latest.current = scene;

  useEffect(() => {
    const scene = latest.current;
    const fly = (viewId: string | undefined, smooth: boolean) => {
      const view = scene.views.find((v) => v.id === viewId) ?? scene.views[0];
      const c = ref.current;
      if (!view || !c) return;
      const [pe, pn, pu] = view.position;
      const [te, tn, tu] = view.target;
      void c.setLookAt(pe, pu, -pn, te, tu, -tn, smooth);
    };
    fly(store.getState().viewId, false);
    return store.subscribe((s, prev) => {
      if (s.viewRequest !== prev.viewRequest) fly(s.viewId, true);
      if (s.selectedFacilityId !== prev.selectedFacilityId && s.selectedFacilityId !== undefined) {
        const f = latest.current.facilities.find((x) => x.id === s.selectedFacilityId);
        const c = ref.current;
        if (!f || !c) return;
        const [e, n] = f.footprint.position;
        const reach = Math.max(f.footprint.size[0], f.footprint.size[1], f.footprint.height) * 1.8 + 40;
        void c.moveTo(e, f.footprint.height / 3, -n, true);
        void c.dollyTo(Math.min(reach, c.distance), true);
      }
    });
  }, [scene.id, store]);

  return <CameraControls ref={ref} makeDefault maxPolarAngle={MAX_POLAR} minDistance={8} maxDistance={9000} dollyToCursor />;
}
