import { describe, expect, it } from 'vitest';
import { checkPestleFields, pestleMatrix } from './pestle-rules.ts';
import {
  checkSwotFields,
  evidenceValue,
  frameworkCodes,
  parseEvidence,
  TEXT_MAX,
} from './swot-rules.ts';

const ROUND = '11111111-1111-4111-8111-111111111111';

describe('a SWOT entry’s fields', () => {
  it('keeps a valid entry, spaces collapsed', () => {
    expect(
      checkSwotFields({
        quadrant: 'threat',
        text: '  Budget   cuts ',
        importance: 'high',
        evidence: null,
      }),
    ).toEqual({
      fields: { quadrant: 'threat', text: 'Budget cuts', importance: 'high', evidence: null },
      problems: [],
    });
  });

  it('names every field that is wrong', () => {
    const { fields, problems } = checkSwotFields({
      quadrant: 'danger',
      text: 'x'.repeat(TEXT_MAX + 1),
      importance: undefined,
      evidence: undefined,
    });
    expect(fields).toBeUndefined();
    expect(problems).toEqual([
      { field: 'quadrant', rule: 'notAChoice' },
      { field: 'text', rule: 'tooLong', values: { max: TEXT_MAX } },
      { field: 'importance', rule: 'missing' },
      { field: 'evidence', rule: 'evidenceInvalid' },
    ]);
  });
});

describe('a link to evidence as a form writes it', () => {
  it('reads each kind, and writes it back the same', () => {
    for (const value of [
      `subdimension:${ROUND}:LEAD.1`,
      `item:${ROUND}:LEAD.1.2`,
      `recommendation:${ROUND}:R-7`,
      `agency:${ROUND}`,
      `pestle:${ROUND}`,
    ])
      expect(evidenceValue(parseEvidence(value) ?? null)).toBe(value);
    expect(parseEvidence('')).toBeNull();
  });

  it('is no link when its kind, id or code is not one', () => {
    expect(parseEvidence(`score:${ROUND}:X`)).toBeUndefined();
    expect(parseEvidence('agency:not-a-uuid')).toBeUndefined();
    expect(parseEvidence(`item:${ROUND}:`)).toBeUndefined();
    expect(parseEvidence(`agency:${ROUND}:extra`)).toBeUndefined();
  });
});

describe('the codes a framework offers as evidence', () => {
  it('collects dimensions, sub-dimensions, items and recommendations at either level', () => {
    const codes = frameworkCodes({
      dimensions: [
        {
          code: 'D',
          subdimensions: [
            {
              code: 'D.1',
              recommendations: [{ code: 'R1' }],
              items: [{ code: 'D.1.1', recommendations: [{ code: 'R2' }] }],
            },
          ],
        },
      ],
    });
    expect([...codes.dimension, ...codes.subdimension, ...codes.item]).toEqual([
      'D',
      'D.1',
      'D.1.1',
    ]);
    expect([...codes.recommendation]).toEqual(['R1', 'R2']);
  });
});

describe('a PESTLE factor', () => {
  const valid = {
    heading: 'legal',
    description: 'A data protection law',
    impact: 'high',
    likelihood: 'medium',
    trend: 'rising',
    horizon: 'short',
  };

  it('keeps a valid factor and refuses values outside each scale, naming the field', () => {
    expect(checkPestleFields(valid).fields).toEqual(valid);
    expect(
      checkPestleFields({ ...valid, heading: 'cultural', trend: 'up', description: ' ' }).problems,
    ).toEqual([
      { field: 'heading', rule: 'notAChoice' },
      { field: 'description', rule: 'missing' },
      { field: 'trend', rule: 'notAChoice' },
    ]);
  });

  it('places factors in the matrix by heading and impact', () => {
    const matrix = pestleMatrix([
      { heading: 'legal', impact: 'high', id: 'a' },
      { heading: 'legal', impact: 'high', id: 'b' },
      { heading: 'social', impact: 'low', id: 'c' },
    ] as const);
    expect(
      matrix
        .get('legal')
        ?.get('high')
        ?.map((f) => f.id),
    ).toEqual(['a', 'b']);
    expect(
      matrix
        .get('social')
        ?.get('low')
        ?.map((f) => f.id),
    ).toEqual(['c']);
    expect(matrix.get('political')?.get('high')).toEqual([]);
    expect([...matrix.keys()]).toHaveLength(6);
  });
});
