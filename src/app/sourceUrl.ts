/**
 * Which telemetry source the URL asks for: `?source=sim` (the default), `?source=live&broker=ws://127.0.0.1:9001`
 * (user name and password are asked in a form, never carried in the URL). A wrong source is named as a problem and
 * the simulation runs instead; a live source with a wrong broker address is the live console saying what is wrong
 * (`live-unreachable`), never the simulation, which an operator could take for the live fleet. `?source=replay&file=<address>` plays a recording (an address on this server, an
 * http(s) URL, or `sample:<id>` for a shipped sample); without `file` the replay panel asks for one. A live feed may also take `stale=<seconds>`: the silence after which an AGV shows
 * as stale (default 35 s; tests of a broker outage shorten it so they need not wait half a minute).
 * `?source=live&via=server` shows the fleet the control-room server serving the page watches, through its fan-out
 * (no broker address, no broker login: the server's session).
 */
import { coded, type Problem } from '../domain/problem';

export type SourceRequest =
  | { readonly kind: 'sim' }
  | { readonly kind: 'live'; readonly broker: string; /** Only when the URL sets `stale`. */ readonly staleAfterS?: number }
  | { readonly kind: 'live-server' }
  | {
      readonly kind: 'live-unreachable';
      /** What is wrong with the address: none given, the broker's MQTT (TCP) address, or not a ws:// one. */
      readonly reason: BrokerProblem;
      readonly broker?: string;
    }
  | { readonly kind: 'replay'; /** Absent: the user picks a file. */ readonly file?: string };

export type BrokerProblem = 'missing' | 'mqtt' | 'not-ws';

/** VDA 5050 vehicles send a state at least every 30 s: 35 s of silence means something is wrong. */
export const DEFAULT_STALE_AFTER_S = 35;
/** Shorter than a second would flag vehicles publishing at 1 Hz; longer than an hour hides any outage. */
const STALE_RANGE_S = [1, 3600] as const;
const SOURCES = ['sim', 'live', 'replay'] as const;

export function readSourceUrl(search: string): { request: SourceRequest; problems: Problem[] } {
  const p = new URLSearchParams(search);
  const source = p.get('source') ?? 'sim';
  const problems: Problem[] = [];
  for (const secret of ['password', 'username']) {
    if (p.has(secret))
      problems.push(coded(secret, 'credentials are never read from the URL; enter them in the login form', { code: 'url-credentials', params: {} }));
  }
  if (source === 'sim') return { request: { kind: 'sim' }, problems };
  if (source === 'live') {
    const via = p.get('via');
    if (via === 'server') return { request: { kind: 'live-server' }, problems };
    if (via !== null)
      problems.push(coded('via', `via="${via}": the only way through is via=server`, { code: 'url-one-of', params: { value: via, known: ['server'] } }));
    const broker = p.get('broker');
    if (broker && /^wss?:\/\/[^\s/]+(\/\S*)?$/.test(broker)) {
      const staleAfterS = readStale(p.get('stale'), problems);
      return { request: staleAfterS === undefined ? { kind: 'live', broker } : { kind: 'live', broker, staleAfterS }, problems };
    }
    // Named twice on purpose: in the problem panel with the other URL problems, and on the page the live
    // console shows instead of a fleet, which says what address to give.
    problems.push(
      broker
        ? coded('broker', `"${broker}" is not a ws:// or wss:// address`, { code: 'url-broker', params: { value: broker } })
        : coded('broker', 'source=live needs broker=ws://host:port', { code: 'url-broker-missing', params: {} }),
    );
    const reason: BrokerProblem = !broker ? 'missing' : /^mqtts?:\/\//.test(broker) ? 'mqtt' : 'not-ws';
    return { request: broker ? { kind: 'live-unreachable', reason, broker } : { kind: 'live-unreachable', reason }, problems };
  }
  if (source === 'replay') {
    const file = p.get('file');
    if (file === null || file === '') return { request: { kind: 'replay' }, problems };
    if (/^sample:[\w-]+$/.test(file) || /^https?:\/\/\S+$/.test(file) || /^(\/|\.\/|\.\.\/)?[\w./-]+$/.test(file))
      return { request: { kind: 'replay', file }, problems };
    problems.push(
      coded('file', `"${file}" is not an address to read a recording from (a path, an http(s) URL or sample:<id>)`, {
        code: 'url-recording-address',
        params: { value: file },
      }),
    );
    return { request: { kind: 'replay' }, problems };
  }
  problems.push(
    coded('source', `unknown source "${source}" (known: ${SOURCES.join(', ')}); running the simulation`, {
      code: 'url-one-of',
      params: { value: source, known: SOURCES },
    }),
  );
  return { request: { kind: 'sim' }, problems };
}

/** `stale=<seconds>` checked; undefined (and a problem naming the default used) when absent or wrong. */
function readStale(raw: string | null, problems: Problem[]): number | undefined {
  if (raw === null) return undefined;
  const [min, max] = STALE_RANGE_S;
  // Number('') is 0 and Number(' 5 ') is 5: insist on plain decimal digits so a typo is not read as something else.
  const s = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
  if (s >= min && s <= max) return s;
  problems.push(
    coded('stale', `stale="${raw}" is not a number of seconds from ${min} to ${max}; using ${DEFAULT_STALE_AFTER_S} s`, {
      code: 'url-number-range',
      params: { value: raw, min, max },
    }),
  );
  return undefined;
}
