import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCheckerWasm, CHECKER_MODULE_PATH, CHECKER_SOURCE_PATH, CHECKER_WASM_PATH, checkerWasmModule } from './checkerWasm';

describe('the collision checker WebAssembly', () => {
  it('is what checker.as builds today, in both committed forms (else run npm run build:wasm)', async () => {
    const wasm = await buildCheckerWasm();
    expect(Buffer.from(readFileSync(CHECKER_WASM_PATH)).equals(Buffer.from(wasm))).toBe(true);
    expect(readFileSync(CHECKER_MODULE_PATH, 'utf8')).toBe(checkerWasmModule(wasm));
  });

  it('changes when the source does, so a stale build cannot pass', async () => {
    const source = readFileSync(CHECKER_SOURCE_PATH, 'utf8').replace('const SLACK_M: f64 = 1e-6;', 'const SLACK_M: f64 = 2e-6;');
    expect(Buffer.from(await buildCheckerWasm(source)).equals(readFileSync(CHECKER_WASM_PATH))).toBe(false);
  });
});
