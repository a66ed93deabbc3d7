/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the same sequence everywhere, so
 * engines, generated models and property tests are repeatable. Engines never call Math.random.
 *
 * @example
 *   const next = seededRandom(42);
 *   next(); // 0.6011037519201636, every run
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
