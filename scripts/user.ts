/**
 * `npm run user -- add <name> --role viewer|operator|engineer|admin [--password-stdin]`: adds a user to the
 * server's database (TWIN_DATA_DIR or DATABASE_URL, as the server reads them). Without --password-stdin it makes a
 * random password and prints it once. Also `list` and `remove <name>`.
 */
import { randomPassword } from '../src/telemetry/live/brokerConfig';
import { readConfig } from '../server/config';
import { openDatabase } from '../server/db/openDatabase';
import { UserStore } from '../server/users/UserStore';

const USAGE = 'usage: npm run user -- add <name> --role viewer|operator|engineer|admin [--password-stdin] | list | remove <name>';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const database = await openDatabase(readConfig(process.env));
  try {
    const users = new UserStore(database.db);
    if (command === 'list') {
      for (const u of await users.list()) console.log(`${u.name}\t${u.role}`);
      return 0;
    }
    if (command === 'remove' && rest.length === 1) {
      if (await users.remove(rest[0]!)) return (console.log(`removed ${rest[0]}`), 0);
      console.error(`no user "${rest[0]}"`);
      return 1;
    }
    if (command === 'add') {
      const name = rest.find((a, i) => !a.startsWith('--') && rest[i - 1] !== '--role');
      const roleAt = rest.indexOf('--role');
      const role = roleAt >= 0 ? rest[roleAt + 1] : undefined;
      if (name === undefined || role === undefined) throw new Error(USAGE);
      const fromStdin = rest.includes('--password-stdin');
      const password = fromStdin ? await readStdin() : randomPassword();
      const user = await users.add(name, role, password);
      console.log(`added ${user.name} (${user.role}) to the ${database.kind} database at ${database.where}`);
      if (!fromStdin) console.log(`password (shown once): ${password}`);
      return 0;
    }
    throw new Error(USAGE);
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
