// Reading an uploaded .xlsx workbook (exceljs at the edge) into plain rows of
// text and numbers, for every import that takes a spreadsheet: frameworks as
// XLSForm, roadmaps. A file that is not a workbook reads as undefined.
import ExcelJS from 'exceljs';

/** A cell as the workbook holds it: text, or a number the spreadsheet stored as one. */
export type WorkbookCell = string | number;

/** One sheet: `rows[0]` is the header (row 1 in the spreadsheet), `rows[n]` row n + 1. */
export interface WorkbookSheet {
  name: string;
  rows: WorkbookCell[][];
}

// An .xlsx file is a zip archive; an Excel 97–2003 .xls file an OLE compound document.
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Whether an upload is a workbook (new or old Excel) rather than text. */
export const isWorkbookFile = (file: Buffer) =>
  file.subarray(0, 4).equals(ZIP_SIGNATURE) || isOldExcelFile(file);

/** Whether an upload is an Excel 97–2003 .xls file, which is not read. */
export const isOldExcelFile = (file: Buffer) => file.subarray(0, 8).equals(OLE_SIGNATURE);

// An imported workbook unzips to a few megabytes at most; more is refused
// before exceljs inflates it all in memory.
const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

/** The sheets of an .xlsx file, or undefined if it is not one (or would unzip too large). */
export async function readWorkbookFile(file: Buffer): Promise<WorkbookSheet[] | undefined> {
  const unzipped = declaredUnzippedSize(file);
  if (unzipped === undefined || unzipped > MAX_UNZIPPED_BYTES) return undefined;
  const book = new ExcelJS.Workbook();
  try {
    // exceljs's types ask for its own Buffer type, which Node's is.
    await book.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    return undefined;
  }
  return book.worksheets.map((worksheet) => {
    const rows: WorkbookCell[][] = Array.from({ length: worksheet.rowCount }, () => []);
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: WorkbookCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        cells[columnNumber - 1] = cellOf(cell.value);
      });
      rows[rowNumber - 1] = Array.from(cells, (cell) => cell ?? '');
    });
    return { name: worksheet.name, rows };
  });
}

/** A cell's value as text or a number: formulas by their result, rich text by its words. */
function cellOf(value: ExcelJS.CellValue): WorkbookCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellOf((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellOf(value.text);
  return '';
}

/**
 * The size the zip archive says its files unzip to, from its central
 * directory; undefined if it has none (not a zip archive).
 */
function declaredUnzippedSize(file: Buffer): number | undefined {
  const END_SIGNATURE = 0x06054b50;
  const ENTRY_SIGNATURE = 0x02014b50;
  // The end record is the last 22 bytes, unless a comment (at most 64 KiB) follows it.
  if (file.length < 22) return undefined;
  let end = -1;
  for (let at = file.length - 22; at >= Math.max(0, file.length - 22 - 0xffff); at--) {
    if (file.readUInt32LE(at) === END_SIGNATURE) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = file.readUInt16LE(end + 10);
  let at = file.readUInt32LE(end + 16);
  let total = 0;
  for (let entry = 0; entry < entries; entry++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== ENTRY_SIGNATURE) return undefined;
    total += file.readUInt32LE(at + 24);
    at += 46 + file.readUInt16LE(at + 28) + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  return total;
}
