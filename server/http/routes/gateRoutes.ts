/**
 * The gate's own numbers, from its event feed (server/gate/): `GET /api/gate?zone=&days=7` gives the zone's last days
 * (trucks in, cleared, scans by channel), today's hours, and, for the zone the server watches, where today will end
 * (sim/dayProjection.ts on today's completed hours, the scene's arrival profile and opening hours) — only when the
 * feed reported in every completed hour that expects trucks: a feed started at 10:00 cannot say how the day began,
 * and its zeros would read as an empty morning. `feed` says whether the feed is watched at all and how it goes: null
 * without a broker.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Scene } from '../../../src/domain/sceneSchema';
import { projectDay } from '../../../src/sim/dayProjection';
import type { HourRow } from '../../../src/sim/simKpis';
import { gateDayStart, type GateStore } from '../../gate/GateStore';
import type { GateWatch } from '../../gate/GateWatch';
import type { User } from '../../users/UserStore';
import { requires } from '../access';
import { parseQuery } from '../parseInput';

const Query = z.strictObject({
  zone: z.string().min(1).max(40),
  days: z.coerce.number().int().min(1).max(92).default(7),
});

export interface GateDeps {
  readonly store: GateStore;
  readonly watch: GateWatch | undefined;
  /** The scene the server watches: its zone's projection uses its process figures. */
  readonly scene: Scene | undefined;
  readonly userOf: (r: FastifyRequest) => Promise<User | undefined>;
  readonly now?: () => number;
}

export function gateRoutes(app: FastifyInstance, { store, watch, scene, userOf, now = Date.now }: GateDeps): void {
  app.get('/api/gate', { preHandler: requires(userOf, 'view') }, async (request) => {
    const q = parseQuery(Query, request.query);
    const nowMs = now();
    const start = gateDayStart(nowMs);
    const [days, hours] = await Promise.all([store.days(q.zone, q.days, nowMs), store.hours(q.zone, start)]);
    const hoursDone = Math.floor((nowMs - start) / 3_600_000);
    let inside = 0;
    const rows: HourRow[] = hours.slice(0, hoursDone).map((h) => {
      inside = Math.max(0, inside + h.entered - h.cleared);
      return { hour: h.hour, arrived: h.entered, cleared: h.cleared, inside, agvsBusy: 0, containersWaiting: 0, queues: {} };
    });
    const p = scene?.process;
    const expects = (h: number) => p !== undefined && p.arrivalProfile.hourlyShare[h]! > 0 && h >= p.openingHours.openHour && h < p.openingHours.closeHour;
    const covered = rows.every((r) => r.arrived + r.cleared > 0 || !expects(r.hour));
    const projection =
      scene && scene.zone.id === q.zone && covered ? projectDay(rows, scene.zone.capacity.todayVehiclesPerDay.value, scene.process) : undefined;
    return {
      zone: q.zone,
      feed: watch?.status() ?? null,
      days,
      today: { startMs: start, asOfMs: nowMs, hoursDone, hours, ...(projection ? { projection } : {}) },
    };
  });
}
