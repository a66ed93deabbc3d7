import type { Scene } from '../domain/sceneSchema';
import type { MapLabel } from './MapLabels';

/** How far from the border, in metres, the country names stand on the map. */
const OFFSET_M = 250;

/**
 * Country names either side of the border, beside the middle of the border line: on the left of the line as
 * drawn, and on its right, each given the name of the country the scene puts there.
 */
export function sideLabels(zone: Scene['zone'], names: { VN: string; CN: string }): MapLabel[] {
  const line = zone.border.line;
  const i = Math.min(Math.floor((line.length - 1) / 2), line.length - 2);
  const a = line[i]!;
  const b = line[i + 1]!;
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
  const mid: [number, number] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const left: [number, number] = [-(b[1] - a[1]) / len, (b[0] - a[0]) / len];
  const vnSign = zone.border.vietnamSide === 'left' ? 1 : -1;
  const at = (sign: number): [number, number, number] => [mid[0] + left[0] * OFFSET_M * sign, mid[1] + left[1] * OFFSET_M * sign, 0];
  return [
    { key: 'side-VN', text: names.VN, at: at(vnSign), kind: 'country' },
    { key: 'side-CN', text: names.CN, at: at(-vnSign), kind: 'country' },
  ];
}
