// A plan's SWOT and PESTLE as CSV (with a byte order mark, so spreadsheets
// read accents right) and XLSX, every text cell made spreadsheet-safe.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { spreadsheetSafe } from '../../platform/exports/spreadsheet-safe.ts';

export interface ExportTable {
  title: string;
  headers: string[];
  rows: (string | number)[][];
}

const safe = (cell: string | number) => (typeof cell === 'string' ? spreadsheetSafe(cell) : cell);

export function tableCsv(table: ExportTable): string {
  return `\uFEFF${stringify([table.headers.map(safe), ...table.rows.map((row) => row.map(safe))], {
    record_delimiter: '\r\n',
  })}`;
}

export async function tableXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.title.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.headers.map((header) => ({
    width: Math.max(12, Math.min(60, header.length + 2)),
  }));
  sheet.addRow(table.headers.map(safe)).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map(safe));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
