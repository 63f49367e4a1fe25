// A small table (a plan's stakeholders, its star profile, its roadmap) written
// whole as a CSV (RFC 4180, with a UTF-8 byte order mark so spreadsheets read accents
// right) or an XLSX file, every text cell spreadsheet-safe.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { spreadsheetSafe } from './spreadsheet-safe.ts';

export const tableFormats = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof tableFormats)[number];

export const tableContentTypes: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export type TableCell = string | number | null;

export interface Table {
  /** The sheet's name in an XLSX file (cut to the 31 characters a sheet name may have). */
  title: string;
  headers: string[];
  rows: TableCell[][];
}

const safe = (cell: TableCell) => (typeof cell === 'string' ? spreadsheetSafe(cell) : cell);

export async function tableFile(format: TableFormat, table: Table): Promise<Buffer> {
  if (format === 'xlsx') return workbookFile([table]);
  const rows = [table.headers, ...table.rows].map((row) => row.map(safe));
  return Buffer.from(stringify(rows, { bom: true, record_delimiter: '\r\n' }), 'utf8');
}

/** Several tables as the sheets of one XLSX file, in order. */
export async function workbookFile(tables: readonly Table[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.title.slice(0, 31).replace(/[*?:\\/[\]]/g, ' '), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = table.headers.map((header) => ({
      width: Math.min(60, Math.max(10, header.length + 2)),
    }));
    for (const row of [table.headers, ...table.rows])
      sheet.addRow(row.map((cell) => (cell === '' ? null : safe(cell))));
    sheet.getRow(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
