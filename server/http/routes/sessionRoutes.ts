/** Sign-in, who am I, sign-out. Failed sign-ins are throttled per name and per address (LoginLimiter). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { LoginLimiter } from '../../auth/LoginLimiter';
import type { SessionStore } from '../../auth/SessionStore';
import type { User, UserStore } from '../../users/UserStore';
import { SESSION_COOKIE } from '../access';
import { HttpError } from '../HttpError';
import { parseBody } from '../parseInput';

const SignIn = z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(1024) });

export interface SessionDeps {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly limiter: LoginLimiter;
  readonly userOf: (r: FastifyRequest) => Promise<User | undefined>;
}

export function sessionRoutes(app: FastifyInstance, { users, sessions, limiter, userOf }: SessionDeps): void {
  app.post('/api/session', async (request, reply) => {
    const { name, password } = parseBody(SignIn, request.body);
    const nameKey = `name:${name.toLowerCase()}`;
    const keys = [nameKey, `ip:${request.ip}`];
    const waitS = limiter.retryAfterS(keys);
    if (waitS > 0) throw new HttpError(429, `too many failed sign-ins: try again in ${waitS} s`, { 'retry-after': String(waitS) });
    const user = await users.authenticate(name, password);
    if (!user) {
      limiter.fail(keys);
      request.log.warn({ name }, 'failed sign-in');
      throw new HttpError(401, 'wrong name or password');
    }
    limiter.succeed([nameKey]);
    const { token, expiresMs } = await sessions.open(user);
    request.log.info({ user: user.name, role: user.role }, 'signed in');
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.protocol === 'https',
      path: '/',
      expires: new Date(expiresMs),
    });
    return { name: user.name, role: user.role };
  });

  app.get('/api/session', async (request) => {
    const user = await userOf(request);
    if (!user) throw new HttpError(401, 'not signed in');
    return { name: user.name, role: user.role };
  });

  app.delete('/api/session', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await sessions.close(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
}
