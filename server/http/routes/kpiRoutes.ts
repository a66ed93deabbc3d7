/** The fleet's minute-by-minute figures over a window (default: the last 24 hours). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { KpiMinutes } from '../../kpi/KpiMinutes';
import type { User } from '../../users/UserStore';
import { requires } from '../access';
import { HttpError } from '../HttpError';

const DAY_MS = 86_400_000;
const Window = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export function kpiRoutes(app: FastifyInstance, { kpi, userOf }: { kpi: KpiMinutes; userOf: (r: FastifyRequest) => Promise<User | undefined> }): void {
  app.get('/api/kpi', { preHandler: requires(userOf, 'view') }, async (request) => {
    const r = Window.safeParse(request.query);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw new HttpError(400, `query.${issue.path.map(String).join('.')}: ${issue.message}`);
    }
    const toMs = r.data.to === undefined ? Date.now() : Date.parse(r.data.to);
    const fromMs = r.data.from === undefined ? toMs - DAY_MS : Date.parse(r.data.from);
    return { minutes: await kpi.list(fromMs, toMs) };
  });
}
