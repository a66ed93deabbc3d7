import { readFileSync } from 'node:fs';

/**
 * `--option value` command lines for the repo's tools (`npm run fleet`, the live benchmark's synthetic fleet):
 * every option known and given a value, the required ones present, numbers in range — each mistake named with
 * the usage line and exit code 2, as the tools promise.
 */

export function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

export interface CliOptions {
  /** The raw value of `--key`, if given. */
  get(key: string): string | undefined;
  /** `--key` as a number, `fallback` when absent; out of `ok` is a usage error. */
  number(key: string, fallback: number, ok: (n: number) => boolean): number;
}

export function readCliOptions(argv: readonly string[], o: { usage: string; known: readonly string[]; required: readonly string[] }): CliOptions {
  const args = new Map<string, string>();
  for (let k = 0; k < argv.length; k += 2) {
    const key = argv[k]!;
    const value = argv[k + 1];
    if (!key.startsWith('--') || value === undefined) fail(`${key}: expected --option value\n${o.usage}`, 2);
    args.set(key.slice(2), value);
  }
  for (const key of args.keys()) if (!o.known.includes(key)) fail(`unknown option --${key}\n${o.usage}`, 2);
  for (const key of o.required) if (!args.has(key)) fail(`--${key} is required\n${o.usage}`, 2);
  return {
    get: (key) => args.get(key),
    number: (key, fallback, ok) => {
      const raw = args.get(key);
      if (raw === undefined) return fallback;
      const n = Number(raw);
      if (!ok(n)) fail(`--${key} ${raw}: out of range\n${o.usage}`, 2);
      return n;
    },
  };
}

/** Reads a scene file's text, or ends the tool naming the file and the system's reason (exit 1). */
export function readSceneText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    return fail(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, 1);
  }
}
