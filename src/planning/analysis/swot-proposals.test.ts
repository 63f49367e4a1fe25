import { describe, expect, it } from 'vitest';
import type { RoundFindings, ScoreTree } from '../../assessment/results/index.ts';
import {
  importanceOf,
  itemsLiftingUp,
  openProposals,
  proposeFromFindings,
} from './swot-proposals.ts';

const ROUND = '11111111-1111-4111-8111-111111111111';
const AGENCY_UP = '22222222-2222-4222-8222-222222222222';
const AGENCY_DOWN = '33333333-3333-4333-8333-333333333333';

const score = (value: number | undefined) => ({
  value,
  n: 10,
  notApplicable: 0,
  standardError: 0.05,
  standardDeviation: 0.5,
});

// Dimension D1 at 3.0: item I1 at 4.2 lifts it, item I2 at 2.0 pulls it down;
// item I3 (withheld by small-number protection) has no value.
const total = {
  ...score(3),
  respondents: 40,
  dimensions: [
    {
      ...score(3),
      dimensionCode: 'D1',
      subdimensions: [
        {
          ...score(3.1),
          subdimensionCode: 'S1',
          items: [
            { ...score(4.2), itemCode: 'I1', counts: [] },
            { ...score(2), itemCode: 'I2', counts: [] },
            { ...score(undefined), itemCode: 'I3', counts: [] },
          ],
        },
      ],
    },
  ],
} as unknown as ScoreTree;

const findings = {
  round: { id: ROUND, name: 'Round 2025' },
  total,
  strongest: [
    { dimensionCode: 'D1', subdimensionCode: 'S1', value: 3.9, n: 10, standardError: 0.1 },
  ],
  weakest: [{ dimensionCode: 'D2', subdimensionCode: 'S9', value: 2.1, n: 10, standardError: 0.1 }],
  pullingDown: [
    {
      dimensionCode: 'D1',
      subdimensionCode: 'S1',
      itemCode: 'I2',
      itemValue: 2,
      dimensionValue: 3,
      effect: 0.2,
    },
  ],
  belowTarget: [
    {
      dimensionCode: 'D2',
      subdimensionCode: 'S9',
      score: 2.1,
      gap: 0.9,
      target: { level: { key: 'defined' }, dueOn: null, source: 'set' },
    },
  ],
  apartFromPeers: [
    { agencyId: AGENCY_UP, value: 3.8, peerValue: 2.9, peers: 4, gap: 0.9, agency: { name: 'Up' } },
    {
      agencyId: AGENCY_DOWN,
      value: 1.6,
      peerValue: 2.9,
      peers: 4,
      gap: -1.3,
      agency: { name: 'Down' },
    },
  ],
  consensusGaps: [{ itemCode: 'I2', selfAssessment: 3.5, consensus: 2, gap: -1.5 }],
} as unknown as RoundFindings;

describe('draft proposals from a round’s findings', () => {
  const proposals = proposeFromFindings(findings);
  const byRule = (rule: string) => proposals.filter((p) => p.rule === rule);

  it('proposes strengths first, then weaknesses, each with its numbers and evidence', () => {
    const quadrants = proposals.map((p) => p.quadrant);
    expect(quadrants.indexOf('weakness')).toBe(quadrants.lastIndexOf('strength') + 1);
    expect(byRule('strongSubdimension')[0]).toMatchObject({
      quadrant: 'strength',
      evidence: { kind: 'subdimension', roundId: ROUND, code: 'S1' },
      numbers: { score: 3.9, overall: 3 },
      importance: 'high',
    });
    expect(byRule('weakSubdimension')[0]).toMatchObject({
      quadrant: 'weakness',
      evidence: { kind: 'subdimension', code: 'S9' },
      numbers: { score: 2.1, overall: 3 },
    });
    expect(byRule('belowTarget')[0]).toMatchObject({
      numbers: { score: 2.1, gap: 0.9 },
      levelKey: 'defined',
      importance: 'medium',
    });
    expect(byRule('consensusGap')[0]).toMatchObject({
      evidence: { kind: 'item', code: 'I2' },
      numbers: { selfAssessment: 3.5, consensus: 2 },
      importance: 'medium',
    });
  });

  it('calls an agency above its peers a strength and one below a weakness, linking the agency', () => {
    expect(byRule('agencyAbove')).toEqual([
      expect.objectContaining({
        quadrant: 'strength',
        evidence: { kind: 'agency', agencyId: AGENCY_UP },
      }),
    ]);
    expect(byRule('agencyBelow')).toEqual([
      expect.objectContaining({
        quadrant: 'weakness',
        importance: 'high',
        evidence: { kind: 'agency', agencyId: AGENCY_DOWN },
        numbers: { score: 1.6, peers: 2.9, peerCount: 4 },
      }),
    ]);
  });

  it('names the strong and weak items, never an item without a value', () => {
    expect(byRule('strongItem').map((p) => p.evidence)).toEqual([
      { kind: 'item', roundId: ROUND, code: 'I1' },
    ]);
    expect(byRule('weakItem').map((p) => p.evidence)).toEqual([
      { kind: 'item', roundId: ROUND, code: 'I2' },
    ]);
    expect(JSON.stringify(proposals)).not.toContain('I3');
  });

  it('gives every proposal a key of its own, stable from one reading to the next', () => {
    const keys = proposals.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(proposeFromFindings(findings).map((p) => p.key)).toEqual(keys);
  });

  it('proposes nothing about scores when the total is withheld', () => {
    const withheld = proposeFromFindings({
      ...findings,
      total: undefined,
      strongest: [],
      weakest: [],
      pullingDown: [],
      belowTarget: [],
      consensusGaps: [],
    });
    expect(withheld.every((p) => p.evidence.kind === 'agency')).toBe(true);
  });

  it('leaves out what was accepted or dropped', () => {
    const [first, second, ...rest] = proposals;
    expect(
      openProposals(proposals, new Set([first?.key ?? '']), new Set([second?.key ?? ''])),
    ).toEqual(rest);
  });
});

describe('importance', () => {
  it('grows with the distance', () => {
    expect(importanceOf(-1.2, 1, 0.5)).toBe('high');
    expect(importanceOf(0.6, 1, 0.5)).toBe('medium');
    expect(importanceOf(0.2, 1, 0.5)).toBe('low');
  });
});

describe('items lifting their dimension up', () => {
  it('lists items well above their dimension, furthest first', () => {
    expect(itemsLiftingUp(total, 0.4)).toEqual([
      { itemCode: 'I1', itemValue: 4.2, dimensionValue: 3 },
    ]);
    expect(itemsLiftingUp(total, 1.5)).toEqual([]);
  });
});
