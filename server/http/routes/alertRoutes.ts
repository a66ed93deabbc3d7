/**
 * The shared alert book: the alerts open and recent now (or those opened in a window, from the stored history),
 * and acknowledgements, stored with the signed-in user's name and pushed to every console (socketRoutes.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AlertStore } from '../../alerts/AlertStore';
import type { AlertFeed } from '../../alerts/ClusterAlerts';
import type { User } from '../../users/UserStore';
import { requires } from '../access';
import { HttpError } from '../HttpError';
import { parseBody, parseQuery } from '../parseInput';

const History = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(100_000).default(1000),
});
/** Ids as the book gives them (`<run>-A12`); at most a full book's worth at once. */
const Acknowledge = z.union([z.strictObject({ ids: z.array(z.string().min(1).max(64)).min(1).max(1000) }), z.strictObject({ all: z.literal(true) })]);

export interface AlertDeps {
  /** The book over the live fleet; absent when the server watches none. */
  readonly alerts: AlertFeed | undefined;
  readonly store: AlertStore;
  readonly userOf: (r: FastifyRequest) => Promise<User | undefined>;
}

export function alertRoutes(app: FastifyInstance, { alerts, store, userOf }: AlertDeps): void {
  app.get('/api/alerts', { preHandler: requires(userOf, 'view') }, async (request) => {
    const q = parseQuery(History, request.query);
    if (q.from === undefined && q.to === undefined) return { alerts: alerts?.current() ?? [] };
    return {
      alerts: await store.search({
        ...(q.from === undefined ? {} : { fromMs: Date.parse(q.from) }),
        ...(q.to === undefined ? {} : { toMs: Date.parse(q.to) }),
        limit: q.limit,
      }),
    };
  });

  app.post('/api/alerts/acknowledge', { preHandler: requires(userOf, 'command') }, async (request) => {
    const body = parseBody(Acknowledge, request.body);
    if (!alerts) throw new HttpError(503, 'this server watches no live fleet (TWIN_BROKER_URL is not set): it keeps no alert book');
    const user = (await userOf(request))!;
    const acknowledged = await alerts.acknowledge('all' in body ? 'all' : body.ids, user.name, Date.now());
    request.log.info({ user: user.name, acknowledged }, 'alerts acknowledged');
    return { acknowledged };
  });
}
