/**
 * One WebSocket per console (`GET /api/ws`, a session with the view capability, checked before the upgrade): the
 * server pushes what is shared as it changes, so consoles need not poll. On connect: `hello` (who, the scene the
 * server watches), then the whole alert book; after that each change (`alerts` with `full: false`: the alerts that
 * changed and the ids let go), and each audit entry as it is stored or settles (`audit`). A console answers only `{ "type": "ping" }` (`pong`); anything else gets an `error`
 * naming the problem, and the socket stays open. The session is checked again (sessionRecheck.ts): signed out or
 * expired, the socket closes (4401). A console that cannot keep up (over {@link MAX_BUFFERED} bytes unsent) is closed
 * (1013) and gets the whole book again when it reconnects.
 */
import websocket from '@fastify/websocket';
import settings from '../../../data/server.json' with { type: 'json' };
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { SessionStore } from '../../auth/SessionStore';
import type { AlertFeed } from '../../alerts/ClusterAlerts';
import type { LiveWatch } from '../../live/LiveWatch';
import type { AuditPoll } from '../../audit/AuditPoll';
import type { User } from '../../users/UserStore';
import { requires } from '../access';
import { recheckSession } from './sessionRecheck';

/** data/server.json `socket`, with the reasons. */
const MAX_PAYLOAD = settings.socket.maxMessageBytes;
const MAX_BUFFERED = settings.socket.maxBufferedBytes;

export interface SocketDeps {
  readonly alerts: AlertFeed | undefined;
  readonly watch: LiveWatch | undefined;
  /** With other instances on the database: the audit entries they store. */
  readonly otherAudit?: AuditPoll;
  readonly sessions: SessionStore;
  readonly sceneId: string | undefined;
  readonly version: string;
  readonly userOf: (r: FastifyRequest) => Promise<User | undefined>;
}

export async function socketRoutes(app: FastifyInstance, deps: SocketDeps): Promise<void> {
  await app.register(websocket, { options: { maxPayload: MAX_PAYLOAD } });
  app.get('/api/ws', { websocket: true, preHandler: requires(deps.userOf, 'view') }, async (socket: WebSocket, request) => {
    const user = (await deps.userOf(request))!;
    const send = (message: object) => {
      if (socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount > MAX_BUFFERED) return socket.close(1013, 'this console fell too far behind; reconnect for the whole book');
      socket.send(JSON.stringify(message));
    };
    send({ type: 'hello', version: deps.version, user: user.name, role: user.role, ...(deps.sceneId ? { sceneId: deps.sceneId } : {}) });
    const stop = deps.alerts?.subscribe((c) => send({ type: 'alerts', full: false, alerts: c.alerts, removed: c.removed }));
    const stopAudit = deps.watch?.subscribeAudit((entries) => send({ type: 'audit', entries }));
    const stopOtherAudit = deps.otherAudit?.subscribe((entries) => send({ type: 'audit', entries }));
    if (deps.alerts) send({ type: 'alerts', full: true, alerts: deps.alerts.current() });
    recheckSession(socket, request, deps.sessions);
    socket.on('message', (data, isBinary) => {
      const problem = isBinary ? 'binary messages are not understood here' : refusal(String(data));
      send(problem === undefined ? { type: 'pong' } : { type: 'error', error: problem });
    });
    socket.on('close', () => {
      stop?.();
      stopAudit?.();
      stopOtherAudit?.();
    });
  });
}

/** Why a console's message is refused, or undefined for a ping. */
function refusal(text: string): string | undefined {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (m === null || typeof m !== 'object' || Array.isArray(m)) return 'expected an object with a "type"';
  const type = (m as { type?: unknown }).type;
  return type === 'ping' ? undefined : `unknown message type ${JSON.stringify(type)?.slice(0, 64) ?? 'undefined'}: consoles send only "ping"`;
}
