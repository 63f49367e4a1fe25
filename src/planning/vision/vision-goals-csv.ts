// A vision's goals as a table to download, CSV or XLSX: one row per goal with
// what it serves (SDG goals and targets, by code), what it answers (sub-
// dimensions and recommendations by code, SWOT entries by text) and its priorities by term. Every
// text cell is made spreadsheet-safe: goals are written by people.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { spreadsheetSafe } from '../../platform/exports/spreadsheet-safe.ts';
import type { Messages } from '../../platform/i18n/messages.ts';
import type { SwotEntry } from '../analysis/index.ts';
import type { Vision } from './vision-store.ts';

export const goalExportFormats = ['csv', 'xlsx'] as const;
export type GoalExportFormat = (typeof goalExportFormats)[number];

export const goalExportTypes: Record<GoalExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const columns = [
  'number',
  'title',
  'description',
  'sdgGoals',
  'sdgTargets',
  'subdimensionCodes',
  'recommendationCodes',
  'swotEntries',
  'shortTerm',
  'longTerm',
] as const;

function table(
  messages: Messages,
  vision: Vision,
  swotEntries: readonly SwotEntry[],
): (string | number)[][] {
  const swotText = (id: string) => {
    const entry = swotEntries.find((candidate) => candidate.id === id);
    return entry ? `${messages.t(`vision.swotQuadrant.${entry.quadrant}`)}: ${entry.text}` : '';
  };
  const rows = vision.goals.map((goal, index) => [
    index + 1,
    goal.title,
    goal.description,
    goal.sdgGoals.join('; '),
    goal.sdgTargets.join('; '),
    goal.subdimensionCodes.join('; '),
    goal.recommendationCodes.join('; '),
    goal.swotEntryIds.map(swotText).join('; '),
    goal.priorities
      .filter((priority) => priority.term === 'short')
      .map((priority) => priority.text)
      .join('; '),
    goal.priorities
      .filter((priority) => priority.term === 'long')
      .map((priority) => priority.text)
      .join('; '),
  ]);
  return [columns.map((column) => messages.t(`vision.export.column.${column}`)), ...rows].map(
    (row) => row.map((cell) => (typeof cell === 'string' ? spreadsheetSafe(cell) : cell)),
  );
}

export async function goalsFile(
  format: GoalExportFormat,
  messages: Messages,
  vision: Vision,
  swotEntries: readonly SwotEntry[],
): Promise<Buffer> {
  const rows = table(messages, vision, swotEntries);
  // A byte order mark, so spreadsheets read accents right.
  if (format === 'csv')
    return Buffer.from(`\uFEFF${stringify(rows, { record_delimiter: '\r\n' })}`);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(messages.t('vision.goals').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => {
    column.width = 24;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
