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
import { AuditStore } from './audit/AuditStore';
import { AuditPoll } from './audit/AuditPoll';
import { FleetFanout } from './live/FleetFanout';
import { LiveWatch, type WatchLog } from './live/LiveWatch';
import { loadSceneFile } from './loadSceneFile';
import { Recorder, type RecorderLog } from './recording/Recorder';
import { RecordingStore } from './recording/RecordingStore';
import { KpiMinutes } from './kpi/KpiMinutes';
import { AlertStore } from './alerts/AlertStore';
import { LayoutStore } from './layouts/LayoutStore';
import { GateStore } from './gate/GateStore';
import { GateWatch } from './gate/GateWatch';
import { SharedAlerts } from './alerts/SharedAlerts';
import { ClusterAlerts } from './alerts/ClusterAlerts';
import { ClusterBookStore } from './alerts/ClusterBookStore';
import { Leadership } from './cluster/Leadership';
import { ALERT_THRESHOLDS } from '../src/telemetry/alerts/alertThresholds';
import { join } from 'node:path';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly database: TwinDatabase;
  /** http://host:port it listens on (the real port when the config asked for 0). */
  readonly url: string;
  close(): Promise<void>;
}

const SWEEP_MS = 3600_000;

export async function startServer(config: ServerConfig, logger: FastifyServerOptions['logger'] = false): Promise<RunningServer> {
  // A bad TWIN_SCENE is refused before anything opens.
  const scene = config.broker && loadSceneFile(config.scene);
  const database = await openDatabase(config);
  const sessions = new SessionStore(database.db);
  const audit = new AuditStore(database.db);
  // The watch logs through the app's logger, which exists once the app is built; it starts after the server listens.
  const log: WatchLog & RecorderLog = {
    info: (o, m) => app.log.info(o, m),
    warn: (o, m) => app.log.warn(o, m),
    error: (o, m) => app.log.error(o, m),
  };
  const recordings = new RecordingStore(database.db);
  const recorder = config.broker && new Recorder(join(config.dataDir, 'recordings'), recordings, log);
  const kpi = new KpiMinutes(database.db);
  const alertStore = new AlertStore(database.db);
  const alerts = scene ? new ClusterAlerts(new ClusterBookStore(database.db), log) : undefined;
  const gate = new GateStore(database.db);
  const gateWatch = config.broker ? new GateWatch(config.broker, gate, log, recorder || undefined) : undefined;
  const watch = config.broker && scene && new LiveWatch(config.broker, scene, audit, log, recorder ? { recorder } : {});
  const fanout = watch && scene ? new FleetFanout(watch, scene.id) : undefined;
  // On PostgreSQL other instances may send commands too: their audit entries reach this instance's consoles.
  const otherAudit = watch && config.databaseUrl !== undefined ? new AuditPoll(audit, log) : undefined;
  // What runs once among instances sharing a database: recording, the alert book, the KPI minutes.
  let book: SharedAlerts | undefined;
  const leadership = new Leadership(
    config.databaseUrl,
    {
      lead: async () => {
        if (!watch || !scene || !alerts) return;
        // What an earlier run or leader left open is closed: this book opens it again if it still holds, and takes
        // over its acknowledgement.
        const closed = await alertStore.closeLeftOpen();
        const run = Date.now().toString(36);
        book = new SharedAlerts(scene, ALERT_THRESHOLDS, alertStore, log, run);
        book.carryOver(closed);
        alerts.lead(book, run);
        if (recorder) await recorder.start(Date.now());
        watch.setFeeds({ ...(recorder ? { recorder } : {}), kpi, alerts: book });
      },
      stand: async () => {
        if (!watch || !alerts) return;
        watch.setFeeds(recorder ? { recorder } : {});
        await book?.settled();
        book = undefined;
        if (recorder) await recorder.close(Date.now());
        alerts.stand();
      },
    },
    log,
  );
  const app: FastifyInstance = await buildApp({
    version: pkg.version,
    database: database.kind,
    users: new UserStore(database.db),
    sessions,
    limiter: new LoginLimiter(),
    audit,
    ...(watch && scene && alerts ? { watch, sceneId: scene.id, alerts, fanout } : {}),
    ...(otherAudit ? { otherAudit } : {}),
    alertStore,
    layouts: new LayoutStore(database.db),
    gate,
    ...(gateWatch && scene ? { gateWatch, scene } : {}),
    distDir: config.distDir,
    recordings,
    kpi,
    recordingsDir: join(config.dataDir, 'recordings'),
    recording: () => (recorder ? recorder.recording() : false),
    leading: () => leadership.isLeading(),
    logger,
  });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (e) {
    await app.close();
    await database.close();
    throw e;
  }
  if (alerts) alerts.stand();
  await leadership.start();
  otherAudit?.start();
  watch?.start();
  gateWatch?.start();
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
        fanout?.stop();
        await gateWatch?.close();
        if (watch) await watch.close();
        await leadership.close();
        await otherAudit?.close();
        await alerts?.close();
        await app.close();
        await database.close();
      })()),
  };
}
