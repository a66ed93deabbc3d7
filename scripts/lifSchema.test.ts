import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIF_SCHEMA_PATH, LIF_VALIDATOR_PATH, lifValidatorSource } from './lifValidatorSource';

describe('the generated LIF schema validator', () => {
  it('is what data/lif/LIF.schema.json generates today (else run npm run lif:schema)', () => {
    expect(readFileSync(LIF_VALIDATOR_PATH, 'utf8')).toBe(lifValidatorSource());
  });

  it('changes when the schema does, so a stale file cannot pass', () => {
    const schema = JSON.parse(readFileSync(LIF_SCHEMA_PATH, 'utf8')) as { definitions: { nodePosition: { properties: { x: { type: string } } } } };
    schema.definitions.nodePosition.properties.x.type = 'integer';
    expect(lifValidatorSource(JSON.stringify(schema))).not.toBe(readFileSync(LIF_VALIDATOR_PATH, 'utf8'));
  });

  it('stands alone: no import of ajv, no eval', () => {
    const code = readFileSync(LIF_VALIDATOR_PATH, 'utf8');
    expect(code).not.toMatch(/\bimport\b|\brequire\(|\bnew Function\b|\beval\(/);
  });
});
