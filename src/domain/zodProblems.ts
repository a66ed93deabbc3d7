import type { z } from 'zod';
import { coded, formatPath, type Problem } from './problem';

function bound(inclusive: boolean | undefined, lower: boolean): string {
  if (lower) return inclusive ? '>=' : '>';
  return inclusive ? '<=' : '<';
}

function received(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  return typeof input === 'object' ? 'an object' : `${typeof input} ${JSON.stringify(input)}`;
}

/** A zod issue as a short sentence an engineer can act on ("must be > 0", "unknown field \"foo\""). */
function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `required (${issue.expected})`;
      if (issue.expected === 'int' && typeof issue.input === 'number') return 'must be a whole number';
      return `expected ${issue.expected}, got ${received(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be ${bound(issue.inclusive, true)} ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `has more than ${String(issue.maximum)} item(s)`;
      return `must be ${bound(issue.inclusive, false)} ${String(issue.maximum)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_union':
      return 'matches none of the allowed forms (check its "kind")';
    case 'not_multiple_of':
      return issue.divisor === 1 ? 'must be a whole number' : `must be a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message;
  }
}

const schema = (path: string, message: string): Problem => coded(path, message, { code: 'schema', params: { detail: message } });

/** Zod issues as problems; an unknown field is reported at the field itself so its line can be found. */
export function zodProblems(error: z.ZodError): Problem[] {
  const out: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push(schema(formatPath([...issue.path, key]), 'unknown field'));
      continue;
    }
    if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
      const options = issue.options.map((o) => JSON.stringify(o)).join(', ');
      out.push(schema(formatPath(issue.path), `must be one of ${options}`));
      continue;
    }
    out.push(schema(formatPath(issue.path), issueMessage(issue)));
  }
  return out;
}
