/**
 * `npm run samples`: writes the sample recording of each zone to data/recordings/ — two and a half minutes of the
 * proposed layout's simulated fleet from 08:00, as VDA 5050 messages in MCAP (see SimRecorder), with two
 * incidents to find on the timeline: an order to a node that does not exist (the vehicle answers with an
 * orderError) and a vehicle whose link drops for 40 s (CONNECTIONBROKEN, silence, ONLINE again).
 *
 * The files are deterministic (seeded simulation, fixed calendar day): a test regenerates them and checks the
 * committed bytes, so a change to the simulation or the recorder that alters them is noticed.
 */
import { writeFileSync } from 'node:fs';
import { recordZoneSample, ZONE_SAMPLES } from './recordZoneSample';

for (const sample of ZONE_SAMPLES) {
  const { bytes, messages } = recordZoneSample(sample);
  writeFileSync(sample.out, bytes);
  console.log(`${sample.out}: ${messages.toLocaleString('en')} messages, ${(bytes.length / 1024).toFixed(0)} KiB`);
}
