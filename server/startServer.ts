/**
 * Opens the database (migrating it), builds the HTTP app and listens: the whole server, as `npm start` runs it and
 * as the tests start it on a port of their own. `close()` stops listening, then closes the database.
 */
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import pkg from '../package.json' with { type: 'json' };
import { LoginLimiter } from './auth/LoginLimiter';
import { SessionStore } from './auth/SessionStore';
import type { ServerConfig } from './config';
import { openDatabase, type TwinDatabase } from './db/openDatabase';
import { buildApp } from './http/buildApp';
import { UserStore } from './users/UserStore';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly database: TwinDatabase;
  /** http://host:port it listens on (the real port when the config asked for 0). */
  readonly url: string;
  close(): Promise<void>;
}

const SWEEP_MS = 3600_000;

export async function startServer(config: ServerConfig, logger: FastifyServerOptions['logger'] = false): Promise<RunningServer> {
  const database = await openDatabase(config);
  const sessions = new SessionStore(database.db);
  const app = await buildApp({
    version: pkg.version,
    database: database.kind,
    users: new UserStore(database.db),
    sessions,
    limiter: new LoginLimiter(),
    distDir: config.distDir,
    broker: () => 'none',
    recording: () => false,
    logger,
  });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (e) {
    await app.close();
    await database.close();
    throw e;
  }
  const sweep = setInterval(() => void sessions.sweep().catch((e: unknown) => app.log.error({ err: e }, 'session sweep failed')), SWEEP_MS);
  sweep.unref();
  const { port } = app.server.address() as { port: number };
  let closing: Promise<void> | undefined;
  return {
    app,
    database,
    url: `http://${config.host}:${port}`,
    close: () =>
      (closing ??= (async () => {
        clearInterval(sweep);
        await app.close();
        await database.close();
      })()),
  };
}
