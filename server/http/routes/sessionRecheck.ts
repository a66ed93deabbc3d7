/**
 * A socket's session, checked again every `data/server.json` `socket.recheckS`: signed out or expired, the socket
 * closes (4401) and the console signs in again.
 */
import settings from '../../../data/server.json' with { type: 'json' };
import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { SessionStore } from '../../auth/SessionStore';
import { SESSION_COOKIE } from '../access';

const RECHECK_MS = settings.socket.recheckS * 1000;

/** Starts the checks; they stop when the socket closes. */
export function recheckSession(socket: WebSocket, request: FastifyRequest, sessions: SessionStore): void {
  const token = request.cookies[SESSION_COOKIE];
  const timer = setInterval(() => {
    sessions
      .user(token)
      .then((u) => u || socket.close(4401, 'the session has ended: sign in again'))
      .catch((err: unknown) => request.log.error({ err }, 'session check failed'));
  }, RECHECK_MS);
  timer.unref();
  socket.on('close', () => clearInterval(timer));
}
