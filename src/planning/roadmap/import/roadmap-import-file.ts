// An uploaded roadmap file read into sheets, whatever it is: an .xlsx workbook
// (Initiatives and Steps sheets) or a UTF-8 CSV of initiatives or of steps.
import {
  isOldExcelFile,
  isWorkbookFile,
  readWorkbookFile,
} from '../../../platform/exports/workbook-file.ts';
import { type SheetsRead, sheetsOfCsv, sheetsOfWorkbook } from './roadmap-import-rows.ts';

/** The file a multipart form sent, as field `file` (see the multipart setup in http/app.ts). */
export function uploadOf(body: unknown): Buffer | undefined {
  const form = (typeof body === 'object' && body ? body : {}) as Record<string, unknown>;
  return Buffer.isBuffer(form.file) ? form.file : undefined;
}

export async function sheetsOfUpload(file: Buffer | undefined): Promise<SheetsRead> {
  if (!file || file.length === 0) return { ok: false, problems: [{ rule: 'fileMissing' }] };
  if (isOldExcelFile(file)) return { ok: false, problems: [{ rule: 'oldExcel' }] };
  if (isWorkbookFile(file)) {
    const workbook = await readWorkbookFile(file);
    return workbook
      ? sheetsOfWorkbook(workbook)
      : { ok: false, problems: [{ rule: 'notWorkbook' }] };
  }
  try {
    return sheetsOfCsv(new TextDecoder('utf-8', { fatal: true }).decode(file));
  } catch {
    // Spreadsheets must save it as "CSV UTF-8".
    return { ok: false, problems: [{ rule: 'csvEncoding' }] };
  }
}
