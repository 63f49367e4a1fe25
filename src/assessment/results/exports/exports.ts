// The results as tables to download (CSV, XLSX) or read as JSON: item scores
// and dimension scores of each agency shown, and of the total over the agencies
// chosen, each agency counting once. Pure. A row holds codes and keys (what the
// API returns); a column says how its cell reads in a file, in the reader's
// language. Small-number protection is the selection's (results-selection.ts):
// an agency hidden there has no row of its own, only its share of the total.
import { z } from 'zod';
import type { Messages } from '../../../platform/i18n/messages.ts';
import { type AgencyLevel, agencyLevels, sectorLabel } from '../../agencies/index.ts';
import type { Framework, LocalizedText } from '../../frameworks/index.ts';
import { localized } from '../../frameworks/index.ts';
import type { AgencyFilter } from '../protection/disclosure.ts';
import { roundDecimal } from '../scoring/rounding.ts';
import type { ConsensusRecord, Score, ScoreTree } from '../scoring/scoring.ts';
import type { AgencyProfile, ResultsSelection } from '../store/results-selection.ts';

export type ExportTable = 'answers' | 'item-scores' | 'dimension-scores';
export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The file's name: the round's name and the table, with the filter, in letters, digits and hyphens. */
export function exportFileName(
  roundName: string,
  /** The table, or another feature's name for what it downloads (a crosswalk's key). */
  table: ExportTable | (string & {}),
  filter: AgencyFilter,
  format: ExportFormat,
): string {
  const round =
    roundName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'round';
  const parts = [round, table, filter.level, filter.sector].filter(Boolean);
  return `${parts.join('-')}.${format}`;
}

/** What a file holds in a cell: text, a number, or nothing. */
export type Cell = string | number | null;

export interface ExportColumn<Row> {
  key: keyof Row & string;
  header: string;
  /** The cell in a file; without it, the row's value. */
  cell?: (row: Row) => Cell;
}

export interface TableLayout<Row> {
  /** The table's name, for the sheet of a workbook. */
  title: string;
  columns: ExportColumn<Row>[];
}

export const agencyFields = {
  agency: z
    .string()
    .nullable()
    .describe('The agency’s name; null: the total over the agencies chosen, each counting once'),
  acronym: z.string().nullable(),
  level: z
    .enum(agencyLevels)
    .nullable()
    .describe('The agency’s level; on the total, the level chosen, if any'),
  sector: z.string().nullable().describe('The agency’s sector; on the total, the sector chosen'),
};

const scoreFields = {
  score: z
    .number()
    .nullable()
    .describe('The mean, to 3 decimals; null: nothing to score (never 0 for "no score")'),
  n: z.number().int().describe('Answers with a value behind the score'),
  notApplicable: z.number().int().describe('"Not applicable" answers behind the score'),
  spread: z
    .number()
    .nullable()
    .describe('Population standard deviation of the parts the mean is over, to 3 decimals'),
  standardError: z
    .number()
    .nullable()
    .describe(
      'How far the score could be off (docs/scoring.md, Uncertainty), to 3 decimals; its 95% interval is 1.96 of them either side; null where it cannot be estimated',
    ),
  maturityLevel: z.string().nullable().describe('The key of the framework’s maturity level'),
  agencies: z.number().int().describe('Agencies with a score behind it'),
};

export const itemScoreRowSchema = z
  .object({
    ...agencyFields,
    dimension: z.string(),
    dimensionName: z.string(),
    subdimension: z.string(),
    subdimensionName: z.string(),
    item: z.string(),
    ...scoreFields,
    consensus: z
      .number()
      .nullable()
      .describe(
        'The workshop’s agreed value for this agency, or on the whole of government’s row for the whole of government; null: none, or "not applicable"',
      ),
    consensusNotApplicable: z.boolean().describe('The workshop agreed the item does not apply'),
    consensusRationale: z.string().nullable().describe('Why the workshop agreed it'),
  })
  .meta({ id: 'ItemScoreRow' });
export type ItemScoreRow = z.infer<typeof itemScoreRowSchema>;

export const dimensionScoreRowSchema = z
  .object({
    ...agencyFields,
    respondents: z.number().int().describe('Submitted responses with at least one answer'),
    dimension: z.string().nullable().describe('null: the overall score'),
    dimensionName: z.string(),
    ...scoreFields,
  })
  .meta({ id: 'DimensionScoreRow' });
