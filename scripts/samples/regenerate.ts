/**
 * `npm run samples`: writes the sample recordings to data/recordings/ (see recordZoneSample.ts for each one):
 * two and a half minutes of each zone's proposed layout with two incidents to find on the timeline, and 25
 * minutes of 1088/2–1089 to score a forecast against. VDA 5050 messages in MCAP (see SimRecorder).
 *
 * The files are deterministic (seeded simulation, fixed calendar day): a test regenerates them and checks the
 * committed bytes, so a change to the simulation or the recorder that alters them is noticed.
 */
import { writeFileSync } from 'node:fs';
import { FORECAST_SAMPLE, recordZoneSample, ZONE_SAMPLES } from './recordZoneSample';

for (const sample of [...ZONE_SAMPLES, FORECAST_SAMPLE]) {
  const { bytes, messages } = recordZoneSample(sample);
  writeFileSync(sample.out, bytes);
  console.log(`${sample.out}: ${messages.toLocaleString('en')} messages, ${(bytes.length / 1024).toFixed(0)} KiB`);
}
