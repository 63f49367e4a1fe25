import { describe, expect, it } from 'vitest';
import { readReferenceFramework } from '../../../../test/frameworks.ts';
import { frameworkSchema } from '../../frameworks/framework-schema.ts';
import { scoreScaleOf } from './score-scale.ts';

describe('the range of scores', () => {
  it('runs over the scales of the framework', () => {
    expect(scoreScaleOf(frameworkSchema.parse(readReferenceFramework('dgca')))).toEqual({
      min: 1,
      max: 5,
    });
    expect(scoreScaleOf(frameworkSchema.parse(readReferenceFramework('nine-pillars')))).toEqual({
      min: 1,
      max: 4,
    });
  });
});
