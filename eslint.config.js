/**
 * The lint: typescript-eslint's recommended rules (not the type-checked set: it builds the whole TypeScript program
 * for every run, too slow on a two-core machine), the rules of hooks, and the architecture as rules.
 *
 * The layer order is checked by eslint-plugin-boundaries rather than dependency-cruiser: one tool, in the editor
 * and in `npm run lint`, and the order below reads as the README's layer table. Imports from outside packages
 * (React, three.js, comlink) are ESLint's own `no-restricted-imports`, whose messages say what to do instead.
 */
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Layers under src/, lowest first; each may import itself and the layers it lists. */
const LAYERS = {
  domain: [],
  planning: ['domain'],
  collision: ['domain'],
  // The simulation plans routes and watches for collisions with the two sibling engines.
  sim: ['domain', 'planning', 'collision'],
  telemetry: ['domain', 'sim', 'planning', 'collision'],
  store: ['domain', 'sim', 'planning', 'collision', 'telemetry'],
  view: ['domain', 'sim', 'planning', 'collision', 'telemetry', 'store'],
  ui: ['domain', 'sim', 'planning', 'collision', 'telemetry', 'store', 'view'],
  app: ['domain', 'sim', 'planning', 'collision', 'telemetry', 'store', 'view', 'ui'],
};
const ENGINES = ['domain', 'sim', 'planning', 'collision', 'telemetry'];
/** Node programs and tests around the app: they may import anything, and nothing in src/ or workers/ imports them. */
const TOOLS = ['server', 'scripts', 'bench', 'e2e'];

const engineFiles = ENGINES.map((layer) => `src/${layer}/**`);

/** Engines run unchanged in Node, in a worker and in a test: no UI library, no scene graph. */
const uiPackages = {
  paths: [
    { name: 'react', message: 'Engines do not import React: put the component in src/view or src/ui.' },
    { name: 'react-dom', message: 'Engines do not import React: put the component in src/view or src/ui.' },
    { name: 'three', message: 'Engines do not import three.js: geometry lives in src/domain, the scene graph in src/view.' },
    { name: 'zustand', message: "Engines do not import zustand's React hook: use 'zustand/vanilla'." },
  ],
  patterns: [
    { group: ['three/*', '@react-three/*'], message: 'Engines do not import three.js or React Three Fiber.' },
    { group: ['zustand/react', 'zustand/react/*', 'zustand/traditional'], message: "Engines do not import zustand's React hooks." },
  ],
};

export default defineConfig([
  globalIgnores(['dist/', 'test-results/', 'playwright-report/', 'public/', 'data/', '.broker/', '.scratch/']),
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      // `const { key: _omitted, ...rest } = o` is how the code drops a key from a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // A ternary whose branches are both calls is used as a compact if/else.
      '@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true }],
    },
  },
  {
    // MQTT topics and VDA 5050 strings must not hold NUL or other control characters: the checks match them on purpose.
    files: ['src/telemetry/vda5050/**'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['src/**', 'workers/**'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': [
        ...Object.keys(LAYERS).map((layer) => ({ type: layer, pattern: `src/${layer}/**`, partialMatch: false })),
        { type: 'worker', pattern: 'workers/**', partialMatch: false },
        ...TOOLS.map((tool) => ({ type: 'tool', pattern: `${tool}/**`, partialMatch: false })),
      ],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: '{{from.type}} may not import {{to.type}}: layers import only lower layers (eslint.config.js, LAYERS).',
          policies: [
            ...Object.entries(LAYERS).map(([layer, lower]) => ({
              from: { element: { type: layer } },
              allow: { to: { element: { types: { anyOf: [layer, ...lower] } } } },
            })),
            { from: { element: { type: 'worker' } }, allow: { to: { element: { types: { anyOf: ENGINES } } } } },
          ],
        },
      ],
    },
  },
  {
    files: engineFiles,
    rules: {
      'no-restricted-imports': ['error', uiPackages],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'Engines run in workers and Node: no DOM. Take what you need as a parameter.' },
        { name: 'document', message: 'Engines run in workers and Node: no DOM. Take what you need as a parameter.' },
      ],
    },
  },
  {
    // The study report is HTML text made alike in Node (`npm run study -- --report`) and in the page (the console's
    // Report button): pure like an engine, though it lives in ui/ beside the strings and labels it reuses.
    files: ['src/ui/report/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...uiPackages.paths, { name: 'react-i18next', message: 'The report renders in Node too: take its strings from ./reportStrings.' }],
          patterns: uiPackages.patterns,
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'The report renders in Node too: no DOM. It returns HTML text.' },
        { name: 'document', message: 'The report renders in Node too: no DOM. It returns HTML text.' },
      ],
    },
  },
  {
    // The server (and its tools) reuse the domain, telemetry and the engines; never the browser's layers or a UI library.
    // Its tests may: they check the page's own client against the real server.
    files: ['server/**', 'scripts/user.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: uiPackages.paths,
          patterns: [
            ...uiPackages.patterns,
            {
              group: ['**/src/store/**', '**/src/view/**', '**/src/ui/**', '**/src/app/**'],
              message: 'The server reuses src/domain, src/telemetry and the engines, never the browser layers (store, view, ui, app).',
            },
          ],
        },
      ],
    },
  },
  {
    // A worker entry only exposes an engine through comlink.
    files: ['workers/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // Local imports are the layer rule's (above); of packages, only comlink.
          patterns: [{ regex: '^(?!comlink$|\\.)', message: 'A worker imports only an engine and comlink.' }],
        },
      ],
    },
  },
]);
