const formats = new Map<string, Intl.NumberFormat>();

/** `1,234.5` in English, `1.234,5` in Vietnamese: numbers follow the UI's language, not the machine's locale. */
export function formatNumber(n: number, lang: string, maxDigits = 2): string {
  const key = `${lang}|${maxDigits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: maxDigits });
    formats.set(key, f);
  }
  return f.format(n);
}
