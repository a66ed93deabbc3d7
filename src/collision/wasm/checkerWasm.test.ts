import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../domain/random';
import { headingCosSin } from '../headingTrig';
import { CHECKER_WASM_BASE64 } from './checkerWasm.generated';

/** The module's own exports, as CollisionChecker.ts declares them. */
interface Exports {
  readonly memory: WebAssembly.Memory;
  setup(capacity: number, maxEvents: number, horizonS: number, nearMissClearanceM: number): void;
  inputsAt(): number;
  inputStride(): number;
  check(n: number): number;
}

describe('the checker module', () => {
  it('computes cos and sin of every heading bit for bit as headingCosSin does (what the all-pairs baseline uses)', () => {
    const wasm = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(CHECKER_WASM_BASE64, 'base64'))).exports as unknown as Exports;
    const n = 5001; // odd: the last f64x2 pair reaches past the last heading
    wasm.setup(n, 16, 3, 1);
    const at = wasm.inputsAt();
    const stride = wasm.inputStride();
    const heading = new Float64Array(wasm.memory.buffer, at + 6 * stride, n);
    const next = seededRandom(2026);
    for (let i = 0; i < n; i++)
      heading[i] = i < 8 ? [0, -0, Math.PI / 4, -Math.PI / 4, Math.PI, 1e6, -1e6, 3 * Math.PI][i]! : (next() * 2 - 1) * 10 ** (next() * 6);
    wasm.check(n);
    const cos = new Float64Array(wasm.memory.buffer, at + 7 * stride, n);
    const sin = new Float64Array(wasm.memory.buffer, at + 8 * stride, n);
    const out = new Float64Array(2);
    let differ = 0;
    for (let i = 0; i < n; i++) {
      headingCosSin(heading[i]!, out);
      if (!Object.is(cos[i], out[0]) || !Object.is(sin[i], out[1])) differ++;
    }
    expect(differ).toBe(0);
  });
});
