/**
 * Who is asking: the session cookie's user, looked up once per request. `requires(capability)` is the pre-handler
 * every API route but health and sign-in carries: 401 without a live session, 403 when the role lacks the capability.
 */
import type { FastifyRequest } from 'fastify';
import { may, type Capability } from '../../src/domain/roles';
import type { SessionStore } from '../auth/SessionStore';
import type { User } from '../users/UserStore';
import { HttpError } from './HttpError';

export const SESSION_COOKIE = 'twin_session';

const WHAT: Readonly<Record<Capability, string>> = {
  view: 'watch the gate',
  command: 'command vehicles',
  design: 'change layouts',
  administer: 'manage users',
};

export function sessionUser(sessions: SessionStore) {
  const seen = new WeakMap<FastifyRequest, Promise<User | undefined>>();
  return (request: FastifyRequest): Promise<User | undefined> => {
    let user = seen.get(request);
    if (!user) seen.set(request, (user = sessions.user(request.cookies[SESSION_COOKIE])));
    return user;
  };
}

export function requires(userOf: (r: FastifyRequest) => Promise<User | undefined>, capability: Capability) {
  return async (request: FastifyRequest): Promise<void> => {
    const user = await userOf(request);
    if (!user) throw new HttpError(401, 'not signed in');
    if (!may(user.role, capability)) throw new HttpError(403, `${user.name} is a ${user.role}: a ${user.role} may not ${WHAT[capability]}`);
  };
}
