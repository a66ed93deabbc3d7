/**
 * The gate's own event feed for a simulated gate (`npm run fleet -- … --gate-events`): the simulation's trucks at
 * their barriers and scanner bays as the gate's equipment would report them (domain/gateEvent.ts). A truck's first
 * barrier is its way `in`; when it leaves the gate, the last barrier it passed reports it `out` (cleared); a scan
 * reports the customs channel the truck was sent to. Events are queued as the simulation makes them and published,
 * stamped with the wall clock, at the publisher's next tick.
 *
 * @example sim.onTruck = gate.take; … gate.flush(Date.now(), (topic, message) => client.publish(topic, JSON.stringify(message)));
 */
import { gateEventTopic, type GateEvent } from '../../domain/gateEvent';
import type { TruckEvent } from '../../sim/Simulation';

const CHANNELS = ['green', 'yellow', 'red'] as const;

export class GatePublisher {
  private readonly pending: TruckEvent[] = [];
  private readonly lastBarrier = new Map<number, string>();
  private seq = 0;

  constructor(
    private readonly zone: string,
    private readonly zoneFolder: string,
    /** Makes event ids unique across runs (e.g. the start time). */
    private readonly run: string,
  ) {}

  readonly take = (e: TruckEvent): void => {
    this.pending.push(e);
  };

  /** Publishes what the simulation did since the last call; returns how many events. */
  flush(nowMs: number, publish: (topic: string, message: GateEvent) => void): number {
    const timestamp = new Date(nowMs).toISOString();
    let n = 0;
    for (const e of this.pending) {
      const truck = `T-${String(e.truck + 1).padStart(6, '0')}`;
      const common = (facilityId: string) => ({ version: '1.0.0', eventId: `${this.run}-${++this.seq}`, timestamp, zone: this.zone, facilityId, truck });
      if (e.kind === 'served' && e.facilityKind === 'barrier' && e.facilityId) {
        if (!this.lastBarrier.has(e.truck)) {
          publish(gateEventTopic(this.zoneFolder, e.facilityId), { ...common(e.facilityId), kind: 'barrier-pass', direction: 'in' });
          n++;
        }
        this.lastBarrier.set(e.truck, e.facilityId);
      } else if (e.kind === 'served' && e.facilityKind === 'scanner-bay' && e.facilityId) {
        publish(gateEventTopic(this.zoneFolder, e.facilityId), { ...common(e.facilityId), kind: 'scan', channel: CHANNELS[e.channel] ?? 'green' });
        n++;
      } else if (e.kind === 'exited') {
        const barrier = this.lastBarrier.get(e.truck);
        this.lastBarrier.delete(e.truck);
        if (barrier === undefined) continue;
        publish(gateEventTopic(this.zoneFolder, barrier), { ...common(barrier), kind: 'barrier-pass', direction: 'out' });
        n++;
      }
    }
    this.pending.length = 0;
    return n;
  }
}
