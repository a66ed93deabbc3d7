/**
 * The live fleet for the consoles' 3D views (a session with the view capability, checked before the upgrade):
 * `GET /api/fleet` is a WebSocket of binary fleet frames and JSON counts from the {@link FleetFanout}; a console
 * sends nothing on it (anything it sends gets an `error`, and the socket stays open). Without a live fleet to
 * watch, the socket says so and closes (4404). `GET /api/fleet/vehicle?key=` is one vehicle's panel.
 * `GET /api/fleet/traffic?capacity=&routeCap=` is the fleet packed for the console's traffic prediction
 * (src/telemetry/fanout/trafficBody.ts: the pack's keys, round and clock, then the buffer's bytes).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { SessionStore } from '../../auth/SessionStore';
import type { FleetFanout } from '../../live/FleetFanout';
import type { LiveWatch } from '../../live/LiveWatch';
import type { User } from '../../users/UserStore';
import { requires } from '../access';
import { HttpError } from '../HttpError';
import { parseQuery } from '../parseInput';
import { recheckSession } from './sessionRecheck';
import { encodeTrafficBody } from '../../../src/telemetry/fanout/trafficBody';

const NO_FLEET = 'this server watches no live fleet (TWIN_BROKER_URL is not set)';
const VehicleQuery = z.object({ key: z.string().min(3).max(200) });
/** Bounds of a console's traffic buffer: the live console draws at most 5,000 AGVs; routes keep a few dozen nodes. */
const TrafficQuery = z.object({ capacity: z.coerce.number().int().min(1).max(20_000), routeCap: z.coerce.number().int().min(1).max(1024) });

export interface FleetDeps {
  readonly fanout: FleetFanout | undefined;
  readonly watch: LiveWatch | undefined;
  readonly sessions: SessionStore;
  readonly userOf: (r: FastifyRequest) => Promise<User | undefined>;
}

export function fleetRoutes(app: FastifyInstance, deps: FleetDeps): void {
  app.get('/api/fleet', { websocket: true, preHandler: requires(deps.userOf, 'view') }, (socket: WebSocket, request) => {
    const fanout = deps.fanout;
    if (!fanout) {
      socket.send(JSON.stringify({ type: 'error', error: NO_FLEET }));
      socket.close(4404, NO_FLEET);
      return;
    }
    const remove = fanout.add(socket);
    recheckSession(socket, request, deps.sessions);
    socket.on('message', () => socket.send(JSON.stringify({ type: 'error', error: 'the fleet socket takes no messages' })));
    socket.on('close', remove);
  });

  app.get('/api/fleet/traffic', { preHandler: requires(deps.userOf, 'view') }, async (request, reply) => {
    const { capacity, routeCap } = parseQuery(TrafficQuery, request.query);
    if (!deps.watch) throw new HttpError(503, NO_FLEET);
    const packed = deps.watch.trafficPack(capacity, routeCap);
    if (!packed) throw new HttpError(503, 'the live fleet is not connected: the broker is not reachable now');
    return reply.type('application/octet-stream').send(Buffer.from(encodeTrafficBody(packed.pack, packed.bytes)));
  });

  app.get('/api/fleet/vehicle', { preHandler: requires(deps.userOf, 'view') }, async (request) => {
    const { key } = parseQuery(VehicleQuery, request.query);
    if (!deps.watch) throw new HttpError(503, NO_FLEET);
    const detail = deps.watch.vehicle(key);
    if (!detail) throw new HttpError(404, `no vehicle ${key} has been heard`);
    return detail;
  });
}
