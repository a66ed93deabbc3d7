/**
 * Times of day at the gate, for labels drawn on the map and narrow table cells: the simulation's clock is simulated
 * seconds since midnight of day 1 at the gate, live and replayed clocks are epoch seconds shown in the gate's time
 * zone, whatever the viewer's machine says. Pure (Intl only), so the view and the panels share it.
 */

/** The gate's time zone. */
export const GATE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const format = new Intl.DateTimeFormat('en-GB', { timeZone: GATE_TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

const pad = (n: number) => String(n).padStart(2, '0');

/** `08:03:20` at the gate for clock seconds `s`: since midnight of day 1 when `simulated`, else since the epoch. */
export function gateClock(s: number, simulated: boolean): string {
  if (!Number.isFinite(s)) throw new RangeError(`gate clock of ${s} s: expected a finite number of seconds`);
  if (!simulated) return format.format(new Date(s * 1000));
  const secs = ((Math.floor(s) % 86400) + 86400) % 86400;
  return `${pad(Math.floor(secs / 3600))}:${pad(Math.floor((secs % 3600) / 60))}:${pad(secs % 60)}`;
}

const parts = new Intl.DateTimeFormat('en-GB', { timeZone: GATE_TIME_ZONE, hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });

/** Seconds since the gate's local midnight, in [0, 86400), for clock seconds `s` read as {@link gateClock} reads them. */
export function gateTimeOfDayS(s: number, simulated: boolean): number {
  if (!Number.isFinite(s)) throw new RangeError(`gate time of day of ${s} s: expected a finite number of seconds`);
  if (simulated) return ((s % 86400) + 86400) % 86400;
  const whole = Math.floor(s);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.formatToParts(new Date(whole * 1000)).find((p) => p.type === type)!.value);
  return field('hour') * 3600 + field('minute') * 60 + field('second') + (s - whole);
}
