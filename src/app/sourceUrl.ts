/**
 * Which telemetry source the URL asks for: `?source=sim` (the default), `?source=live&broker=ws://127.0.0.1:9001`
 * (user name and password are asked in a form, never carried in the URL). A wrong value is named as a problem and
 * the simulation runs instead.
 */
import type { Problem } from '../domain/problem';

export type SourceRequest = { readonly kind: 'sim' } | { readonly kind: 'live'; readonly broker: string };

export function readSourceUrl(search: string): { request: SourceRequest; problems: Problem[] } {
  const p = new URLSearchParams(search);
  const source = p.get('source') ?? 'sim';
  const problems: Problem[] = [];
  for (const secret of ['password', 'username']) {
    if (p.has(secret)) problems.push({ path: secret, message: 'credentials are never read from the URL; enter them in the login form' });
  }
  if (source === 'sim') return { request: { kind: 'sim' }, problems };
  if (source === 'live') {
    const broker = p.get('broker');
    if (broker && /^wss?:\/\/[^\s/]+(\/\S*)?$/.test(broker)) return { request: { kind: 'live', broker }, problems };
    problems.push({ path: 'broker', message: broker ? `"${broker}" is not a ws:// or wss:// address` : 'source=live needs broker=ws://host:port' });
    return { request: { kind: 'sim' }, problems };
  }
  problems.push({ path: 'source', message: `unknown source "${source}" (known: sim, live); running the simulation` });
  return { request: { kind: 'sim' }, problems };
}
