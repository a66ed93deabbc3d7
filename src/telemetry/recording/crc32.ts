/**
 * CRC-32 (IEEE 802.3, the polynomial MCAP uses for chunk, data-section and summary checks), table-driven.
 * Hand-written because `@foxglove/crc` is only a transitive dependency of `@mcap/core` and package.json is not
 * ours to edit; the readers of `@mcap/core` validate every CRC this writes, so the tests cross-check it.
 *
 * @example
 *   crc32Final(crc32Update(CRC32_INIT, new TextEncoder().encode('123456789'), 0, 9)); // 0xcbf43926
 */
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export const CRC32_INIT = 0xffffffff;

/** Folds `bytes[from..to)` into a running CRC started with {@link CRC32_INIT}. */
export function crc32Update(crc: number, bytes: Uint8Array, from: number, to: number): number {
  let c = crc;
  for (let i = from; i < to; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return c >>> 0;
}

export function crc32Final(crc: number): number {
  return (crc ^ 0xffffffff) >>> 0;
}
