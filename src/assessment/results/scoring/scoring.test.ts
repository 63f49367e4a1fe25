import { describe, expect, it } from 'vitest';
import { readReferenceFramework } from '../../../../test/frameworks.ts';
import { type RawAnswer, tallyAnswers } from '../../../../test/tallies.ts';
import type { Framework } from '../../frameworks/framework-schema.ts';
import { validateFramework } from '../../frameworks/validate-framework.ts';
import {
  agencyTrees,
  consensusScores,
  type DimensionScore,
  type ItemScore,
  type ScoreTree,
  type SubdimensionScore,
  scoreTree,
} from './scoring.ts';
import { roundScores } from './totals.ts';

// A tiny framework on the DGCA's 1–5 scale and levels:
//   LEA: LEA-A (A1, A2 with weight 2), LEA-B (B1)
//   TEC: TEC-A (C1, C2)
function buildFramework(overrides: Partial<Framework> = {}): Framework {
  const item = (code: string, weight = 1) => ({
    code,
    statement: { en: `Statement ${code}` },
    scale: 'agreement',
    weight,
  });
  return {
    key: 'tiny',
    version: '1.0.0',
    defaultLanguage: 'en',
    name: { en: 'Tiny' },
    scales: [
      {
        key: 'agreement',
        type: 'likert',
        min: 1,
        max: 5,
        labels: [
          { value: 1, label: { en: 'Strongly disagree' } },
          { value: 5, label: { en: 'Strongly agree' } },
        ],
        notApplicable: true,
      },
    ],
    maturityLevels: [
      { key: 'initial', name: { en: 'Initial' }, minScore: 1 },
      { key: 'developing', name: { en: 'Developing' }, minScore: 1.8 },
      { key: 'defined', name: { en: 'Defined' }, minScore: 2.6 },
      { key: 'managed', name: { en: 'Managed' }, minScore: 3.4 },
      { key: 'optimised', name: { en: 'Optimised' }, minScore: 4.2 },
    ],
    dimensions: [
      {
        code: 'LEA',
        name: { en: 'Leadership' },
        subdimensions: [
          { code: 'LEA-A', name: { en: 'A' }, items: [item('A1'), item('A2', 2)] },
          { code: 'LEA-B', name: { en: 'B' }, items: [item('B1')] },
        ],
      },
      {
        code: 'TEC',
        name: { en: 'Technology' },
        subdimensions: [{ code: 'TEC-A', name: { en: 'C' }, items: [item('C1'), item('C2')] }],
      },
    ],
    ...overrides,
  };
}

const NA = 'n/a';
const UNANSWERED = 'unanswered';

/** One response's answers: a value, "not applicable" or unanswered per item code. */
function response(
  agencyId: string,
  responseId: string,
  values: Record<string, number | typeof NA | typeof UNANSWERED>,
): RawAnswer[] {
  return Object.entries(values).map(([itemCode, value]) => ({
    agencyId,
    responseId,
    itemCode,
    value: typeof value === 'number' ? value : null,
    notApplicable: value === NA,
  }));
}

// A ministry of three respondents and a council of one; "empty" was asked and
// did not answer.
const answers = [
  ...response('ministry', 'r1', { A1: 4, A2: 5, B1: 3, C1: 2, C2: NA }),
  ...response('ministry', 'r2', { A1: 2, A2: NA, B1: 3, C1: 4, C2: NA }),
  ...response('ministry', 'r3', { A1: 3, A2: 3, B1: NA, C1: UNANSWERED, C2: NA }),
  ...response('council', 'r4', { A1: 1, A2: 2, B1: 5, C1: 1, C2: 2 }),
];

function dimension(tree: ScoreTree, code: string): DimensionScore {
  const found = tree.dimensions.find((d) => d.dimensionCode === code);
  if (!found) throw new Error(`no dimension ${code}`);
  return found;
}

function subdimension(tree: ScoreTree, code: string): SubdimensionScore {
  const found = tree.dimensions
    .flatMap((d) => d.subdimensions)
    .find((s) => s.subdimensionCode === code);
  if (!found) throw new Error(`no sub-dimension ${code}`);
  return found;
}

function item(tree: ScoreTree, code: string): ItemScore {
  const found = tree.dimensions
    .flatMap((d) => d.subdimensions.flatMap((s) => s.items))
    .find((i) => i.itemCode === code);
  if (!found) throw new Error(`no item ${code}`);
  return found;
}

