/**
 * The state worth sharing, carried in the URL: `?zone=…&scene=…&view=…&lang=vi|en`. `scene` is a variant of
 * the zone (`today`, `proposed`) or the address of a scene file (`scene=/my/layout.json`). Benchmark runs add
 * `bench=agvs&n=…&method=direct|object3d`.
 */
import type { Problem } from '../domain/problem';
import type { ZoneId } from '../domain/sceneSchema';
import type { ConsoleMode, Lang } from '../store/twinStore';
import { CATALOG, DEFAULT_VARIANT, DEFAULT_ZONE, variantsOf, ZONES, type CatalogEntry } from './sceneCatalog';

export interface UrlState {
  readonly zone?: string;
  readonly scene?: string;
  readonly view?: string;
  readonly lang?: Lang;
  readonly bench?: { readonly agvs: number; readonly method: 'direct' | 'object3d' };
}

export function readUrlState(search: string): UrlState {
  const p = new URLSearchParams(search);
  const lang = p.get('lang');
  const n = Number(p.get('n'));
  return {
    zone: p.get('zone') ?? undefined,
    scene: p.get('scene') ?? undefined,
    view: p.get('view') ?? undefined,
    lang: lang === 'vi' || lang === 'en' ? lang : undefined,
    bench:
      p.get('bench') === 'agvs' && Number.isInteger(n) && n > 0
        ? { agvs: n, method: p.get('method') === 'object3d' ? 'object3d' : 'direct' }
        : undefined,
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

export type SceneRequest =
  | { readonly kind: 'catalog'; readonly entry: CatalogEntry }
  | { readonly kind: 'url'; readonly url: string };

export function catalogRequest(zone: ZoneId, variant: string): SceneRequest | undefined {
  const entry = CATALOG.find((e) => e.zone === zone && e.variant === variant);
  return entry && { kind: 'catalog', entry };
}

/** What the URL asks to open, and the problems with what it asked (each names the parameter). */
export function resolveScene(s: UrlState): { request?: SceneRequest; fallback?: SceneRequest; problems: Problem[] } {
  const problems: Problem[] = [];
  let zone = ZONES.find((z) => z === s.zone);
  if (s.zone !== undefined && zone === undefined) {
    problems.push({ path: 'zone', message: `unknown zone "${s.zone}" (known: ${ZONES.join(', ')})` });
  }
  zone ??= DEFAULT_ZONE;
  const fallbackVariant = variantsOf(zone).includes(DEFAULT_VARIANT) ? DEFAULT_VARIANT : variantsOf(zone)[0];
  const fallback = fallbackVariant === undefined ? undefined : catalogRequest(zone, fallbackVariant);
  if (s.scene === undefined) return { request: fallback, problems };
  if (s.scene.includes('/') || s.scene.endsWith('.json')) return { request: { kind: 'url', url: s.scene }, fallback, problems };
  const request = catalogRequest(zone, s.scene);
  if (!request) {
    problems.push({ path: 'scene', message: `no scene "${s.scene}" for zone ${zone} (known: ${variantsOf(zone).join(', ')})` });
    return { request: fallback, problems };
  }
  return { request, fallback, problems };
}
