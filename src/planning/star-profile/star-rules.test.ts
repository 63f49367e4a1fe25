import { describe, expect, it } from 'vitest';
import { starLevels, starPoints } from './star-model.ts';
import { checkStarPoint, EVIDENCE_MAX, isWebAddress, scoreKey } from './star-rules.ts';

const round = '5a1e0000-2025-4000-8000-000000000001';
const scores = new Set([scoreKey(round, 'LEA'), scoreKey(round, 'LEA-VIS')]);

describe('the star profiling model', () => {
  it('has the three parts of leadership commitment and the four parts of the self-assessment', () => {
    expect(starPoints.filter((point) => point.group === 'commitment')).toHaveLength(3);
    expect(starPoints.filter((point) => point.group === 'selfAssessment')).toHaveLength(4);
    expect(new Set(starPoints.map((point) => point.key)).size).toBe(starPoints.length);
  });

  it('names every point and level in English and Spanish', () => {
    for (const text of [...starPoints, ...starLevels].flatMap((entry) => [
      entry.name,
      entry.description,
    ])) {
      expect(text.en).not.toBe('');
      expect(text.es).not.toBe('');
      expect(text.es).not.toBe(text.en);
    }
  });
});

describe('a point of the star profile', () => {
  it('keeps a level, a narrative and evidence of both kinds, dropping blank slots', () => {
    const { fields, problems } = checkStarPoint(
      {
        level: '3',
        narrative: '  The president chairs the council.  ',
        evidence: [
          { title: 'Council decree', url: 'https://gov.example/decree' },
          { title: '', url: '', roundId: '', code: '' },
          { roundId: round, code: 'LEA-VIS' },
        ],
      },
      scores,
    );
    expect(problems).toEqual([]);
    expect(fields).toEqual({
      level: 3,
      narrative: 'The president chairs the council.',
      evidence: [
        { type: 'link', title: 'Council decree', url: 'https://gov.example/decree' },
        { type: 'score', roundId: round, code: 'LEA-VIS' },
      ],
    });
  });

  it('takes no level as not assessed yet', () => {
    expect(checkStarPoint({ level: '' }, scores).fields?.level).toBeNull();
    expect(checkStarPoint({ level: null }, scores).fields?.level).toBeNull();
  });

  it('refuses a level off the scale, naming the field', () => {
    for (const level of ['0', '6', '2.5', 'high', -1])
      expect(checkStarPoint({ level }, scores).problems).toEqual([
        { field: 'level', rule: 'levelInvalid', values: { min: 1, max: 5 } },
      ]);
  });

  it('refuses a link without its title or with an address that is not a web page', () => {
    const { fields, problems } = checkStarPoint(
      {
        evidence: [
          { url: 'https://gov.example' },
          { title: 'Script', url: 'javascript:alert(1)' },
          { title: 'Nowhere', url: 'gov.example/page' },
        ],
      },
      scores,
    );
    expect(fields).toBeUndefined();
    expect(problems).toEqual([
      { field: 'evidence.0.title', rule: 'titleMissing' },
      { field: 'evidence.1.url', rule: 'urlInvalid' },
      { field: 'evidence.2.url', rule: 'urlInvalid' },
    ]);
  });

  it('refuses a score that is not one of the plan’s baseline rounds, and a slot that is both', () => {
    const { problems } = checkStarPoint(
      {
        evidence: [
          { roundId: '00000000-0000-4000-8000-000000000000', code: 'LEA' },
          { roundId: round, code: 'NOPE' },
          { title: 'Both', url: 'https://gov.example', roundId: round, code: 'LEA' },
        ],
      },
      scores,
    );
    expect(problems).toEqual([
      { field: 'evidence.0.score', rule: 'scoreUnknown' },
      { field: 'evidence.1.score', rule: 'scoreUnknown' },
      { field: 'evidence.2.score', rule: 'evidenceBoth' },
    ]);
  });

  it('refuses a narrative too long and too much evidence', () => {
    const many = Array.from({ length: EVIDENCE_MAX + 1 }, (_, index) => ({
      title: `Page ${index}`,
      url: `https://gov.example/${index}`,
    }));
    expect(
      checkStarPoint({ narrative: 'x'.repeat(4001), evidence: many }, scores).problems,
    ).toEqual([
      { field: 'narrative', rule: 'tooLong', values: { max: 4000 } },
      { field: 'evidence', rule: 'evidenceTooMany', values: { max: EVIDENCE_MAX } },
    ]);
  });

  it('takes only http and https addresses with a host', () => {
    expect(isWebAddress('https://unpan.un.org/capacity-development')).toBe(true);
    expect(isWebAddress('HTTP://gov.example')).toBe(true);
    expect(isWebAddress('ftp://gov.example')).toBe(false);
    expect(isWebAddress('https://')).toBe(false);
  });
});
