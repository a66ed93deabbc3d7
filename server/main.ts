/**
 * `npm start` runs this (after building the app when needed): the control-room server on TWIN_PORT (5173), its
 * embedded database in TWIN_DATA_DIR (var/) or PostgreSQL at DATABASE_URL. Logs are pino's JSON lines on stdout.
 */
import { readConfig } from './config';
import { startServer } from './startServer';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const server = await startServer(config, { level: process.env.TWIN_LOG_LEVEL ?? 'info' });
  server.app.log.info({ url: server.url, database: server.database.kind, where: server.database.where }, 'the twin is served');
  console.log(`Serving the twin on ${server.url} (${server.database.kind} database: ${server.database.where})`);
  const stop = (signal: string) => {
    server.app.log.info({ signal }, 'stopping');
    server.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(`The server could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
