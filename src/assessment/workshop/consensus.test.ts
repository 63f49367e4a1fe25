import { describe, expect, it } from 'vitest';
import { readReferenceFramework } from '../../../test/frameworks.ts';
import { frameworkSchema } from '../frameworks/framework-schema.ts';
import { checkConsensus, normalizeConsensus, RATIONALE_MAX } from './consensus.ts';

const dgca = frameworkSchema.parse(readReferenceFramework('dgca'));
const ninePillars = frameworkSchema.parse(readReferenceFramework('nine-pillars'));
const pillarCode = ninePillars.dimensions[0]!.subdimensions[0]!.items[0]!.code;
const agreed = { value: 3, notApplicable: false, rationale: 'Policies exist but are not applied.' };

describe('checking a consensus', () => {
  it('accepts a value of the item’s scale with a rationale', () => {
    expect(checkConsensus(dgca, 'LEA01', agreed)).toEqual([]);
    expect(checkConsensus(dgca, 'LEA01', { ...agreed, value: 1 })).toEqual([]);
    expect(checkConsensus(dgca, 'LEA01', { ...agreed, value: 5 })).toEqual([]);
  });

  it('accepts "not applicable" where the scale allows it, and only there', () => {
    const notApplicable = { ...agreed, value: null, notApplicable: true };
    expect(checkConsensus(dgca, 'LEA01', notApplicable)).toEqual([]);
    expect(checkConsensus(ninePillars, pillarCode, notApplicable)).toEqual([
      { field: 'value', rule: 'not_applicable_not_allowed' },
    ]);
  });

  it('refuses a value off the scale, none at all, or a value and "not applicable" together', () => {
    expect(checkConsensus(dgca, 'LEA01', { ...agreed, value: 0 })).toEqual([
      { field: 'value', rule: 'value_outside_scale' },
    ]);
    expect(checkConsensus(dgca, 'LEA01', { ...agreed, value: 6 })).toEqual([
      { field: 'value', rule: 'value_outside_scale' },
    ]);
    expect(checkConsensus(dgca, 'LEA01', { ...agreed, value: null })).toEqual([
      { field: 'value', rule: 'value_missing' },
    ]);
    expect(checkConsensus(dgca, 'LEA01', { ...agreed, notApplicable: true })).toEqual([
      { field: 'value', rule: 'value_and_not_applicable' },
    ]);
  });

  it('requires a rationale of at most 2,000 characters, spaces alone not counting', () => {
    const rationale = (text: string) => normalizeConsensus({ ...agreed, rationale: text });
    expect(checkConsensus(dgca, 'LEA01', rationale('   '))).toEqual([
      { field: 'rationale', rule: 'rationale_missing' },
    ]);
    expect(checkConsensus(dgca, 'LEA01', rationale('x'.repeat(RATIONALE_MAX)))).toEqual([]);
    expect(checkConsensus(dgca, 'LEA01', rationale('x'.repeat(RATIONALE_MAX + 1)))).toEqual([
      { field: 'rationale', rule: 'rationale_too_long' },
    ]);
  });

  it('names every problem at once, and an unknown item alone', () => {
    expect(
      checkConsensus(dgca, 'LEA01', { value: 9, notApplicable: false, rationale: '' }),
    ).toEqual([
      { field: 'value', rule: 'value_outside_scale' },
      { field: 'rationale', rule: 'rationale_missing' },
    ]);
    expect(checkConsensus(dgca, 'NOPE99', agreed)).toEqual([
      { field: 'itemCode', rule: 'unknown_item' },
    ]);
  });
});
