import { describe, expect, it } from 'vitest';
import { buildFramework } from '../../../test/frameworks.ts';
import { frameworkSchema } from '../frameworks/framework-schema.ts';
import { answersFromForm } from './answer-form.ts';

const tiny = frameworkSchema.parse(buildFramework());
const items = tiny.dimensions[0]!.subdimensions[0]!.items;
const now = new Date('2026-03-10T10:00:00Z');

describe('reading a posted page', () => {
  it('reads each item’s choice, comment and evidence link', () => {
    const answers = answersFromForm(
      items,
      {
        'AAA01.value': '4',
        'AAA01.comment': '  We have a plan  ',
        'AAA01.evidence': 'https://gov.example/plan',
        'AAA02.value': 'na',
      },
      now,
    );
    expect(answers).toEqual([
      {
        itemCode: 'AAA01',
        value: 4,
        notApplicable: false,
        comment: 'We have a plan',
        evidenceUrl: 'https://gov.example/plan',
        changedAt: now,
      },
      {
        itemCode: 'AAA02',
        value: null,
        notApplicable: true,
        comment: null,
        evidenceUrl: null,
        changedAt: now,
      },
    ]);
  });

  it('reads an item left alone as blank, and a value that is not a number as no value of the scale', () => {
    const [first, second] = answersFromForm(items, { 'AAA02.value': 'lots' }, now);
    expect(first).toMatchObject({ value: null, notApplicable: false, comment: null });
    expect(second!.value).toBeNaN();
  });

  it('takes the last of repeated fields', () => {
    const [first] = answersFromForm(items, { 'AAA01.value': ['1', '2'] }, now);
    expect(first!.value).toBe(2);
  });
});
