// Reading a roadmap file into rows by column name: a CSV of initiatives or of
// steps (told apart by their header), or a workbook with an "Initiatives" and
// a "Steps" sheet, as the export writes them. The header is checked here;
// what the rows say, in roadmap-import-plan.ts. Pure.
import { CsvError, parse } from 'csv-parse/sync';
import { fromSpreadsheetSafe } from '../../../platform/exports/spreadsheet-safe.ts';
import type { WorkbookCell, WorkbookSheet } from '../../../platform/exports/workbook-file.ts';
import { initiativeColumns, type SheetKind, sheetNames, stepColumns } from './roadmap-table.ts';

// Large enough for a national government's roadmap; a file beyond it is refused whole.
export const IMPORT_MAX_ROWS = 5000;

const columnsOf: Record<SheetKind, readonly string[]> = {
  initiatives: initiativeColumns,
  steps: stepColumns,
};
const requiredColumns: Record<SheetKind, readonly string[]> = {
  initiatives: ['external_id', 'title'],
  steps: ['initiative_external_id', 'external_id', 'what'],
};

/** A problem at a place in the file; row 1 is the header, as in a spreadsheet. */
export interface ImportProblem {
  /** Absent for the file as a whole. */
  sheet?: SheetKind;
  row?: number;
  /** The column concerned, as the file names it; absent for the row or the sheet as a whole. */
  column?: string;
  /** A message `roadmapImport.error.<rule>`, or `roadmap.error.<rule>` when `fromRules`. */
  rule: string;
  fromRules?: boolean;
  values?: Record<string, string | number>;
}

export interface ImportRow {
  row: number;
  /** The row's cells by column name; a column the file does not have is absent. */
  values: Readonly<Record<string, string>>;
}

export interface ImportSheet {
  kind: SheetKind;
  rows: ImportRow[];
}

export type SheetsRead =
  | { ok: true; sheets: ImportSheet[] }
  | { ok: false; problems: ImportProblem[] };

const columnKey = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

const cellText = (cell: WorkbookCell | undefined) =>
  cell === undefined
    ? ''
    : typeof cell === 'number'
      ? String(cell)
      : fromSpreadsheetSafe(cell.trim());

/** The rows of one sheet under its header; `lines[i]` is spreadsheet row `rowOf(i)`. */
function sheetOf(
  kind: SheetKind,
  header: readonly WorkbookCell[],
  lines: readonly { row: number; cells: readonly WorkbookCell[] }[],
): { sheet?: ImportSheet; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const columns = header.map((cell) => columnKey(cellText(cell)));
  columns.forEach((column, index) => {
    if (column === '') return;
    if (!columnsOf[kind].includes(column))
      problems.push({ sheet: kind, row: 1, column, rule: 'columnUnknown', values: { column } });
    else if (columns.indexOf(column) !== index)
      problems.push({ sheet: kind, row: 1, column, rule: 'columnRepeated', values: { column } });
  });
  for (const column of requiredColumns[kind])
    if (!columns.includes(column))
      problems.push({ sheet: kind, row: 1, rule: 'columnMissing', values: { column } });
  if (problems.length > 0) return { problems };

  // Spreadsheets often keep empty rows (bare commas); they are not rows of the roadmap.
  const filled = lines.filter(({ cells }) => cells.some((cell) => cellText(cell) !== ''));
  if (filled.length > IMPORT_MAX_ROWS)
    return {
      problems: [{ sheet: kind, row: 1, rule: 'tooManyRows', values: { max: IMPORT_MAX_ROWS } }],
    };
  const rows: ImportRow[] = [];
  for (const { row, cells } of filled) {
    if (cells.slice(columns.length).some((cell) => cellText(cell) !== '')) {
      problems.push({ sheet: kind, row, rule: 'rowTooWide', values: { columns: columns.length } });
      continue;
    }
    const values: Record<string, string> = {};
    columns.forEach((column, index) => {
      if (column !== '') values[column] = cellText(cells[index]);
    });
    rows.push({ row, values });
  }
  return problems.length > 0 ? { problems } : { sheet: { kind, rows }, problems };
}

/** A CSV file: of steps if its header names the initiative a step belongs to, else of initiatives. */
export function sheetsOfCsv(text: string): SheetsRead {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = (error as CsvError & { lines?: number }).lines ?? 1;
    return { ok: false, problems: [{ row, rule: 'csvMalformed' }] };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, problems: [{ rule: 'fileEmpty' }] };
  const kind: SheetKind = header.record.map(columnKey).includes('initiative_external_id')
    ? 'steps'
    : 'initiatives';
  const { sheet, problems } = sheetOf(
    kind,
    header.record,
    body.map(({ record, info }) => ({ row: info.lines, cells: record })),
  );
  return sheet ? { ok: true, sheets: [sheet] } : { ok: false, problems };
}

/** A workbook: its "Initiatives" and "Steps" sheets (either may be missing, not both). */
export function sheetsOfWorkbook(workbook: readonly WorkbookSheet[]): SheetsRead {
  const sheets: ImportSheet[] = [];
  const problems: ImportProblem[] = [];
  for (const kind of ['initiatives', 'steps'] as const) {
    const found = workbook.find(
      (sheet) => sheet.name.trim().toLowerCase() === sheetNames[kind].toLowerCase(),
    );
    if (!found) continue;
    const [header = [], ...body] = found.rows;
    const read = sheetOf(
      kind,
      header,
      body.map((cells, index) => ({ row: index + 2, cells })),
    );
    if (read.sheet) sheets.push(read.sheet);
    problems.push(...read.problems);
  }
  if (problems.length > 0) return { ok: false, problems };
  if (sheets.length === 0) return { ok: false, problems: [{ rule: 'sheetsMissing' }] };
  return { ok: true, sheets };
}
