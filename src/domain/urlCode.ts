/**
 * What is wrong with one parameter of the twin's address (the problem's `path` names the parameter), as a stable
 * code and the values a sentence about it needs, each saying what the parameter allows, so a UI says it in its
 * own language.
 */
export type UrlCode =
  | { readonly code: 'url-unknown-parameter'; readonly params: { readonly known: readonly string[] } }
  | { readonly code: 'url-credentials'; readonly params: Record<string, never> }
  | { readonly code: 'url-one-of'; readonly params: { readonly value: string; readonly known: readonly string[] } }
  | { readonly code: 'url-unknown-scene'; readonly params: { readonly value: string; readonly zone: string; readonly known: readonly string[] } }
  | { readonly code: 'url-whole-number'; readonly params: { readonly value: string } }
  | { readonly code: 'url-number-range'; readonly params: { readonly value: string; readonly min: number; readonly max: number } }
  | { readonly code: 'url-whole-number-range'; readonly params: { readonly value: string; readonly min: number; readonly max: number } }
  | { readonly code: 'url-time-of-day'; readonly params: { readonly value: string } }
  | { readonly code: 'url-broker'; readonly params: { readonly value: string } }
  | { readonly code: 'url-broker-missing'; readonly params: Record<string, never> }
  | { readonly code: 'url-recording-address'; readonly params: { readonly value: string } };
