import type { CameraControls } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import type { View } from '../../domain/sceneSchema';
import { useTwin } from '../../store/useTwin';

/**
 * Flies the wall's camera to the tour stop's view, slowly, through the camera-controls the 3D view made default.
 * Drives the controls directly (not the store's view request), so the operations console's view stays its own;
 * flies again when the store asks the rig for a view (a scene finishing loading behind the wall).
 */
export function TourCamera({ view, smoothTimeS }: { view: View; smoothTimeS: number }) {
  const controls = useThree((s) => s.controls) as CameraControls | null;
  const viewRequest = useTwin((s) => s.viewRequest);
  useEffect(() => {
    if (!controls) return;
    controls.smoothTime = smoothTimeS;
    const [pe, pn, pu] = view.position;
    const [te, tn, tu] = view.target;
    void controls.setLookAt(pe, pu, -pn, te, tu, -tn, true);
  }, [controls, view, smoothTimeS, viewRequest]);
  return null;
}
