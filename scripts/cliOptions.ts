import { readFileSync } from 'node:fs';

/**
 * `--option value` command lines for the repo's tools (`npm run fleet`, the live benchmark's synthetic fleet):
 * every option known and given a value, the required ones present, numbers in range — each mistake named with
 * the usage line and exit code 2, as the tools promise. Passwords never come from the command line (npm echoes
 * it, `ps` shows it to every user of the machine): {@link readPassword} takes them from the environment or
 * standard input, as `npm run broker` does.
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
  /** Whether the flag `--key` (one of `flags`: it takes no value) was given. */
  has(key: string): boolean;
}

export function readCliOptions(
  argv: readonly string[],
  o: { usage: string; known: readonly string[]; required: readonly string[]; flags?: readonly string[] },
): CliOptions {
  const args = new Map<string, string>();
  const flags = new Set<string>();
  for (let k = 0; k < argv.length; k += 2) {
    const key = argv[k]!;
    if (o.flags?.includes(key.slice(2)) && key.startsWith('--')) {
      flags.add(key.slice(2));
      k--;
      continue;
    }
    const value = argv[k + 1];
    if (!key.startsWith('--') || value === undefined) fail(`${key}: expected --option value\n${o.usage}`, 2);
    args.set(key.slice(2), value);
  }
  for (const key of args.keys()) if (!o.known.includes(key)) fail(`unknown option --${key}\n${o.usage}`, 2);
  for (const key of o.required) if (!args.has(key)) fail(`--${key} is required\n${o.usage}`, 2);
  return {
    get: (key) => args.get(key),
    has: (key) => flags.has(key),
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

/**
 * Ends the tool (exit 2) when `--password` is among `argv`, saying where the password goes instead. Call it
 * before {@link readCliOptions}, which would only call the option unknown.
 */
export function refusePasswordOption(argv: readonly string[], env: string): void {
  if (!argv.some((a) => a === '--password' || a.startsWith('--password='))) return;
  fail(
    `--password is refused: npm echoes a command line and \`ps\` shows it to every user. Set ${env} (as for npm run broker), or pipe the password on standard input as one line`,
    2,
  );
}

/**
 * The password from the environment variable `env`; else the first line of standard input when it is piped; else
 * typed at a prompt that does not echo. An empty one ends the tool (exit 2) naming both ways to give it.
 */
export async function readPassword(env: string, user: string): Promise<string> {
  const given = process.env[env];
  const password = given ? given : process.stdin.isTTY ? await typedLine(`password of ${user} (or set ${env}): `) : await pipedLine();
  if (!password) fail(`no password for ${user}: set ${env}, or pipe it on standard input`, 2);
  return password;
}

/** The first line of a piped standard input ('' when it is empty or closed at once). */
function pipedLine(): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const stdin = process.stdin;
    const done = () => {
      stdin.off('data', onData).off('end', done).off('error', reject);
      stdin.destroy();
      resolve(text.split(/\r?\n/, 1)[0]!);
    };
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.includes('\n')) done();
    };
    stdin.on('data', onData).once('end', done).once('error', reject);
  });
}

/** A line typed at the terminal, not echoed; Ctrl+C ends the tool as it would anywhere else. */
function typedLine(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    let line = '';
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\u0003') {
          process.stderr.write('\n');
          process.exit(130);
        }
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.off('data', onData);
          stdin.pause();
          process.stderr.write('\n');
          resolve(line);
          return;
        }
        line = ch === '\u007f' || ch === '\b' ? line.slice(0, -1) : line + ch;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}
