import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readReferenceFramework } from '../../../../test/frameworks.ts';
import { buildXlsform, withoutAdvice, xlsformFramework, xlsxOf } from '../../../../test/xlsform.ts';
import { frameworkSchema } from '../framework-schema.ts';
import { isWorkbookFile, readUploadedXlsform, xlsxOfFramework } from './xlsx-file.ts';

describe('XLSForm workbooks as .xlsx files', () => {
  it('reads an .xlsx workbook as KoboToolbox writes it, and its export reads back the same', async () => {
    const imported = await readUploadedXlsform(await xlsxOf(buildXlsform()));
    expect(imported).toEqual({ ok: true, document: xlsformFramework() });
    const exported = await xlsxOfFramework(frameworkSchema.parse(xlsformFramework()));
    expect(await readUploadedXlsform(exported)).toEqual(imported);
  });

  it('writes a framework as an .xlsx workbook that reads back as the same framework', async () => {
    const dgca = readReferenceFramework('dgca');
    const file = await xlsxOfFramework(frameworkSchema.parse(dgca));
    expect(isWorkbookFile(file)).toBe(true);
    expect(await readUploadedXlsform(file)).toEqual({ ok: true, document: withoutAdvice(dgca) });

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ExcelJS.Buffer);
    const survey = book.getWorksheet('survey');
    expect(survey?.getRow(1).font?.bold).toBe(true);
    expect(survey?.getCell('A2').value).toBe('begin_group');
    expect(book.getWorksheet('maturity_levels')?.getCell('F3').value).toBe(1.8);
  });

  it('tells an Excel 97–2003 file and a file that is no workbook from JSON', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(isWorkbookFile(xls)).toBe(true);
    expect(await readUploadedXlsform(xls)).toEqual({ ok: false, problems: [{ rule: 'oldExcel' }] });
    const broken = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 1)]);
    expect(isWorkbookFile(broken)).toBe(true);
    expect(await readUploadedXlsform(broken)).toEqual({
      ok: false,
      problems: [{ rule: 'notWorkbook' }],
    });
    expect(isWorkbookFile(Buffer.from('{"key": "dgca"}'))).toBe(false);
  });

  it('refuses a small file that says it unzips to more than a framework could hold', async () => {
    const file = await xlsxOf(buildXlsform());
    const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const firstEntry = file.readUInt32LE(end + 16);
    file.writeUInt32LE(200 * 1024 * 1024, firstEntry + 24);
    expect(await readUploadedXlsform(file)).toEqual({
      ok: false,
      problems: [{ rule: 'notWorkbook' }],
    });
  });
});