function agency(scores: { agencies: Map<string, ScoreTree> }, id: string): ScoreTree {
  const found = scores.agencies.get(id);
  if (!found) throw new Error(`no agency ${id}`);
  return found;
}

const framework = buildFramework();
const scores = roundScores(
  framework,
  agencyTrees(framework, tallyAnswers(answers), ['ministry', 'council', 'empty']),
);
const ministry = agency(scores, 'ministry');
const council = agency(scores, 'council');

describe('item scores', () => {
  it('are the mean of the answers, with their number and population spread', () => {
    // A1 in the ministry: 4, 2, 3 → mean 3; deviations 1, −1, 0 → √(2/3) ≈ 0.8165
    expect(item(ministry, 'A1')).toMatchObject({ value: 3, n: 3, notApplicable: 0, agencies: 1 });
    expect(item(ministry, 'A1').spread).toBeCloseTo(Math.sqrt(2 / 3), 10);
    expect(item(ministry, 'A1').level?.key).toBe('defined');
  });

  it('leave "not applicable" out of the mean and count it apart', () => {
    // A2 in the ministry: 5, n/a, 3 → mean 4 over 2 answers, spread 1, one n/a
    expect(item(ministry, 'A2')).toMatchObject({ value: 4, n: 2, notApplicable: 1, spread: 1 });
    // B1: 3, 3, n/a → 3, spread 0
    expect(item(ministry, 'B1')).toMatchObject({ value: 3, n: 2, notApplicable: 1, spread: 0 });
  });

  it('leave unanswered items out without counting them as "not applicable"', () => {
    // C1 in the ministry: 2, 4, unanswered → mean 3 over 2 answers, spread 1
    expect(item(ministry, 'C1')).toMatchObject({ value: 3, n: 2, notApplicable: 0, spread: 1 });
  });

  it('have no score when every answer is "not applicable"', () => {
    expect(item(ministry, 'C2')).toMatchObject({
      value: undefined,
      n: 0,
      notApplicable: 3,
      spread: undefined,
      level: undefined,
      agencies: 0,
    });
  });
});

describe('sub-dimension, dimension and agency scores', () => {
  it('weigh item scores by the item’s weight', () => {
    // Ministry LEA-A: A1 = 3 (weight 1), A2 = 4 (weight 2) → (3 + 8) / 3 = 11/3 ≈ 3.667
    // spread: √((1·(3 − 11/3)² + 2·(4 − 11/3)²) / 3) = √((4/9 + 2/9) / 3) = √(2/9) ≈ 0.4714
    const lea = subdimension(ministry, 'LEA-A');
    expect(lea.value).toBeCloseTo(11 / 3, 10);
    expect(lea.spread).toBeCloseTo(Math.sqrt(2 / 9), 10);
    expect(lea).toMatchObject({ n: 5, notApplicable: 1 });
    expect(lea.level?.key).toBe('managed');
    // Council LEA-A: A1 = 1, A2 = 2 (weight 2) → 5/3 ≈ 1.667, below Developing's 1.8
    expect(subdimension(council, 'LEA-A').value).toBeCloseTo(5 / 3, 10);
    expect(subdimension(council, 'LEA-A').level?.key).toBe('initial');
  });

  it('leave items without a score out of the sub-dimension rather than count them as 0', () => {
    // Ministry TEC-A: C1 = 3, C2 has none → 3 (not 1.5)
    expect(subdimension(ministry, 'TEC-A')).toMatchObject({ value: 3, n: 2, notApplicable: 3 });
  });

  it('give each sub-dimension of a dimension the same say, whatever its number of items', () => {
    // Ministry LEA: mean(11/3, 3) = 10/3 ≈ 3.333 (Defined); spread: half the gap, 1/3.
    // Pooling its items instead would give (3 + 2·4 + 3) / 4 = 3.5 (Managed).
    const lea = dimension(ministry, 'LEA');
    expect(lea.value).toBeCloseTo(10 / 3, 10);
    expect(lea.spread).toBeCloseTo(1 / 3, 10);
    expect(lea).toMatchObject({ n: 7, notApplicable: 2 });
    expect(lea.level?.key).toBe('defined');
    // Council LEA: mean(5/3, 5) = 10/3 too; spread (5 − 5/3) / 2 = 5/3
    expect(dimension(council, 'LEA').value).toBeCloseTo(10 / 3, 10);
    expect(dimension(council, 'LEA').spread).toBeCloseTo(5 / 3, 10);
  });

  it('give an agency an overall score: the mean of its dimension scores', () => {
    // Ministry: mean(10/3, 3) = 19/6 ≈ 3.167; council: TEC = mean(1, 2) = 1.5,
    // overall mean(10/3, 3/2) = 29/12 ≈ 2.417 (Developing)
    expect(ministry.value).toBeCloseTo(19 / 6, 10);
    expect(ministry).toMatchObject({ n: 9, notApplicable: 5, respondents: 3, agencies: 1 });
    expect(council.value).toBeCloseTo(29 / 12, 10);
    expect(council.level?.key).toBe('developing');
    expect(council).toMatchObject({ n: 5, respondents: 1 });
  });

  it('give an agency with no answers no score at all, never 0 and never NaN', () => {
    const empty = agency(scores, 'empty');
    const everyScore = [
      empty,
      ...empty.dimensions,
      ...empty.dimensions.flatMap((d) => d.subdimensions),
      ...empty.dimensions.flatMap((d) => d.subdimensions.flatMap((s) => s.items)),
    ];
    expect(everyScore).toHaveLength(1 + 2 + 3 + 5);
    for (const score of everyScore) {
      expect(score).toMatchObject({ value: undefined, n: 0, spread: undefined, level: undefined });
    }
    expect(empty.respondents).toBe(0);
  });

  it('ignore answers to items the framework does not have', () => {
    const tree = scoreTree(framework, tallyAnswers(response('ministry', 'r9', { A1: 4, GONE: 1 })));
    expect(tree).toMatchObject({ value: 4, n: 1 });
  });
});

