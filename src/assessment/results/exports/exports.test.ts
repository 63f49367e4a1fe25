import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildFramework } from '../../../../test/frameworks.ts';
import { type RawAnswer, tallyAnswers } from '../../../../test/tallies.ts';
import { messagesFor } from '../../../platform/i18n/messages.ts';
import { frameworkSchema } from '../../frameworks/framework-schema.ts';
import type { Disclosure } from '../protection/disclosure.ts';
import { scoreTree } from '../scoring/scoring.ts';
import { type AgencyProfile, selectResults } from '../store/results-selection.ts';
import { exportFile } from './export-files.ts';
import {
  dimensionScoreLayout,
  dimensionScoreRows,
  exportFileName,
  itemScoreLayout,
  itemScoreRows,
} from './exports.ts';

// AAA (AAA-G: AAA01, AAA02), BBB (BBB-G: BBB01); levels Low from 1, High from 3.
const framework = frameworkSchema.parse(buildFramework());
const english = messagesFor('en');

const profile = (
  id: string,
  level: AgencyProfile['level'],
  sector: string,
  acronym: string | null = null,
): AgencyProfile => ({ id, name: `Agency ${id}`, acronym, level, sector });

/** An agency's tree from its respondents' answers ('na': not applicable). */
function treeFrom(agencyId: string, respondents: Record<string, number | 'na'>[]) {
  const answers: RawAnswer[] = respondents.flatMap((values, r) =>
    Object.entries(values).map(([itemCode, value]) => ({
      agencyId,
      responseId: `${agencyId}-${r}`,
      itemCode,
      value: value === 'na' ? null : value,
      notApplicable: value === 'na',
    })),
  );
  return scoreTree(framework, tallyAnswers(answers));
}

// Finance answers AAA02 "not applicable" throughout; Health never answers
// BBB01; Town, with one respondent, is hidden by small-number protection.
const round = {
  framework,
  agencies: [
    profile('finance', 'national', 'finance', 'MOF'),
    profile('health', 'national', 'health'),
    profile('town', 'local', 'health'),
  ],
  trees: new Map([
    [
      'finance',
      treeFrom('finance', [
        { AAA01: 4, AAA02: 'na', BBB01: 2 },
        { AAA01: 4, AAA02: 'na', BBB01: 3 },
        { AAA01: 5, AAA02: 'na', BBB01: 4 },
      ]),
    ],
    [
      'health',
      treeFrom('health', [
        { AAA01: 2, AAA02: 3 },
        { AAA01: 2, AAA02: 3 },
        { AAA01: 2, AAA02: 3 },
      ]),
    ],
    ['town', treeFrom('town', [{ AAA01: 1, AAA02: 1, BBB01: 1 }])],
  ]),
};
const disclosure: Disclosure = {
  threshold: 3,
  hidden: new Map([['town', 'few_respondents']]),
  totalShown: () => true,
  withheldNodes: () => new Set(),
};

async function bufferOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

describe('item scores per agency', () => {
  const rows = itemScoreRows(english, framework, selectResults(round, disclosure, {}));

  it('gives the whole of government first, then each agency shown, every item of each', () => {
    expect(rows.map((row) => [row.agency, row.item])).toEqual([
      [null, 'AAA01'],
      [null, 'AAA02'],
      [null, 'BBB01'],
      ['Agency finance', 'AAA01'],
      ['Agency finance', 'AAA02'],
      ['Agency finance', 'BBB01'],
      ['Agency health', 'AAA01'],
      ['Agency health', 'AAA02'],
      ['Agency health', 'BBB01'],
    ]);
  });

  it('never names a hidden agency, yet counts it in the whole of government', () => {
    expect(JSON.stringify(rows)).not.toContain('town');
    // AAA01: finance 13/3, health 2, town 1, each agency once: (13/3 + 2 + 1) / 3 = 22/9.
    expect(rows[0]).toMatchObject({
      agency: null,
      level: null,
      sector: null,
      dimension: 'AAA',
      subdimension: 'AAA-G',
      item: 'AAA01',
      score: 2.444,
      n: 7,
      agencies: 3,
      maturityLevel: 'low',
    });
  });

  it('leaves a score empty rather than zero where only "not applicable" or nothing was answered', () => {
    const financeNa = rows.find((row) => row.agency === 'Agency finance' && row.item === 'AAA02');
    expect(financeNa).toMatchObject({
      score: null,
      spread: null,
      maturityLevel: null,
      n: 0,
      notApplicable: 3,
    });
    const healthBlank = rows.find((row) => row.agency === 'Agency health' && row.item === 'BBB01');
    expect(healthBlank).toMatchObject({ score: null, n: 0, notApplicable: 0, agencies: 0 });
    // Finance's "not applicable" leaves AAA02 to health (3) and town (1).
    expect(rows[1]).toMatchObject({ score: 2, n: 4, notApplicable: 3, agencies: 2 });
  });

  it('writes the spread and score of an agency to 3 decimals', () => {
    const financeAaa01 = rows.find(
      (row) => row.agency === 'Agency finance' && row.item === 'AAA01',
    );
    // 4, 4, 5: mean 13/3, population deviation √(2/9).
    expect(financeAaa01).toMatchObject({ score: 4.333, spread: 0.471, maturityLevel: 'high' });
  });

  it('labels the total by the filter, and keeps only the agencies the filter chooses', () => {
    const national = itemScoreRows(
      english,
      framework,
      selectResults(round, disclosure, { level: 'national' }),
    );
    expect(new Set(national.map((row) => row.agency))).toEqual(
      new Set([null, 'Agency finance', 'Agency health']),
    );
    expect(national[0]).toMatchObject({ agency: null, level: 'national', sector: null });
    // AAA01 over finance and health only: (13/3 + 2) / 2 = 19/6.
    expect(national[0]?.score).toBe(3.167);
  });

  it('has no total rows where the total is withheld', () => {
    const withheld = { ...disclosure, totalShown: () => false };
    const rowsWithheld = itemScoreRows(english, framework, selectResults(round, withheld, {}));
    expect(rowsWithheld.every((row) => row.agency !== null)).toBe(true);
  });
});

