/** `npm run build:wasm`: builds the collision checker's WebAssembly (scripts/checkerWasm.ts says why and how). */
import { writeFileSync } from 'node:fs';
import { buildCheckerWasm, CHECKER_MODULE_PATH, CHECKER_WASM_PATH, checkerWasmModule } from './checkerWasm';

const wasm = await buildCheckerWasm();
writeFileSync(CHECKER_WASM_PATH, wasm);
writeFileSync(CHECKER_MODULE_PATH, checkerWasmModule(wasm));
console.log(`wrote ${CHECKER_WASM_PATH} (${wasm.length} bytes) and ${CHECKER_MODULE_PATH}`);
