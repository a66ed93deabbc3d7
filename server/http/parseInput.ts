import type { z } from 'zod';
import { HttpError } from './HttpError';

/**
 * A request's body, query string or route parameters checked against `schema`; a 400 naming the first bad field by its path otherwise.
 * @example parseInput(z.object({ name: z.string() }), {}, 'body') throws HttpError(400, 'body.name: Invalid input: expected string, received undefined')
 */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, part: 'body' | 'query' | 'params'): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new HttpError(400, [part, ...issue.path.map(String)].join('.') + `: ${issue.message}`);
}

export const parseBody = <T>(schema: z.ZodType<T>, body: unknown): T => parseInput(schema, body, 'body');
export const parseQuery = <T>(schema: z.ZodType<T>, query: unknown): T => parseInput(schema, query, 'query');
export const parseParams = <T>(schema: z.ZodType<T>, params: unknown): T => parseInput(schema, params, 'params');
