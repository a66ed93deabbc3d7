/**
 * The sample recordings shipped with the app (made by `npm run samples`, see scripts/samples/), served
 * by Vite as assets of the build: `?source=replay&file=sample:<id>` plays one, the replay panel lists them. The
 * 25-minute one is long enough to score a forecast against.
 */
import gate1088Forecast from '../../data/recordings/1088-2-1089-forecast.mcap?url';
import gate1088 from '../../data/recordings/1088-2-1089-proposed.mcap?url';
import gate1119 from '../../data/recordings/1119-1120-proposed.mcap?url';
import type { ZoneId } from '../domain/sceneSchema';

export interface SampleRecording {
  readonly id: string;
  readonly zone: ZoneId;
  /** The scene variant it was recorded on. */
  readonly variant: string;
  readonly url: string;
  readonly minutes: number;
  /** AGVs recorded, when fewer than the scene's fleet. */
  readonly agvs?: number;
}

export const SAMPLE_RECORDINGS: readonly SampleRecording[] = [
  { id: '1119-1120-proposed', zone: '1119-1120', variant: 'proposed', url: gate1119, minutes: 2.5 },
  { id: '1088-2-1089-proposed', zone: '1088/2-1089', variant: 'proposed', url: gate1088, minutes: 2.5 },
  { id: '1088-2-1089-forecast', zone: '1088/2-1089', variant: 'proposed', url: gate1088Forecast, minutes: 25, agvs: 12 },
];
