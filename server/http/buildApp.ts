/**
 * The control-room server's HTTP side: the built app (with the cross-origin isolation headers its workers need for
 * SharedArrayBuffer), and the API under /api. Every API answer but health and sign-in needs a session (access.ts);
 * a failure answers with `{ error }` naming the problem, and a 500 is logged with its reason and request id.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import settings from '../../data/server.json' with { type: 'json' };
import type { LoginLimiter } from '../auth/LoginLimiter';
import type { SessionStore } from '../auth/SessionStore';
import type { DatabaseKind } from '../db/openDatabase';
import type { UserStore } from '../users/UserStore';
import { sessionUser } from './access';
import { HttpError } from './HttpError';
import { sessionRoutes } from './routes/sessionRoutes';
import { userRoutes } from './routes/userRoutes';
import { liveRoutes } from './routes/liveRoutes';
import type { AuditStore } from '../audit/AuditStore';
import type { RecordingStore } from '../recording/RecordingStore';
import { recordingRoutes } from './routes/recordingRoutes';
import { kpiRoutes } from './routes/kpiRoutes';
import type { KpiMinutes } from '../kpi/KpiMinutes';
import type { LiveWatch } from '../live/LiveWatch';
import type { AlertStore } from '../alerts/AlertStore';
import type { AlertFeed } from '../alerts/ClusterAlerts';
import { alertRoutes } from './routes/alertRoutes';
import { socketRoutes } from './routes/socketRoutes';
import { fleetRoutes } from './routes/fleetRoutes';
import type { FleetFanout } from '../live/FleetFanout';
import type { AuditPoll } from '../audit/AuditPoll';
import { layoutRoutes } from './routes/layoutRoutes';
import type { LayoutStore } from '../layouts/LayoutStore';
import { gateRoutes } from './routes/gateRoutes';
import type { GateStore } from '../gate/GateStore';
import type { GateWatch } from '../gate/GateWatch';
import type { Scene } from '../../src/domain/sceneSchema';

export interface AppDeps {
  readonly version: string;
  readonly database: DatabaseKind;
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly limiter: LoginLimiter;
  readonly audit: AuditStore;
  /** The live fleet the server watches, its scene's id and its alert book; absent without a broker. */
  readonly watch?: LiveWatch;
  readonly sceneId?: string;
  readonly alerts?: AlertFeed;
  /** With other instances on the database: the audit entries they store, for this instance's consoles. */
  readonly otherAudit?: AuditPoll;
  /** The live fleet sent to the consoles' views; absent without a broker. */
  readonly fanout?: FleetFanout;
  readonly alertStore: AlertStore;
  readonly layouts: LayoutStore;
  readonly gate: GateStore;
  /** The gate's event feed and the scene the server watches; absent without a broker. */
  readonly gateWatch?: GateWatch;
  readonly scene?: Scene;
  /** The built app; absent or empty, pages answer 503 saying so. */
  readonly distDir?: string;
  readonly recording: () => boolean;
  /** Whether this instance leads (records, keeps the alert book): always on the embedded database. */
  readonly leading: () => boolean;
  readonly recordings: RecordingStore;
  readonly kpi: KpiMinutes;
  /** Where the recorded segments are (served from there with range requests). */
  readonly recordingsDir: string;
  readonly logger?: FastifyServerOptions['logger'];
}

const ISOLATION = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  // Fastify's request lines for the API only: logging every asset of the app would bury them.
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: settings.bodyLimitBytes.value,
    trustProxy: false,
    logController: new LogController({ disableRequestLogging: (request) => !request.url.startsWith('/api/') }),
  });
  await app.register(fastifyCookie);
  app.addHook('onSend', async (_request, reply) => {
    reply.headers(ISOLATION);
  });
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    if (error instanceof HttpError) return reply.code(error.statusCode).headers(error.headers).send({ error: error.message });
    // Fastify's own refusals (bad JSON, 413 body too large, 415 content type) carry a status below 500.
    if (error.statusCode !== undefined && error.statusCode < 500) return reply.code(error.statusCode).send({ error: error.message });
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: `internal error (logged as request ${request.id})` });
  });

  const userOf = sessionUser(deps.sessions);
  app.get('/api/health', async () => ({
    ok: true,
    database: deps.database,
    broker: deps.watch?.status() ?? 'none',
    recording: deps.recording(),
    leading: deps.leading(),
    version: deps.version,
  }));
  sessionRoutes(app, { users: deps.users, sessions: deps.sessions, limiter: deps.limiter, userOf });
  userRoutes(app, { users: deps.users, userOf });
  liveRoutes(app, { watch: deps.watch, audit: deps.audit, userOf });
  recordingRoutes(app, { recordings: deps.recordings, dir: deps.recordingsDir, userOf });
  kpiRoutes(app, { kpi: deps.kpi, userOf });
  alertRoutes(app, { alerts: deps.alerts, store: deps.alertStore, userOf });
  layoutRoutes(app, { layouts: deps.layouts, userOf });
  gateRoutes(app, { store: deps.gate, watch: deps.gateWatch, scene: deps.scene, userOf });
  await socketRoutes(app, {
    alerts: deps.alerts,
    watch: deps.watch,
    ...(deps.otherAudit ? { otherAudit: deps.otherAudit } : {}),
    sessions: deps.sessions,
    sceneId: deps.sceneId,
    version: deps.version,
    userOf,
  });
  fleetRoutes(app, { fanout: deps.fanout, watch: deps.watch, sessions: deps.sessions, userOf });

  const built = deps.distDir !== undefined && existsSync(join(deps.distDir, 'index.html'));
  // Registered either way: it also sends the recordings (reply.sendFile with their folder, range requests included).
  await app.register(fastifyStatic, built ? { root: deps.distDir!, index: 'index.html' } : { root: deps.recordingsDir, serve: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return reply.code(404).send({ error: `no API route ${request.method} ${request.url.split('?')[0]}` });
    if (!built) return reply.code(503).type('text/plain').send('The twin is not built yet: run `npm run build` (npm start does it for you).');
    return reply
      .code(404)
      .type('text/plain')
      .send(`Not found: ${request.url.split('?')[0]}`);
  });
  return app;
}
