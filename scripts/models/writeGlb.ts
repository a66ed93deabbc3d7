/**
 * Serialises one merged geometry as a binary glTF (GLB): one scene, one node,
 * one mesh with one indexed triangle primitive (POSITION, NORMAL, COLOR_0) and
 * one plain white material, so colour comes only from the vertex colours.
 * Output is deterministic: no timestamps, fixed attribute order. Vertex colours are
 * linear RGB floats (three's Color converts the sRGB palette), as glTF specifies.
 */
import { Document, NodeIO, VertexLayout } from '@gltf-transform/core';
import type { BufferGeometry } from 'three';

export async function geometryToGlb(name: string, geometry: BufferGeometry): Promise<Uint8Array> {
  const position = geometry.getAttribute('position');
  const normal = geometry.getAttribute('normal');
  const color = geometry.getAttribute('color');
  const index = geometry.getIndex();
  if (!position || !normal || !color || !index) throw new Error(`${name}: geometry lacks attributes or index`);

  const doc = new Document();
  const buffer = doc.createBuffer(name);
  const vertexCount = position.count;
  const indices = vertexCount <= 65535 ? Uint16Array.from(index.array as ArrayLike<number>) : Uint32Array.from(index.array as ArrayLike<number>);

  const accessor = (label: string, type: 'VEC3' | 'SCALAR', array: Float32Array | Uint16Array | Uint32Array) =>
    doc.createAccessor(`${name}_${label}`).setType(type).setArray(array).setBuffer(buffer);

  const material = doc.createMaterial(name).setBaseColorFactor([1, 1, 1, 1]).setRoughnessFactor(0.8).setMetallicFactor(0);

  const primitive = doc
    .createPrimitive()
    .setMode(4) // TRIANGLES
    .setAttribute('POSITION', accessor('position', 'VEC3', Float32Array.from(position.array as ArrayLike<number>)))
    .setAttribute('NORMAL', accessor('normal', 'VEC3', Float32Array.from(normal.array as ArrayLike<number>)))
    .setAttribute('COLOR_0', accessor('color', 'VEC3', Float32Array.from(color.array as ArrayLike<number>)))
    .setIndices(accessor('indices', 'SCALAR', indices))
    .setMaterial(material);

  const mesh = doc.createMesh(name).addPrimitive(primitive);
  const node = doc.createNode(name).setMesh(mesh);
  // The scene stays unnamed so that three's GLTFLoader names the mesh object exactly `name`.
  const scene = doc.createScene().addChild(node);
  doc.getRoot().setDefaultScene(scene);

  // Separate (non-interleaved) vertex buffers: each attribute loads as a plain
  // BufferAttribute in three, simplest for code that reads geometry arrays directly.
  return new NodeIO().setVertexLayout(VertexLayout.SEPARATE).writeBinary(doc);
}
