/**
 * The live fleet the server watches (its state and the vehicles heard), commands to it through the server, and the
 * durable audit log. A command is checked against the
 * sender's role, sent with the server's own MQTT identity, and stored with the sender's name; the log is searchable
 * by time, vehicle and user and exports as JSON or CSV.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { OperatorCommand } from '../../../src/telemetry/live/operatorCommands';
import { auditCsv, type AuditStore } from '../../audit/AuditStore';
import type { LiveWatch } from '../../live/LiveWatch';
import type { User } from '../../users/UserStore';
import { requires } from '../access';
import { HttpError } from '../HttpError';
import { parseBody, parseQuery } from '../parseInput';

const NodeId = z.string().min(1).max(200);
const Command = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['pause', 'resume', 'cancel']) }),
  z.object({ kind: z.literal('goto'), nodeId: NodeId }),
  z.object({ kind: z.literal('hold'), nodeId: NodeId, untilMs: z.number().int().positive() }),
]);
const SendCommand = z.object({ vehicle: z.string().min(3).max(200), command: Command });

const AuditParams = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  vehicle: z.string().max(200).optional(),
  user: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100_000).default(1000),
  format: z.enum(['json', 'csv']).default('json'),
});

export interface LiveDeps {
  readonly watch: LiveWatch | undefined;
  readonly audit: AuditStore;
  readonly userOf: (r: FastifyRequest) => Promise<User | undefined>;
}

export function liveRoutes(app: FastifyInstance, { watch, audit, userOf }: LiveDeps): void {
  app.get('/api/live', { preHandler: requires(userOf, 'view') }, async () =>
    watch ? { status: watch.status(), vehicles: watch.vehicles() } : { status: 'none', vehicles: [] },
  );

  app.post('/api/commands', { preHandler: requires(userOf, 'command') }, async (request) => {
    const { vehicle, command } = parseBody(SendCommand, request.body);
    if (!watch) throw new HttpError(503, 'this server watches no live fleet (TWIN_BROKER_URL is not set)');
    if (watch.status() !== 'connected') throw new HttpError(503, 'the live fleet is not connected: the broker is not reachable now');
    const user = (await userOf(request))!;
    const entry = await watch.command(vehicle, command as OperatorCommand, user.name);
    request.log.info({ user: user.name, vehicle, what: entry.what, result: entry.result }, 'command');
    return entry;
  });

  app.get('/api/audit', { preHandler: requires(userOf, 'view') }, async (request, reply) => {
    const q = parseQuery(AuditParams, request.query);
    const rows = await audit.search({
      ...(q.from === undefined ? {} : { fromMs: Date.parse(q.from) }),
      ...(q.to === undefined ? {} : { toMs: Date.parse(q.to) }),
      ...(q.vehicle === undefined ? {} : { vehicle: q.vehicle }),
      ...(q.user === undefined ? {} : { who: q.user }),
      limit: q.limit,
    });
    if (q.format === 'csv') {
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="audit.csv"').send(auditCsv(rows));
    }
    return { entries: rows };
  });
}
