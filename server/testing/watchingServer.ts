/**
 * A control-room server for a test, watching the test's broker as its `operator` user, on a temp data folder; and
 * a user of it signed in. One set-up for the tests that need the live watch (socket, gate feed, the page's client).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../src/domain/roles';
import type { RunningBroker } from '../../src/telemetry/live/brokerProcess';
import { readConfig } from '../config';
import { startServer, type RunningServer } from '../startServer';
import { UserStore } from '../users/UserStore';

export const TEST_PASSWORD = 'a long enough password';

export interface WatchingServer {
  readonly server: RunningServer;
  close(): Promise<void>;
}

export async function startWatchingServer(broker: RunningBroker, prefix: string): Promise<WatchingServer> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const server = await startServer(
    readConfig({
      TWIN_PORT: '0',
      TWIN_DATA_DIR: dir,
      TWIN_BROKER_URL: broker.urls.tcp,
      TWIN_BROKER_USERNAME: 'operator',
      TWIN_BROKER_PASSWORD: broker.users.operator,
    }),
  );
  return {
    server,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Adds `name` with `role` and signs in: the session cookie (`twin_session=…`). */
export async function signedIn(server: RunningServer, name: string, role: Role): Promise<string> {
  await new UserStore(server.database.db).add(name, role, TEST_PASSWORD);
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: TEST_PASSWORD }),
  });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
