// A reading through a crosswalk as a table to download (CSV, XLSX) or read
// as JSON: one row per target dimension and per overall score, for the total
// over the agencies chosen and for each agency shown. Pure. Small-number
// protection is the selection's: an agency hidden there has no row, a
// withheld total has no rows, and a target withheld on a total has no score.
import { z } from 'zod';
import type { Messages } from '../../platform/i18n/messages.ts';
import { localized } from '../frameworks/index.ts';
import {
  type AgencyFilter,
  agencyColumns,
  agencyFields,
  rounded,
  type TableLayout,
} from '../results/index.ts';
import type {
  CrosswalkReading,
  CrosswalkScores,
  CrosswalkSelection,
  TargetScore,
} from './crosswalk-scoring.ts';

export const crosswalkScoreRowSchema = z
  .object({
    ...agencyFields,
    target: z.string().nullable().describe('The target dimension’s code; null: the overall score'),
    targetName: z.string(),
    score: z
      .number()
      .nullable()
      .describe('On the target’s range, to 3 decimals; null: no score, or withheld'),
    standardError: z.number().nullable().describe('On the target’s range, to 3 decimals'),
    maturityLevel: z.string().nullable().describe('The key of the target’s level'),
    scoredSources: z.number().int().describe('Items and sub-dimensions mapped here with a score'),
    sources: z.number().int().describe('Items and sub-dimensions mapped here'),
    withheld: z.boolean().describe('Small-number protection withholds an input of this score'),
  })
  .meta({ id: 'CrosswalkScoreRow' });
export type CrosswalkScoreRow = z.infer<typeof crosswalkScoreRowSchema>;

function scoreCells(score: TargetScore) {
  return {
    score: rounded(score.value),
    standardError: rounded(score.standardError),
    maturityLevel: score.level?.key ?? null,
    scoredSources: score.scoredSources,
    sources: score.sources,
    withheld: score.withheld === true,
  };
}

export function crosswalkScoreRows(
  messages: Messages,
  reading: CrosswalkReading,
  read: CrosswalkSelection,
  filter: AgencyFilter,
): CrosswalkScoreRow[] {
  const { target } = reading;
  const text = (value: Record<string, string>) =>
    localized(value, messages.language, target.defaultLanguage);
  const rowsOf = (
    cells: Omit<CrosswalkScoreRow, keyof ReturnType<typeof scoreCells> | 'target' | 'targetName'>,
    scores: CrosswalkScores,
  ) => [
    ...scores.targets.map((score, t) => ({
      ...cells,
      target: score.targetCode,
      targetName: text(target.dimensions[t]?.name ?? {}),
      ...scoreCells(score),
    })),
    {
      ...cells,
      target: null,
      targetName: messages.t('resultsExport.overall'),
      ...scoreCells(scores.overall),
    },
  ];
  return [
    ...(read.total
      ? rowsOf(
          {
            agency: null,
            acronym: null,
            level: filter.level ?? null,
            sector: filter.sector ?? null,
          },
          read.total,
        )
      : []),
    ...read.agencies.flatMap(({ agency, scores }) =>
      rowsOf(
        {
          agency: agency.name,
          acronym: agency.acronym,
          level: agency.level,
          sector: agency.sector,
        },
        scores,
      ),
    ),
  ];
}

export function crosswalkScoreLayout(
  messages: Messages,
  reading: CrosswalkReading,
  filter: AgencyFilter,
): TableLayout<CrosswalkScoreRow> {
  const { t } = messages;
  const { target } = reading;
  const levelNames = new Map(
    target.levels.map((level) => [
      level.key,
      localized(level.name, messages.language, target.defaultLanguage),
    ]),
  );
  const unfiltered = filter.level === undefined && filter.sector === undefined;
  return {
    title: t('crosswalks.export.title'),
    columns: [
      ...agencyColumns<CrosswalkScoreRow>(
        messages,
        t(unfiltered ? 'resultsExport.wholeOfGovernment' : 'resultsExport.agenciesChosen'),
      ),
      { key: 'target', header: t('resultsExport.column.dimensionCode') },
      { key: 'targetName', header: t('resultsExport.column.dimension') },
      { key: 'score', header: t('resultsExport.column.score') },
      { key: 'standardError', header: t('resultsExport.column.standardError') },
      {
        key: 'maturityLevel',
        header: t('resultsExport.column.maturityLevel'),
        cell: (row) =>
          row.maturityLevel === null ? null : (levelNames.get(row.maturityLevel) ?? ''),
      },
      { key: 'scoredSources', header: t('crosswalks.column.scoredSources') },
      { key: 'sources', header: t('crosswalks.column.sources') },
      {
        key: 'withheld',
        header: t('crosswalks.column.withheld'),
        cell: (row) => (row.withheld ? t('resultsExport.yes') : null),
      },
    ],
  };
}
