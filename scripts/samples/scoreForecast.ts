/**
 * `npm run samples:score`: the forecast's error on the forecast sample (see scoreSampleForecast.ts), made at 0, 2, 5
 * and 8 minutes into it; prints the position error at +5 and +15 minutes and the containers moved against the
 * band. The README's *Traffic intelligence* quotes these figures.
 */
import { scoreSampleForecast } from './scoreSampleForecast';

const PLAYHEADS_MIN = [0, 2, 5, 8];

for (const min of PLAYHEADS_MIN) {
  const { score, band } = await scoreSampleForecast(min * 60);
  const e = score.error;
  if (!e) throw new Error(`forecast at +${min} min not scored: ${score.reason ?? 'no reason given'}`);
  const m = (v: number | undefined) => (v === undefined ? '—' : `${v.toFixed(1)} m`);
  console.log(
    [
      `08:${String(min).padStart(2, '0')}:`,
      `position +5 min ${m(e.positionM5)} (${e.agvs5} AGVs),`,
      `+15 min ${m(e.positionM15)} (${e.agvs15} AGVs);`,
      `containers over ${e.overS / 60} min: recorded ${e.containersRecorded ?? '—'}, seeds [${e.containersBand?.join('–') ?? '—'}],`,
      `median − recorded ${e.containers ?? '—'}${e.containersWithin ? ' (within)' : ''};`,
      `hour's band ${band.totals.containers.join('–')} containers`,
      score.reason ? `; ${score.reason}` : '',
    ].join(' '),
  );
}
