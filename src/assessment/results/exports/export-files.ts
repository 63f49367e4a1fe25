// Export tables written as files, a batch of rows at a time so a large round
// never sits in memory whole: CSV (RFC 4180, with a UTF-8 byte order mark so
// spreadsheets read accents right) and XLSX, and the names they download as.
import { PassThrough, pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { spreadsheetSafe } from '../../../platform/exports/spreadsheet-safe.ts';
import { type Cell, cellsOf, type ExportFormat, type TableLayout } from './exports.ts';

export const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Rows in batches: one batch for a table made at once, many as the store reads them. */
export type RowBatches<Row> = Iterable<readonly Row[]> | AsyncIterable<readonly Row[]>;

export function exportFile<Row>(
  format: ExportFormat,
  layout: TableLayout<Row>,
  batches: RowBatches<Row>,
): Readable {
  return format === 'csv' ? csvFile(layout, batches) : xlsxFile(layout, batches);
}

function csvFile<Row>(layout: TableLayout<Row>, batches: RowBatches<Row>): Readable {
  async function* records() {
    yield layout.columns.map((column) => spreadsheetSafe(column.header));
    for await (const batch of batches)
      for (const row of batch)
        yield cellsOf(layout.columns, row).map((cell) =>
          typeof cell === 'string' ? spreadsheetSafe(cell) : cell,
        );
  }
  const csv = stringify({ bom: true, record_delimiter: '\r\n' });
  // A failure half-way destroys the download with the error; the reply logs it.
  pipeline(Readable.from(records()), csv, () => {});
  return csv;
}

const MIN_WIDTH = 10;
const MAX_WIDTH = 40;

function xlsxFile<Row>(layout: TableLayout<Row>, batches: RowBatches<Row>): Readable {
  const output = new PassThrough();
  // Rows are written to the file as they come (committed), not kept in a workbook in memory.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(layout.title.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = layout.columns.map((column) => ({
    width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, column.header.length + 2)),
  }));
  const header = sheet.addRow(layout.columns.map((column) => column.header));
  header.font = { bold: true };
  header.commit();
  const cellValue = (cell: Cell) => (cell === null || cell === '' ? undefined : cell);
  (async () => {
    for await (const batch of batches) {
      for (const row of batch) sheet.addRow(cellsOf(layout.columns, row).map(cellValue)).commit();
      // Wait for a slow reader rather than pile the file up in memory.
      if (output.writableNeedDrain) await drainedOrClosed(output);
      if (output.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error as Error));
  return output;
}

function drainedOrClosed(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