describe('dimension scores per agency', () => {
  const rows = dimensionScoreRows(english, framework, selectResults(round, disclosure, {}));

  it('gives each dimension and the overall score, with respondents, for the total and each agency shown', () => {
    expect(rows.map((row) => [row.agency, row.dimension, row.respondents])).toEqual([
      [null, 'AAA', 7],
      [null, 'BBB', 7],
      [null, null, 7],
      ['Agency finance', 'AAA', 3],
      ['Agency finance', 'BBB', 3],
      ['Agency finance', null, 3],
      ['Agency health', 'AAA', 3],
      ['Agency health', 'BBB', 3],
      ['Agency health', null, 3],
    ]);
    // Health: AAA = (2 + 3) / 2 = 2.5; BBB unanswered, so overall is AAA alone.
    expect(rows[6]).toMatchObject({ score: 2.5, dimensionName: 'First' });
    expect(rows[7]).toMatchObject({ score: null, n: 0 });
    expect(rows[8]).toMatchObject({ score: 2.5, dimensionName: 'Overall' });
  });
});

describe('score tables as files', () => {
  const selection = selectResults(round, disclosure, {});
  const rows = itemScoreRows(english, framework, selection);
  const layout = itemScoreLayout(english, framework, {});

  it('writes a CSV with a byte order mark, headers in the reader’s language and empty cells for no score', async () => {
    const csv = (await bufferOf(exportFile('csv', layout, [rows]))).toString('utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const records = parse(csv, { bom: true }) as string[][];
    expect(records[0]).toEqual([
      'Agency',
      'Acronym',
      'Level',
      'Sector',
      'Dimension code',
      'Dimension',
      'Sub-dimension code',
      'Sub-dimension',
      'Item',
      'Score',
      'Answers',
      'Not applicable',
      'Spread',
      'Standard error',
      'Maturity level',
      'Agencies with a score',
      'Workshop consensus',
      'Consensus: not applicable',
      'Consensus rationale',
    ]);
    expect(records).toHaveLength(rows.length + 1);
    expect(records[1]?.slice(0, 4)).toEqual(['Whole of government (each agency once)', '', '', '']);
    expect(records[4]).toEqual([
      'Agency finance',
      'MOF',
      'National',
      'Finance',
      'AAA',
      'First',
      'AAA-G',
      'General',
      'AAA01',
      '4.333',
      '3',
      '0',
      '0.471',
      // 0.471 / √(3 − 1): the standard error of a mean of three answers.
      '0.333',
      'High',
      '1',
      '',
      '',
      '',
    ]);
    const financeNa = records[5];
    expect(financeNa?.slice(9, 14)).toEqual(['', '0', '3', '', '']);
  });

  it('writes Spanish headers and labels for a Spanish reader', async () => {
    const spanish = messagesFor('es');
    const csv = (
      await bufferOf(
        exportFile('csv', dimensionScoreLayout(spanish, framework, { level: 'national' }), [
          dimensionScoreRows(
            spanish,
            framework,
            selectResults(round, disclosure, { level: 'national' }),
          ),
        ]),
      )
    ).toString('utf8');
    const records = parse(csv, { bom: true }) as string[][];
    expect(records[0]?.[0]).toBe('Institución');
    expect(records[1]?.slice(0, 3)).toEqual([
      'Instituciones elegidas (cada institución una vez)',
      '',
      'Nacional',
    ]);
    expect(records[3]?.[6]).toBe('Global');
  });

  it('writes a workbook a spreadsheet opens, numbers as numbers and no score as an empty cell', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await bufferOf(exportFile('xlsx', layout, [rows]))) as unknown as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet('Item scores');
    expect(sheet?.rowCount).toBe(rows.length + 1);
    expect(sheet?.getRow(1).getCell(1).value).toBe('Agency');
    expect(sheet?.getRow(5).getCell(10).value).toBe(4.333);
    expect(sheet?.getRow(6).getCell(10).value).toBeNull();
    expect(sheet?.getRow(6).getCell(12).value).toBe(3);
  });
});

describe('the name a download gets', () => {
  it('is the round’s name and the table in letters, digits and hyphens, with the filter', () => {
    expect(exportFileName('Sumwhere 2025', 'item-scores', {}, 'csv')).toBe(
      'sumwhere-2025-item-scores.csv',
    );
    expect(
      exportFileName(
        'Évaluation "2025" / Año',
        'answers',
        { level: 'local', sector: 'health' },
        'xlsx',
      ),
    ).toBe('evaluation-2025-ano-answers-local-health.xlsx');
    expect(exportFileName('???', 'dimension-scores', {}, 'csv')).toBe('round-dimension-scores.csv');
  });
});
