// The XLSForm workbook as an .xlsx file (exceljs at the edge): reading an
// uploaded one into rows, then into a framework document or its problems, and
// writing a framework's workbook for download.
import ExcelJS from 'exceljs';
import {
  isOldExcelFile,
  isWorkbookFile,
  readWorkbookFile,
} from '../../../platform/exports/workbook-file.ts';
import type { Framework } from '../framework-schema.ts';
import { xlsformOfFramework } from './export-xlsform.ts';
import { frameworkFromXlsform, type XlsformImport } from './import-xlsform.ts';

export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Whether an upload is a workbook (new or old Excel) rather than JSON text. */
export { isWorkbookFile };

export async function readUploadedXlsform(file: Buffer): Promise<XlsformImport> {
  if (isOldExcelFile(file)) return { ok: false, problems: [{ rule: 'oldExcel' }] };
  const workbook = await readWorkbookFile(file);
  if (!workbook) return { ok: false, problems: [{ rule: 'notWorkbook' }] };
  return frameworkFromXlsform(workbook);
}

export async function xlsxOfFramework(framework: Framework): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const sheet of xlsformOfFramework(framework)) {
    const worksheet = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    for (const cells of sheet.rows)
      worksheet.addRow(cells.map((cell) => (cell === '' ? null : cell)));
    worksheet.getRow(1).font = { bold: true };
    worksheet.columns.forEach((column, index) => {
      const longest = Math.max(...sheet.rows.map((cells) => String(cells[index] ?? '').length));
      column.width = Math.min(60, Math.max(10, longest + 2));
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
