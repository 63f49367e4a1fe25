// A vision's goals as a table to download, CSV or XLSX: one row per goal with
// what it serves (SDG goals and targets, by code), what it answers (sub-
// dimensions and recommendations by code, SWOT entries by text) and its
// priorities by term, written by the platform's table file (spreadsheet-safe).
import { type Table, type TableFormat, tableFile } from '../../platform/exports/table-file.ts';
import type { Messages } from '../../platform/i18n/messages.ts';
import type { SwotEntry } from '../analysis/index.ts';
import type { Vision } from './vision-store.ts';

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

function table(messages: Messages, vision: Vision, swotEntries: readonly SwotEntry[]): Table {
  const swotText = (id: string) => {
    const entry = swotEntries.find((candidate) => candidate.id === id);
    return entry ? `${messages.t(`vision.swotQuadrant.${entry.quadrant}`)}: ${entry.text}` : '';
  };
  const terms = (goal: Vision['goals'][number], term: 'short' | 'long') =>
    goal.priorities
      .filter((priority) => priority.term === term)
      .map((priority) => priority.text)
      .join('; ');
  return {
    title: messages.t('vision.goals'),
    headers: columns.map((column) => messages.t(`vision.export.column.${column}`)),
    rows: vision.goals.map((goal, index) => [
      index + 1,
      goal.title,
      goal.description,
      goal.sdgGoals.join('; '),
      goal.sdgTargets.join('; '),
      goal.subdimensionCodes.join('; '),
      goal.recommendationCodes.join('; '),
      goal.swotEntryIds.map(swotText).join('; '),
      terms(goal, 'short'),
      terms(goal, 'long'),
    ]),
  };
}

export function goalsFile(
  format: TableFormat,
  messages: Messages,
  vision: Vision,
  swotEntries: readonly SwotEntry[],
): Promise<Buffer> {
  return tableFile(format, table(messages, vision, swotEntries));
}