describe('the whole of government', () => {
  it('counts each agency once, so a large ministry does not outweigh a small council', () => {
    const government = scores.wholeOfGovernment;
    // A1: mean of the agencies' 3 and 1 = 2, spread 1; 4 answers from 2 agencies
    expect(item(government, 'A1')).toMatchObject({ value: 2, spread: 1, n: 4, agencies: 2 });
    // LEA-A: mean(11/3, 5/3) = 8/3 ≈ 2.667; LEA: mean(10/3, 10/3) = 10/3, spread 0
    expect(subdimension(government, 'LEA-A').value).toBeCloseTo(8 / 3, 10);
    expect(dimension(government, 'LEA').value).toBeCloseTo(10 / 3, 10);
    expect(dimension(government, 'LEA').spread).toBeCloseTo(0, 10);
    // TEC: mean(3, 1.5) = 2.25 (Developing), spread 0.75
    expect(dimension(government, 'TEC')).toMatchObject({ value: 2.25, spread: 0.75 });
    expect(dimension(government, 'TEC').level?.key).toBe('developing');
    // Overall: mean(19/6, 29/12) = 67/24 ≈ 2.792; the empty agency is not among them
    expect(government.value).toBeCloseTo(67 / 24, 10);
    expect(government.level?.key).toBe('defined');
    expect(government).toMatchObject({ agencies: 2, n: 14, notApplicable: 5, respondents: 4 });
  });

  it('holds the distribution of each item’s answers, of every agency together', () => {
    // A1: the ministry's 4, 2, 3 and the council's 1; "not applicable" is counted apart
    const a1 = [1, 2, 3, 4].map((value) => ({ value, count: 1 }));
    expect(item(scores.wholeOfGovernment, 'A1').counts).toEqual(a1);
    expect(item(scores.pooled, 'A1').counts).toEqual(a1);
    expect(item(ministry, 'A1').counts).toEqual(a1.slice(1));
    // B1: the ministry's 3, 3 (and one n/a), the council's 5
    expect(item(scores.wholeOfGovernment, 'B1')).toMatchObject({
      counts: [
        { value: 3, count: 2 },
        { value: 5, count: 1 },
      ],
      notApplicable: 1,
    });
  });

  it('is also given pooled, every respondent counting once, for comparison', () => {
    const pooled = scores.pooled;
    // A1: 4, 2, 3, 1 → 2.5 (the ministry's three pull it up from 2);
    // spread √((1.5² + 0.5² + 0.5² + 1.5²) / 4) = √1.25 ≈ 1.118
    expect(item(pooled, 'A1')).toMatchObject({ value: 2.5, n: 4, agencies: 2 });
    expect(item(pooled, 'A1').spread).toBeCloseTo(Math.sqrt(1.25), 10);
    // A2: 5, 3, 2 → 10/3; B1: 3, 3, 5 → 11/3; C1: 2, 4, 1 → 7/3; C2: 2
    // LEA-A: (2.5 + 2·10/3) / 3 = 55/18; LEA: mean(55/18, 11/3) = 121/36
    // TEC-A = TEC: mean(7/3, 2) = 13/6; overall: mean(121/36, 13/6) = 199/72 ≈ 2.764
    expect(subdimension(pooled, 'LEA-A').value).toBeCloseTo(55 / 18, 10);
    expect(dimension(pooled, 'LEA').value).toBeCloseTo(121 / 36, 10);
    expect(dimension(pooled, 'TEC').value).toBeCloseTo(13 / 6, 10);
    expect(pooled.value).toBeCloseTo(199 / 72, 10);
    expect(pooled).toMatchObject({ n: 14, notApplicable: 5, respondents: 4, agencies: 2 });
  });

  it('has no score when no agency answered', () => {
    const none = roundScores(framework, agencyTrees(framework, [], ['empty']));
    expect(none.wholeOfGovernment).toMatchObject({ value: undefined, n: 0, agencies: 0 });
    expect(none.pooled).toMatchObject({ value: undefined, n: 0, respondents: 0 });
  });
});

