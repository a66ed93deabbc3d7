/**
 * What a truck does, step by step, compiled once per kind of truck (flow, two-way, pre-declared, risk channel):
 * drive to the next stop, queue for a barrier or scanner, wait out a document check or inspection, drop or pick
 * up a container at a yard, leave. Trucks share these lists; each keeps only its position in one.
 */
import type { Scene } from '../domain/sceneSchema';
import type { GateLayout } from './gateLayout';
import { CHANNEL_GREEN, CHANNEL_RED, CHANNEL_YELLOW, FLOW_EXPORT } from './truckArrivals';

export type Op =
  | { readonly kind: 'drive'; readonly arc: number }
  | { readonly kind: 'delay'; readonly seconds: number; readonly what: 'declaration' | 'document-check' | 'inspection' }
  | { readonly kind: 'server'; readonly index: number }
  | { readonly kind: 'drop'; readonly yard: number }
  | { readonly kind: 'pick'; readonly yard: number }
  | { readonly kind: 'exit' };

export interface Itinerary {
  readonly flow: 'export' | 'import';
  readonly ops: readonly Op[];
}

export function itineraryKey(flow: number, twoWay: number, preDeclared: number, channel: number): number {
  return ((flow * 2 + twoWay) * 2 + preDeclared) * 3 + channel;
}

/** Every itinerary, indexed by {@link itineraryKey}. */
export function truckItineraries(scene: Scene, layout: GateLayout): Itinerary[] {
  const t = scene.process.serviceTimes;
  const vnImportYard = layout.yards.findIndex((y) => y.flow === 'import' && y.side === 'VN');
  const out: Itinerary[] = [];
  for (const flowCode of [FLOW_EXPORT, 1]) {
    for (const twoWay of [0, 1]) {
      for (const preDeclared of [0, 1]) {
        for (const channel of [CHANNEL_GREEN, CHANNEL_YELLOW, CHANNEL_RED]) {
          const flow = flowCode === FLOW_EXPORT ? 'export' : 'import';
          const route = layout.routes[flow];
          const ops: Op[] = [];
          if (!preDeclared) ops.push({ kind: 'delay', seconds: t.declarationAtGateS.value, what: 'declaration' });
          const check: Op | undefined =
            channel === CHANNEL_YELLOW
              ? { kind: 'delay', seconds: t.documentCheckS.value, what: 'document-check' }
              : channel === CHANNEL_RED
                ? { kind: 'delay', seconds: t.physicalInspectionS.value, what: 'inspection' }
                : undefined;
          const scannerAt = route.stops.findIndex((s) => s.kind === 'server' && layout.servers[s.index]!.kind === 'scanner-bay');
          const checkAfter = scannerAt >= 0 ? scannerAt : route.stops.length > 0 ? 0 : -1;
          if (check && checkAfter < 0) ops.push(check);
          route.stops.forEach((stop, k) => {
            ops.push({ kind: 'drive', arc: stop.arc });
            if (stop.kind === 'server') ops.push({ kind: 'server', index: stop.index });
            else if (flow === 'export') {
              ops.push({ kind: 'drop', yard: stop.index });
              if (twoWay && vnImportYard >= 0 && route.viaYard) ops.push({ kind: 'pick', yard: vnImportYard });
            } else ops.push({ kind: 'pick', yard: stop.index });
            if (check && k === checkAfter) ops.push(check);
          });
          ops.push({ kind: 'drive', arc: route.line.length }, { kind: 'exit' });
          out[itineraryKey(flowCode, twoWay, preDeclared, channel)] = { flow, ops };
        }
      }
    }
  }
  return out;
}
