/** Users, for admins: list, add, remove. The same store as `npm run user`. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { User, UserStore } from '../../users/UserStore';
import { UserError } from '../../users/UserStore';
import { requires } from '../access';
import { HttpError } from '../HttpError';
import { parseBody } from '../parseInput';

const NewUser = z.object({ name: z.string().max(64), role: z.string().max(16), password: z.string().max(1024) });

export function userRoutes(app: FastifyInstance, { users, userOf }: { users: UserStore; userOf: (r: FastifyRequest) => Promise<User | undefined> }): void {
  const admin = { preHandler: requires(userOf, 'administer') };
  app.get('/api/users', admin, async () => ({ users: await users.list() }));
  app.post('/api/users', admin, async (request, reply) => {
    const { name, role, password } = parseBody(NewUser, request.body);
    try {
      const user = await users.add(name, role, password);
      request.log.info({ by: (await userOf(request))?.name, user: name, role }, 'user added');
      return reply.code(201).send({ name: user.name, role: user.role });
    } catch (e) {
      if (e instanceof UserError) throw new HttpError(e.message.endsWith('already taken') ? 409 : 400, e.message);
      throw e;
    }
  });
  app.delete<{ Params: { name: string } }>('/api/users/:name', admin, async (request, reply) => {
    if (!(await users.remove(request.params.name))) throw new HttpError(404, `no user "${request.params.name}"`);
    request.log.info({ by: (await userOf(request))?.name, user: request.params.name }, 'user removed');
    return reply.code(204).send();
  });
}
