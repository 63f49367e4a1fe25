import { describe, expect, it } from 'vitest';
import { buildFramework } from '../../../../test/frameworks.ts';
import { treeOf } from '../../../../test/score-trees.ts';
import { frameworkSchema } from '../../frameworks/framework-schema.ts';
import { wholeOfGovernmentTree } from '../scoring/totals.ts';
import {
  type AgencyProfile,
  disclosureOf,
  peerTotals,
  selectResults,
} from './results-selection.ts';

const framework = frameworkSchema.parse(buildFramework());
const profile = (id: string, level: AgencyProfile['level'], sector: string): AgencyProfile => ({
  id,
  name: id.toUpperCase(),
  acronym: null,
  level,
  sector,
});
// respondents answering AAA01 with the given values, one respondent each
const answered = (id: string, values: number[]) => treeOf(framework, { AAA01: values }, id);

const round = {
  framework,
  agencies: [
    profile('finance', 'national', 'finance'),
    profile('health', 'national', 'health'),
    profile('schools', 'national', 'education'),
    profile('town', 'local', 'health'),
    profile('village', 'local', 'health'),
  ],
  trees: new Map([
    ['finance', answered('finance', [4, 4, 4])],
    ['health', answered('health', [2, 2, 2, 2])],
    ['schools', answered('schools', [3, 3, 3])],
    ['town', answered('town', [1, 1, 1])],
  ]),
};

describe('choosing what a results page shows', () => {
  it('totals the chosen agencies, each counting once, and lists those without answers', () => {
    const selection = selectResults(round, disclosureOf(round, 3), {});
    // (4 + 2 + 3 + 1) / 4 agencies, whatever their number of respondents.
    expect(selection.total?.value).toBe(2.5);
    expect(selection.shown.map(({ agency }) => agency.id)).toEqual([
      'finance',
      'health',
      'schools',
      'town',
    ]);
    expect(selection.withoutAnswers.map((agency) => agency.id)).toEqual(['village']);
  });

  it('filters by level and sector', () => {
    const selection = selectResults(round, disclosureOf(round, 3), { sector: 'health' });
    expect(selection.total?.value).toBe(1.5);
    expect(selection.shown.map(({ agency }) => agency.id)).toEqual(['health', 'town']);
  });

  it('keeps a small agency inside the totals without showing it', () => {
    const small = {
      ...round,
      trees: new Map([...round.trees, ['village', answered('village', [5])]]),
    };
    const selection = selectResults(small, disclosureOf(small, 3), {});
    expect(selection.shown.map(({ agency }) => agency.id)).not.toContain('village');
    expect(selection.hiddenCount).toBeGreaterThanOrEqual(2);
    // (4 + 2 + 3 + 1 + 5) / 5: the village still counts.
    expect(selection.total?.value).toBe(3);
  });

  it('compares an agency with the others of its level and of its sector', () => {
    const disclosure = disclosureOf(round, 3);
    const peers = peerTotals(round, disclosure, round.agencies[1]!);
    expect(peers.level?.value).toBe(3.5); // finance 4, schools 3
    expect(peers.sector?.value).toBe(1); // town
  });

  it('reuses totals already computed over every agency when there is no filter', () => {
    // Agencies without answers add nothing to a total, so the store's totals
    // over every agency of the round are the selection's own.
    const withoutAnswers = new Map([...round.trees, ['village', treeOf(framework, {}, 'village')]]);
    expect(wholeOfGovernmentTree(framework, [...withoutAnswers.values()])).toEqual(
      wholeOfGovernmentTree(framework, [...round.trees.values()]),
    );
    const stored = {
      ...round,
      wholeOfGovernment: wholeOfGovernmentTree(framework, [...round.trees.values()]),
    };
    const disclosure = disclosureOf(stored, 3);
    expect(selectResults(stored, disclosure, {}).total).toBe(stored.wholeOfGovernment);
    expect(selectResults(stored, disclosure, { level: 'local' }).total?.value).toBe(1);
  });
});
