/** The fleet's minute-by-minute figures over a window (default: the last 24 hours). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { KpiMinutes } from '../../kpi/KpiMinutes';
import type { User } from '../../users/UserStore';
import { requires } from '../access';
import { parseQuery } from '../parseInput';

const DAY_MS = 86_400_000;
const Window = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export function kpiRoutes(app: FastifyInstance, { kpi, userOf }: { kpi: KpiMinutes; userOf: (r: FastifyRequest) => Promise<User | undefined> }): void {
  app.get('/api/kpi', { preHandler: requires(userOf, 'view') }, async (request) => {
    const q = parseQuery(Window, request.query);
    const toMs = q.to === undefined ? Date.now() : Date.parse(q.to);
    const fromMs = q.from === undefined ? toMs - DAY_MS : Date.parse(q.from);
    return { minutes: await kpi.list(fromMs, toMs) };
  });
}
