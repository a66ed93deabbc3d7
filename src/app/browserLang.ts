import type { Lang } from '../store/twinStore';

/**
 * The UI language when the URL does not say (`?lang=` wins): the first of the browser's preferred languages the
 * twin speaks, Vietnamese when it speaks none of them — the gate's own language, for a control room whose
 * machines were set up elsewhere.
 *
 * @example
 *   browserLang(['fr-FR', 'en-US']); // 'en'
 */
export function browserLang(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'vi' || base === 'en') return base;
  }
  return 'vi';
}
