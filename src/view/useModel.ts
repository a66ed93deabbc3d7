import { useGLTF } from '@react-three/drei';
import { useMemo } from 'react';
import type { BufferGeometry, Material, Mesh } from 'three';

export type ModelName =
  | 'import-storage'
  | 'export-storage'
  | 'scanner-bay'
  | 'admin-building'
  | 'barrier'
  | 'camera'
  | 'crane'
  | 'crane-runway'
  | 'crane-trolley'
  | 'crane-ropes'
  | 'crane-spreader'
  | 'agv-charging'
  | 'truck-holding'
  | 'road'
  | 'agv'
  | 'truck'
  | 'container';

export function modelUrl(name: ModelName): string {
  return `${import.meta.env.BASE_URL}models/${name}.glb`;
}

/**
 * The geometry and material of a generated model (`npm run models`): each GLB holds one mesh in a unit box
 * ([-0.5, 0.5] × [0, 1] × [-0.5, 0.5]) with vertex colours, ready for an InstancedMesh. Draco is off: our models
 * are not compressed, so no decoder is ever fetched.
 */
export function useModel(name: ModelName): { geometry: BufferGeometry; material: Material } {
  const gltf = useGLTF(modelUrl(name), false);
  return useMemo(() => {
    let mesh: Mesh | undefined;
    gltf.scene.traverse((o) => {
      if (!mesh && (o as Mesh).isMesh) mesh = o as Mesh;
    });
    if (!mesh) throw new Error(`model ${name}: no mesh in ${modelUrl(name)}`);
    const material = Array.isArray(mesh.material) ? mesh.material[0]! : mesh.material;
    return { geometry: mesh.geometry, material };
  }, [gltf, name]);
}