export type DimensionScoreRow = z.infer<typeof dimensionScoreRowSchema>;

export type AgencyCells = Pick<ItemScoreRow, 'agency' | 'acronym' | 'level' | 'sector'>;

/** To 3 decimals (rounding.ts): past that, a mean of answers on a 1–5 scale says nothing more. */
export function rounded(value: number | undefined): number | null {
  return value === undefined ? null : roundDecimal(value, 3);
}

function scoreCells(score: Score) {
  return {
    score: rounded(score.value),
    n: score.n,
    notApplicable: score.notApplicable,
    spread: rounded(score.spread),
    standardError: rounded(score.standardError),
    maturityLevel: score.level?.key ?? null,
    agencies: score.agencies,
  };
}

export function agencyCells(agency: AgencyProfile): AgencyCells {
  return {
    agency: agency.name,
    acronym: agency.acronym,
    level: agency.level,
    sector: agency.sector,
  };
}

const totalCells = (filter: AgencyFilter): AgencyCells => ({
  agency: null,
  acronym: null,
  level: filter.level ?? null,
  sector: filter.sector ?? null,
});

/** The total first (when it may be shown), then each agency shown, by name. */
/**
 * The total and each agency shown, with whose workshop's consensus belongs
 * on their rows: the agency's, the whole of government's on the unfiltered
 * total, none on a filtered total (no workshop agreed for it).
 */
function scoredGroups(
  selection: ResultsSelection,
): { cells: AgencyCells; tree: ScoreTree; consensusOf: string | null | undefined }[] {
  const unfiltered = selection.filter.level === undefined && selection.filter.sector === undefined;
  return [
    ...(selection.total
      ? [
          {
            cells: totalCells(selection.filter),
            tree: selection.total,
            consensusOf: unfiltered ? null : undefined,
          },
        ]
      : []),
    ...selection.shown.map(({ agency, tree }) => ({
      cells: agencyCells(agency),
      tree,
      consensusOf: agency.id,
    })),
  ];
}

const consensusKey = (agencyId: string | null, itemCode: string) => `${agencyId ?? ''}|${itemCode}`;

const textIn = (messages: Messages, framework: Framework) => (text: LocalizedText) =>
  localized(text, messages.language, framework.defaultLanguage);

export function itemScoreRows(
  messages: Messages,
  framework: Framework,
  selection: ResultsSelection,
  consensus: readonly ConsensusRecord[] = [],
): ItemScoreRow[] {
  const text = textIn(messages, framework);
  const agreed = new Map(
    consensus.map((record) => [consensusKey(record.agencyId, record.itemCode), record]),
  );
  return scoredGroups(selection).flatMap(({ cells, tree, consensusOf }) =>
    framework.dimensions.flatMap((dimension, d) =>
      dimension.subdimensions.flatMap((subdimension, s) =>
        subdimension.items.flatMap((item, i) => {
          const score = tree.dimensions[d]?.subdimensions[s]?.items[i];
          if (!score) return [];
          const record =
            consensusOf === undefined
              ? undefined
              : agreed.get(consensusKey(consensusOf, item.code));
          return [
            {
              ...cells,
              dimension: dimension.code,
              dimensionName: text(dimension.name),
              subdimension: subdimension.code,
              subdimensionName: text(subdimension.name),
              item: item.code,
              ...scoreCells(score),
              consensus: record?.value ?? null,
              consensusNotApplicable: record?.notApplicable ?? false,
              consensusRationale: record?.rationale ?? null,
            },
          ];
        }),
      ),
    ),
  );
}

export function dimensionScoreRows(
  messages: Messages,
  framework: Framework,
  selection: ResultsSelection,
): DimensionScoreRow[] {
  const text = textIn(messages, framework);
  return scoredGroups(selection).flatMap(({ cells, tree }) => [
    ...framework.dimensions.flatMap((dimension, d) => {
      const score = tree.dimensions[d];
      if (!score) return [];
      return [
        {
          ...cells,
          respondents: tree.respondents,
          dimension: dimension.code,
          dimensionName: text(dimension.name),
          ...scoreCells(score),
        },
      ];
    }),
    {
      ...cells,
      respondents: tree.respondents,
      dimension: null,
      dimensionName: messages.t('resultsExport.overall'),
      ...scoreCells(tree),
    },
  ]);
}

/** The label of an agency's level in the reader's language; empty for none. */
function levelLabel(messages: Messages, level: AgencyLevel | null): string {
  return level ? messages.t(`level.${level}`) : '';
}

