import { GATE_TIME_ZONE } from '../domain/gateClock';

export { GATE_TIME_ZONE };

const formats = new Map<string, Intl.DateTimeFormat>();

/** `08:00:40` (and the date when `withDate`) at the gate for epoch seconds `s`, in the UI's language. */
export function gateTime(s: number, lang: string, withDate = false): string {
  const key = `${lang}|${withDate}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      timeZone: GATE_TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      ...(withDate ? { day: '2-digit', month: '2-digit', year: 'numeric' } : {}),
    });
    formats.set(key, f);
  }
  return f.format(new Date(s * 1000));
}

/** `2:05` or `1:02:05` for a duration in seconds. */
export function duration(s: number): string {
  const t = Math.max(0, Math.round(s));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const sec = String(t % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
