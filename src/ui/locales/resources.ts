/**
 * The UI strings of each language: `en.json` / `vi.json` hold the shared strings, and each console keeps its own
 * file under `en/` and `vi/` (one top-level key per file, e.g. `{ "briefing": { … } }`), so the consoles' strings
 * grow apart without editing one big file. All bundled: nothing is fetched at run time.
 */
import en from './en.json';
import vi from './vi.json';

export type StringTree = { [key: string]: string | StringTree };

const EN_PARTS = import.meta.glob<StringTree>('./en/*.json', { eager: true, import: 'default' });
const VI_PARTS = import.meta.glob<StringTree>('./vi/*.json', { eager: true, import: 'default' });

function merge(base: StringTree, parts: Record<string, StringTree>): StringTree {
  const out: StringTree = { ...base };
  for (const [file, part] of Object.entries(parts)) {
    for (const [key, value] of Object.entries(part)) {
      if (key in out) throw new Error(`${file}: top-level key "${key}" is already defined by another strings file`);
      out[key] = value;
    }
  }
  return out;
}

export const STRINGS: { readonly en: StringTree; readonly vi: StringTree } = {
  en: merge(en as StringTree, EN_PARTS),
  vi: merge(vi as StringTree, VI_PARTS),
};
