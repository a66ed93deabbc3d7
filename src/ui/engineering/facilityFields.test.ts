import { describe, expect, it } from 'vitest';
import { facilityFields } from './facilityFields';

describe('facilityFields', () => {
  it('reads choices, integers, radians, sourced values and facility references from the schema', () => {
    expect(facilityFields('crane')).toEqual([
      { name: 'craneType', type: 'choice', options: ['rail-mounted-gantry', 'rubber-tyred-gantry', 'stacking'] },
      { name: 'spanM', type: 'number', integer: false, radians: false },
      { name: 'cycleTimeS', type: 'sourced' },
      { name: 'serves', type: 'facility' },
    ]);
    expect(facilityFields('import-storage')[0]).toMatchObject({ name: 'capacityTeu', integer: true });
    expect(facilityFields('camera').find((f) => f.name === 'headingRad')).toMatchObject({ radians: true });
  });
});
