import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The rules that fire on `code` placed at `filePath` (it need not exist; what it imports must). */
async function rulesFired(eslint: ESLint, code: string, filePath: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId);
}

// Loading the config and typescript-eslint's parser takes a few seconds on a busy two-core machine.
describe('eslint.config.js', { timeout: 60_000 }, () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: ROOT });
  });

  it('rejects an import against the layer order', async () => {
    const code = "import { App } from '../app/App';\nexport const planted = App;\n";
    expect(await rulesFired(eslint, code, 'src/domain/planted.ts')).toEqual(['boundaries/dependencies']);
    const typeOnly = "import type { Lang } from '../store/twinStore';\nexport type Planted = Lang;\n";
    expect(await rulesFired(eslint, typeOnly, 'src/telemetry/planted.ts')).toEqual(['boundaries/dependencies']);
  });

  it('rejects three.js, React and the DOM in an engine', async () => {
    const three = "import * as THREE from 'three';\nexport const planted = new THREE.Vector3();\n";
    expect(await rulesFired(eslint, three, 'src/sim/planted.ts')).toEqual(['no-restricted-imports']);
    const react = "import { useState } from 'react';\nexport const planted = useState;\n";
    expect(await rulesFired(eslint, react, 'src/planning/planted.ts')).toEqual(['no-restricted-imports']);
    const dom = 'export const planted = () => document.title;\n';
    expect(await rulesFired(eslint, dom, 'src/collision/planted.ts')).toEqual(['no-restricted-globals']);
  });

  it('keeps the study report pure: no React, no DOM', async () => {
    const react = "import { useTranslation } from 'react-i18next';\nexport const planted = useTranslation;\n";
    expect(await rulesFired(eslint, react, 'src/ui/report/planted.ts')).toEqual(['no-restricted-imports']);
    const dom = 'export const planted = () => window.print();\n';
    expect(await rulesFired(eslint, dom, 'src/ui/report/planted.ts')).toEqual(['no-restricted-globals']);
  });

  it('keeps workers to engines and comlink, and src/ away from the tools', async () => {
    const store = "import { useTwin } from '../src/store/twinStore';\nexport const planted = useTwin;\n";
    expect(await rulesFired(eslint, store, 'workers/planted.worker.ts')).toEqual(['boundaries/dependencies']);
    const three = "import { Vector3 } from 'three';\nexport const planted = Vector3;\n";
    expect(await rulesFired(eslint, three, 'workers/planted.worker.ts')).toEqual(['no-restricted-imports']);
    const tool = "import * as broker from '../../scripts/broker';\nexport const planted = broker;\n";
    expect(await rulesFired(eslint, tool, 'src/app/planted.ts')).toEqual(['boundaries/dependencies']);
  });

  it('accepts imports that follow the rules', async () => {
    const down = "import { footprintCorners } from '../domain/geometry';\nexport const planted = footprintCorners;\n";
    expect(await rulesFired(eslint, down, 'src/sim/planted.ts')).toEqual([]);
    const up = "import { App } from './App';\nimport { useTwin } from '../store/twinStore';\nexport const planted = [App, useTwin];\n";
    expect(await rulesFired(eslint, up, 'src/app/planted.ts')).toEqual([]);
    const worker = "import * as Comlink from 'comlink';\nimport { footprintCorners } from '../src/domain/geometry';\nComlink.expose(footprintCorners);\n";
    expect(await rulesFired(eslint, worker, 'workers/planted.worker.ts')).toEqual([]);
  });
});
