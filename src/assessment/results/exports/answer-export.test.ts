import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildFramework } from '../../../../test/frameworks.ts';
import type { Member } from '../../../platform/accounts/access.ts';
import { messagesFor } from '../../../platform/i18n/messages.ts';
import { frameworkSchema } from '../../frameworks/framework-schema.ts';
import type { AgencyProfile } from '../store/results-selection.ts';
import {
  answerLayout,
  answerReach,
  answerRows,
  pseudonymOf,
  type SubmittedAnswer,
} from './answer-export.ts';
import { exportFile } from './export-files.ts';

// AAA (AAA01, AAA02), BBB (BBB01), in that order.
const framework = frameworkSchema.parse(buildFramework());
const roundId = '11111111-1111-4111-8111-111111111111';
const finance: AgencyProfile = {
  id: 'finance',
  name: 'Ministry of Finance',
  acronym: 'MOF',
  level: 'national',
  sector: 'finance',
};

const answer = (
  responseId: string,
  agencyId: string,
  itemCode: string,
  value: number | 'na' | null,
  extra: Partial<SubmittedAnswer> = {},
): SubmittedAnswer => ({
  responseId,
  agencyId,
  itemCode,
  value: value === 'na' ? null : value,
  notApplicable: value === 'na',
  comment: null,
  evidenceUrl: null,
  ...extra,
});

// Two respondents of Finance, shown; one of Town, hidden by small-number protection.
const answers = [
  answer('r-finance-1', 'finance', 'BBB01', 4),
  answer('r-finance-1', 'finance', 'AAA01', 3, {
    comment: '=cmd|calc',
    evidenceUrl: 'https://x.example/plan.pdf',
  }),
  answer('r-finance-2', 'finance', 'AAA02', 'na'),
  answer('r-town-1', 'town', 'AAA01', 1, { comment: 'Only two of us here' }),
];
const context = { framework, roundId, named: new Map([['finance', finance]]) };

describe('respondents’ pseudonyms', () => {
  it('are the same for one response every time, and differ between responses and rounds', () => {
    const first = pseudonymOf('r-finance-1', roundId);
    expect(first).toMatch(/^R-[0-9a-f]{10}$/);
    expect(pseudonymOf('r-finance-1', roundId)).toBe(first);
    expect(pseudonymOf('r-finance-2', roundId)).not.toBe(first);
    expect(pseudonymOf('r-finance-1', '22222222-2222-4222-8222-222222222222')).not.toBe(first);
  });

  it('do not carry the response id', () => {
    const id = '3f0c1a52-9d7e-4b8a-a1c2-6e5f4d3c2b1a';
    const pseudonym = pseudonymOf(id, roundId);
    expect(id.replace(/-/g, '')).not.toContain(pseudonym.slice(2));
  });
});

describe('the raw answers as rows', () => {
  const rows = answerRows(answers, context);

  it('gives one row per answer, each response’s answers together in the framework’s order', () => {
    expect(rows.map((row) => [row.respondent, row.item])).toEqual([
      [pseudonymOf('r-finance-1', roundId), 'AAA01'],
      [pseudonymOf('r-finance-1', roundId), 'BBB01'],
      [pseudonymOf('r-finance-2', roundId), 'AAA02'],
      [pseudonymOf('r-town-1', roundId), 'AAA01'],
    ]);
  });

  it('names the agencies shown, and not the hidden ones', () => {
    expect(rows[0]).toMatchObject({
      agency: 'Ministry of Finance',
      acronym: 'MOF',
      level: 'national',
      sector: 'finance',
      value: 3,
      notApplicable: false,
    });
    expect(rows[3]).toMatchObject({ agency: null, acronym: null, level: null, sector: null });
    expect(JSON.stringify(rows)).not.toContain('town');
  });

  it('keeps "not applicable" apart from a value', () => {
    expect(rows[2]).toMatchObject({ value: null, notApplicable: true });
  });

  it('writes a CSV with a neutral label for hidden agencies and no cell a spreadsheet would run', async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of exportFile('csv', answerLayout(messagesFor('en')), [rows]))
      chunks.push(Buffer.from(chunk as Buffer));
    const records = parse(Buffer.concat(chunks).toString('utf8'), { bom: true }) as string[][];
    expect(records[0]).toEqual([
      'Respondent',
      'Agency',
      'Acronym',
      'Level',
      'Sector',
      'Item',
      'Value',
      'Not applicable',
      'Comment',
      'Evidence link',
    ]);
    expect(records[1]?.slice(1, 10)).toEqual([
      'Ministry of Finance',
      'MOF',
      'National',
      'Finance',
      'AAA01',
      '3',
      'no',
      "'=cmd|calc",
      'https://x.example/plan.pdf',
    ]);
    expect(records[3]?.slice(6, 8)).toEqual(['', 'yes']);
    expect(records[4]?.slice(1, 5)).toEqual(['Agencies with few respondents', '', '', '']);
  });
});

describe('whose answers a member reads', () => {
  const health: AgencyProfile = { ...finance, id: 'health', name: 'Ministry of Health' };
  const shown = [{ agency: finance }, { agency: health }];
  const member = (role: Member['role'], agencyIds: string[] = []): Member => ({
    userId: 'u',
    email: 'u@x.example',
    name: 'U',
    role,
    agencyIds,
  });

  it('gives a programme lead every agency, the hidden ones unnamed', () => {
    const reach = answerReach(shown, member('coordinator'));
    expect(reach.agencyIds).toBeUndefined();
    expect([...reach.named.keys()]).toEqual(['finance', 'health']);
  });

  it('gives a focal point only their own agencies that are shown on their own', () => {
    expect(answerReach(shown, member('focal_point', ['health', 'town'])).agencyIds).toEqual([
      'health',
    ]);
    expect(answerReach(shown, member('focal_point', ['town'])).agencyIds).toEqual([]);
  });
});
