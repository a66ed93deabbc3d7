/**
 * The recorded live feed: the segments by time (the replay console lists them by day and hour), and each segment's
 * file, served with HTTP range requests so that a replay seeks without downloading the whole file.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RecordingStore } from '../../recording/RecordingStore';
import type { User } from '../../users/UserStore';
import { requires } from '../access';
import { HttpError } from '../HttpError';
import { parseQuery } from '../parseInput';

const ListParams = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export interface RecordingDeps {
  readonly recordings: RecordingStore;
  readonly dir: string;
  readonly userOf: (r: FastifyRequest) => Promise<User | undefined>;
}

export function recordingRoutes(app: FastifyInstance, { recordings, dir, userOf }: RecordingDeps): void {
  const view = { preHandler: requires(userOf, 'view') };
  app.get('/api/recordings', view, async (request) => {
    const q = parseQuery(ListParams, request.query);
    const from = q.from === undefined ? undefined : Date.parse(q.from);
    const to = q.to === undefined ? undefined : Date.parse(q.to);
    const segments = await recordings.list(from, to);
    return { segments: segments.map((s) => ({ ...s, url: `/api/recordings/${s.id}/file` })) };
  });

  app.get<{ Params: { id: string } }>('/api/recordings/:id/file', view, async (request, reply) => {
    const s = await recordings.byId(request.params.id);
    if (!s) throw new HttpError(404, `no recording "${request.params.id}"`);
    return reply
      .type('application/x-mcap')
      .header('content-disposition', `attachment; filename="${s.file.replace(/\//g, '_')}"`)
      .sendFile(s.file, dir);
  });
}
