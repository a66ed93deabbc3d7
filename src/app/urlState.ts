/**
 * The state worth sharing, carried in the URL: `?zone=…&scene=…&view=…&lang=vi|en`. `scene` is a variant of
 * the zone (`today`, `proposed`) or the address of a scene file (`scene=/my/layout.json`). Benchmark runs add
 * `bench=agvs&n=…&method=direct|object3d`.
 */
import { coded, type Problem } from '../domain/problem';
import type { ZoneId } from '../domain/sceneSchema';
import type { ConsoleMode, Lang } from '../store/twinStore';
import { CATALOG, DEFAULT_VARIANT, DEFAULT_ZONE, variantsOf, ZONES, type CatalogEntry } from './sceneCatalog';

export interface UrlState {
  readonly zone?: string;
  readonly scene?: string;
  readonly view?: string;
  readonly lang?: Lang;
  readonly bench?: { readonly agvs: number; readonly method: 'direct' | 'object3d' };
  /** A language, benchmark or method the twin does not know, each named with what it allows. */
  readonly problems: readonly Problem[];
}

const LANGS = ['vi', 'en'] as const;
const BENCHES = ['agvs'] as const;
const METHODS = ['direct', 'object3d'] as const;
/** More AGVs than any gate's fleet by far (5,000 at most in a simulation): the render benchmark's ceiling. */
const MAX_BENCH_AGVS = 100000;

function oneOf<T extends string>(p: URLSearchParams, name: string, known: readonly T[], problems: Problem[]): T | undefined {
  const raw = p.get(name);
  if (raw === null) return undefined;
  const value = known.find((k) => k === raw);
  if (value === undefined) {
    problems.push(coded(name, `unknown ${name} "${raw}" (known: ${known.join(', ')})`, { code: 'url-one-of', params: { value: raw, known } }));
  }
  return value;
}

export function readUrlState(search: string): UrlState {
  const p = new URLSearchParams(search);
  const problems: Problem[] = [];
  const lang = oneOf(p, 'lang', LANGS, problems);
  const bench = oneOf(p, 'bench', BENCHES, problems);
  const method = oneOf(p, 'method', METHODS, problems) ?? 'direct';
  const rawN = p.get('n');
  const n = Number(rawN);
  const agvs = Number.isInteger(n) && n > 0 && n <= MAX_BENCH_AGVS ? n : undefined;
  if (rawN !== null && agvs === undefined) {
    problems.push(
      coded('n', `"${rawN}" is not a whole number of AGVs from 1 to ${MAX_BENCH_AGVS}`, {
        code: 'url-whole-number-range',
        params: { value: rawN, min: 1, max: MAX_BENCH_AGVS },
      }),
    );
  }
  return {
    zone: p.get('zone') ?? undefined,
    scene: p.get('scene') ?? undefined,
    view: p.get('view') ?? undefined,
    lang,
    bench: bench === 'agvs' && agvs !== undefined ? { agvs, method } : undefined,
    problems,
  };
}

/** Writes the shareable fields into `search`, keeping any other parameter as it was. */
export function writeUrlState(search: string, s: { zone: string; scene?: string; view?: string; lang: Lang; mode: ConsoleMode }): string {
  const p = new URLSearchParams(search);
  p.set('mode', s.mode);
  p.set('zone', s.zone);
  if (s.scene === undefined) p.delete('scene');
  else p.set('scene', s.scene);
  if (s.view === undefined) p.delete('view');
  else p.set('view', s.view);
  p.set('lang', s.lang);
  return `?${p.toString()}`;
}

export type SceneRequest = { readonly kind: 'catalog'; readonly entry: CatalogEntry } | { readonly kind: 'url'; readonly url: string };

export function catalogRequest(zone: ZoneId, variant: string): SceneRequest | undefined {
  const entry = CATALOG.find((e) => e.zone === zone && e.variant === variant);
  return entry && { kind: 'catalog', entry };
}

/** What the URL asks to open, and the problems with what it asked (each names the parameter). */
export function resolveScene(s: Pick<UrlState, 'zone' | 'scene'>): { request?: SceneRequest; fallback?: SceneRequest; problems: Problem[] } {
  const problems: Problem[] = [];
  let zone = ZONES.find((z) => z === s.zone);
  if (s.zone !== undefined && zone === undefined) {
    problems.push(coded('zone', `unknown zone "${s.zone}" (known: ${ZONES.join(', ')})`, { code: 'url-one-of', params: { value: s.zone, known: ZONES } }));
  }
  zone ??= DEFAULT_ZONE;
  const fallbackVariant = variantsOf(zone).includes(DEFAULT_VARIANT) ? DEFAULT_VARIANT : variantsOf(zone)[0];
  const fallback = fallbackVariant === undefined ? undefined : catalogRequest(zone, fallbackVariant);
  if (s.scene === undefined) return { request: fallback, problems };
  if (s.scene.includes('/') || s.scene.endsWith('.json')) return { request: { kind: 'url', url: s.scene }, fallback, problems };
  const request = catalogRequest(zone, s.scene);
  if (!request) {
    const known = variantsOf(zone);
    problems.push(
      coded('scene', `no scene "${s.scene}" for zone ${zone} (known: ${known.join(', ')})`, {
        code: 'url-unknown-scene',
        params: { value: s.scene, zone, known },
      }),
    );
    return { request: fallback, problems };
  }
  return { request, fallback, problems };
}