describe('maturity levels of scores', () => {
  const itemScore = (...values: number[]) =>
    item(
      scoreTree(
        framework,
        tallyAnswers(values.flatMap((value, i) => response('ministry', `r${i}`, { A1: value }))),
      ),
      'A1',
    );

  it('place a score exactly on a level’s minimum score in that level', () => {
    expect(itemScore(1, 2, 2, 2, 2).level?.key).toBe('developing'); // 9/5 = 1.8
    expect(itemScore(2, 3, 3, 2, 3).level?.key).toBe('defined'); // 13/5 = 2.6
    expect(itemScore(3, 4, 3, 4, 3).level?.key).toBe('managed'); // 17/5 = 3.4
  });

  it('place a score just below a level’s minimum score in the level under it', () => {
    expect(itemScore(1, 2, 2, 2).level?.key).toBe('initial'); // 7/4 = 1.75
    expect(itemScore(2, 3, 3, 2, 2, 3, 3, 3, 2, 2).level?.key).toBe('developing'); // 2.5
  });

  it('place a score that is on a boundary by hand on it, despite floating-point rounding', () => {
    // LEA-A: 1, 1, 2, 1, 2 → 7/5 = 1.4; LEA-B: 4, 4, 4, 3, 4 → 19/5 = 3.8;
    // LEA = (1.4 + 3.8) / 2 = 2.6 on paper, 2.5999999999999996 in floating point
    const tree = scoreTree(
      framework,
      tallyAnswers([
        ...[1, 1, 2, 1, 2].flatMap((v, i) => response('ministry', `a${i}`, { A1: v, A2: v })),
        ...[4, 4, 4, 3, 4].flatMap((v, i) => response('ministry', `b${i}`, { B1: v })),
      ]),
    );
    expect(dimension(tree, 'LEA').value).toBeCloseTo(2.6, 10);
    expect(dimension(tree, 'LEA').level?.key).toBe('defined');
  });
});

describe('a stage-scale framework (nine pillars)', () => {
  const validated = validateFramework(readReferenceFramework('nine-pillars'));
  if (!validated.ok) throw new Error('the nine-pillars framework does not validate');
  const pillars = validated.framework;

  it('scores stage values 1–4 like any other scale, with its own stage levels', () => {
    const tree = scoreTree(
      pillars,
      tallyAnswers([
        ...response('ministry', 'r1', { VLM01: 2, DAT01: 1 }),
        ...response('ministry', 'r2', { VLM01: 3, DAT01: 2 }),
        ...response('ministry', 'r3', { VLM01: 3, DAT01: 4 }),
      ]),
    );
    // VLM: 2, 3, 3 → 8/3 ≈ 2.667 (Connected from 2.5); DAT: 1, 2, 4 → 7/3 ≈ 2.333 (Transactional)
    expect(dimension(tree, 'VLM').value).toBeCloseTo(8 / 3, 10);
    expect(dimension(tree, 'VLM').level?.key).toBe('connected');
    expect(dimension(tree, 'DAT').value).toBeCloseTo(7 / 3, 10);
    expect(dimension(tree, 'DAT').level?.key).toBe('transactional');
    // Overall over the two pillars with answers: (8/3 + 7/3) / 2 = 2.5, exactly Connected
    expect(tree.value).toBeCloseTo(2.5, 10);
    expect(tree.level?.key).toBe('connected');
    expect(dimension(tree, 'SOC')).toMatchObject({ value: undefined, n: 0 });
  });
});

