import type { JsonSyntaxError } from './jsonSyntaxMessage';

/**
 * Why a scene file could not be read at all: a stable code and its values, so a UI says it in its own language. A
 * schema error keeps zod's English sentence as its detail, framed in the UI's language.
 */
export type ParseCode =
  | { readonly code: 'json-syntax'; readonly params: { readonly error: JsonSyntaxError } }
  | { readonly code: 'empty-file'; readonly params: Record<string, never> }
  | { readonly code: 'schema'; readonly params: { readonly detail: string } }
  | { readonly code: 'load-failed'; readonly params: { readonly reason: string } };
