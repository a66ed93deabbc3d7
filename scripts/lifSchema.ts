/** `npm run lif:schema`: writes the LIF schema validator (scripts/lifValidatorSource.ts says why it is generated). */
import { writeFileSync } from 'node:fs';
import { LIF_VALIDATOR_PATH, lifValidatorSource } from './lifValidatorSource';

writeFileSync(LIF_VALIDATOR_PATH, lifValidatorSource());
console.log(`wrote ${LIF_VALIDATOR_PATH}`);
