import type { z } from 'zod';
import { HttpError } from './HttpError';

/**
 * The request body checked against `schema`; a 400 naming the first bad field by its path otherwise.
 * @example parseBody(z.object({ name: z.string() }), {}) throws HttpError(400, 'body.name: Invalid input: expected string, received undefined')
 */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const path = ['body', ...issue.path.map(String)].join('.');
  throw new HttpError(400, `${path}: ${issue.message}`);
}