/** The agency's name (or `unnamed` where it has none), acronym, level and sector. */
export function agencyColumns<Row extends AgencyCells>(
  messages: Messages,
  unnamed: string,
): ExportColumn<Row>[] {
  const { t } = messages;
  return [
    {
      key: 'agency',
      header: t('resultsExport.column.agency'),
      cell: (row) => row.agency ?? unnamed,
    },
    { key: 'acronym', header: t('resultsExport.column.acronym') },
    {
      key: 'level',
      header: t('resultsExport.column.level'),
      cell: (row) => levelLabel(messages, row.level),
    },
    {
      key: 'sector',
      header: t('resultsExport.column.sector'),
      cell: (row) => (row.sector === null ? '' : sectorLabel(messages, row.sector)),
    },
  ];
}

function scoreColumns<Row extends ItemScoreRow | DimensionScoreRow>(
  messages: Messages,
  framework: Framework,
): ExportColumn<Row>[] {
  const { t } = messages;
  const text = textIn(messages, framework);
  const levelNames = new Map(
    framework.maturityLevels.map((level) => [level.key, text(level.name)]),
  );
  return [
    { key: 'score', header: t('resultsExport.column.score') },
    { key: 'n', header: t('resultsExport.column.n') },
    { key: 'notApplicable', header: t('resultsExport.column.notApplicable') },
    { key: 'spread', header: t('resultsExport.column.spread') },
    { key: 'standardError', header: t('resultsExport.column.standardError') },
    {
      key: 'maturityLevel',
      header: t('resultsExport.column.maturityLevel'),
      cell: (row) =>
        row.maturityLevel === null ? null : (levelNames.get(row.maturityLevel) ?? ''),
    },
    { key: 'agencies', header: t('resultsExport.column.agencies') },
  ];
}

/** What the total's agency cell says: the whole of government, or the agencies a filter chose. */
function totalLabel(messages: Messages, filter: AgencyFilter): string {
  return filter.level === undefined && filter.sector === undefined
    ? messages.t('resultsExport.wholeOfGovernment')
    : messages.t('resultsExport.agenciesChosen');
}

export function itemScoreLayout(
  messages: Messages,
  framework: Framework,
  filter: AgencyFilter,
): TableLayout<ItemScoreRow> {
  const { t } = messages;
  return {
    title: t('resultsExport.itemScores.title'),
    columns: [
      ...agencyColumns<ItemScoreRow>(messages, totalLabel(messages, filter)),
      { key: 'dimension', header: t('resultsExport.column.dimensionCode') },
      { key: 'dimensionName', header: t('resultsExport.column.dimension') },
      { key: 'subdimension', header: t('resultsExport.column.subdimensionCode') },
      { key: 'subdimensionName', header: t('resultsExport.column.subdimension') },
      { key: 'item', header: t('resultsExport.column.item') },
      ...scoreColumns<ItemScoreRow>(messages, framework),
      { key: 'consensus', header: t('resultsExport.column.consensus') },
      {
        key: 'consensusNotApplicable',
        header: t('resultsExport.column.consensusNotApplicable'),
        cell: (row) => (row.consensusNotApplicable ? t('resultsExport.yes') : null),
      },
      { key: 'consensusRationale', header: t('resultsExport.column.consensusRationale') },
    ],
  };
}

export function dimensionScoreLayout(
  messages: Messages,
  framework: Framework,
  filter: AgencyFilter,
): TableLayout<DimensionScoreRow> {
  const { t } = messages;
  return {
    title: t('resultsExport.dimensionScores.title'),
    columns: [
      ...agencyColumns<DimensionScoreRow>(messages, totalLabel(messages, filter)),
      { key: 'respondents', header: t('resultsExport.column.respondents') },
      { key: 'dimension', header: t('resultsExport.column.dimensionCode') },
      { key: 'dimensionName', header: t('resultsExport.column.dimension') },
      ...scoreColumns<DimensionScoreRow>(messages, framework),
    ],
  };
}

/** A row as a file's cells, in the order of the columns. */
export function cellsOf<Row>(columns: readonly ExportColumn<Row>[], row: Row): Cell[] {
  return columns.map((column) => {
    if (column.cell) return column.cell(row);
    const value = row[column.key];
    return typeof value === 'string' || typeof value === 'number' ? value : null;
  });
}