describe('the minimum share of a sub-dimension answered', () => {
  const strict = buildFramework({ minimumAnsweredShare: 1 });
  const oneOfTwo = tallyAnswers(response('town', 't1', { A1: 4, B1: 2, C1: 3, C2: 5 }));

  it('scores a sub-dimension with half its items answered, by default', () => {
    const tree = scoreTree(framework, oneOfTwo);
    expect(subdimension(tree, 'LEA-A')).toMatchObject({ value: 4, answeredItems: 1 });
  });

  it('gives no score to a sub-dimension with fewer of its items answered than the framework asks', () => {
    const tree = scoreTree(strict, oneOfTwo);
    expect(subdimension(tree, 'LEA-A')).toMatchObject({ value: undefined, n: 1, agencies: 0 });
    // LEA is then B1's sub-dimension alone; the item keeps its own score.
    expect(dimension(tree, 'LEA').value).toBe(2);
    expect(item(tree, 'A1').value).toBe(4);
  });

  it('counts a "not applicable" answer as answered', () => {
    const tree = scoreTree(strict, tallyAnswers(response('town', 't1', { A1: 4, A2: NA })));
    expect(subdimension(tree, 'LEA-A').value).toBe(4);
  });

  it('applies to the pooled respondents too', () => {
    const pooled = roundScores(strict, agencyTrees(strict, oneOfTwo)).pooled;
    expect(subdimension(pooled, 'LEA-A').value).toBeUndefined();
  });
});

describe('consensus scores', () => {
  const consensus = consensusScores({
    framework,
    agencyIds: ['ministry', 'empty'],
    consensus: [
      { itemCode: 'A1', agencyId: 'ministry', value: 3, notApplicable: false },
      { itemCode: 'A2', agencyId: 'ministry', value: 5, notApplicable: false },
      { itemCode: 'B1', agencyId: 'ministry', value: 2, notApplicable: false },
      { itemCode: 'C1', agencyId: 'ministry', value: null, notApplicable: true },
      { itemCode: 'A1', agencyId: null, value: 2, notApplicable: false },
      { itemCode: 'C1', agencyId: null, value: 4, notApplicable: false },
    ],
  });

  it('form the same hierarchy as the self-assessment, each consensus one answer', () => {
    const agreed = agency(consensus, 'ministry');
    expect(item(agreed, 'A1')).toMatchObject({ value: 3, n: 1, spread: 0 });
    // LEA-A: (3 + 2·5) / 3 = 13/3; LEA: mean(13/3, 2) = 19/6; TEC has no score (C1 n/a)
    expect(subdimension(agreed, 'LEA-A').value).toBeCloseTo(13 / 3, 10);
    expect(dimension(agreed, 'LEA').value).toBeCloseTo(19 / 6, 10);
    // TEC: C1 agreed "not applicable", C2 not discussed: incomplete, so no score.
    expect(dimension(agreed, 'TEC')).toMatchObject({
      value: undefined,
      notApplicable: 1,
      answeredItems: 1,
    });
    // Agreed on 4 of 5 items: no overall score as if the workshop had covered all.
    expect(agreed).toMatchObject({ value: undefined, answeredItems: 4 });
    // Beside the self-assessment's LEA of 10/3 for the same agency
    expect(dimension(ministry, 'LEA').value).toBeCloseTo(10 / 3, 10);
  });

  it('take the whole of government from its own workshop, not from the agencies’', () => {
    // Agreed on A1 = 2 and C1 = 4 only: item scores, and no sub-dimension complete.
    const government = consensus.wholeOfGovernment;
    expect(item(government, 'A1')).toMatchObject({ value: 2, n: 1 });
    expect(item(government, 'C1')).toMatchObject({ value: 4, n: 1 });
    expect(dimension(government, 'LEA')).toMatchObject({ value: undefined, answeredItems: 1 });
    expect(government).toMatchObject({ value: undefined, answeredItems: 2 });
  });

  it('give an agency without a consensus no score', () => {
    expect(agency(consensus, 'empty')).toMatchObject({ value: undefined, n: 0 });
  });
});
