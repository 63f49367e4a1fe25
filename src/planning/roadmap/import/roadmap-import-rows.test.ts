import { describe, expect, it } from 'vitest';
import { sheetsOfCsv, sheetsOfWorkbook } from './roadmap-import-rows.ts';

describe('reading a roadmap file', () => {
  it('reads a CSV of initiatives by column name, undoing what made cells formula-safe', () => {
    const read = sheetsOfCsv(
      '\uFEFFExternal ID,title,Horizon\r\nP-1,\'=Single portal,short\r\n,,\r\nP-2,"Digital ID, phase 2",medium\r\n',
    );
    expect(read).toEqual({
      ok: true,
      sheets: [
        {
          kind: 'initiatives',
          rows: [
            { row: 2, values: { external_id: 'P-1', title: '=Single portal', horizon: 'short' } },
            {
              row: 4,
              values: { external_id: 'P-2', title: 'Digital ID, phase 2', horizon: 'medium' },
            },
          ],
        },
      ],
    });
  });

  it('tells a CSV of steps by its header', () => {
    const read = sheetsOfCsv('initiative_external_id,external_id,what\nP-1,S-1,Launch\n');
    expect(read.ok && read.sheets[0]?.kind).toBe('steps');
  });

  it('refuses a header with unknown, repeated or missing columns, naming each', () => {
    expect(sheetsOfCsv('external_id,title,colour,title\nP-1,Portal,red,again\n')).toEqual({
      ok: false,
      problems: [
        {
          sheet: 'initiatives',
          row: 1,
          column: 'colour',
          rule: 'columnUnknown',
          values: { column: 'colour' },
        },
        {
          sheet: 'initiatives',
          row: 1,
          column: 'title',
          rule: 'columnRepeated',
          values: { column: 'title' },
        },
      ],
    });
    expect(sheetsOfCsv('initiative_external_id,what\nP-1,Launch\n')).toEqual({
      ok: false,
      problems: [
        { sheet: 'steps', row: 1, rule: 'columnMissing', values: { column: 'external_id' } },
      ],
    });
  });

  it('refuses a row wider than its header, and an empty or unreadable file', () => {
    expect(sheetsOfCsv('external_id,title\nP-1,Portal,extra\n')).toEqual({
      ok: false,
      problems: [{ sheet: 'initiatives', row: 2, rule: 'rowTooWide', values: { columns: 2 } }],
    });
    expect(sheetsOfCsv('')).toEqual({ ok: false, problems: [{ rule: 'fileEmpty' }] });
    expect(sheetsOfCsv('external_id,title\n"P-1,Portal\n')).toMatchObject({
      ok: false,
      problems: [{ rule: 'csvMalformed' }],
    });
  });

  it('reads the Initiatives and Steps sheets of a workbook, numbers as text', () => {
    const read = sheetsOfWorkbook([
      { name: 'Notes', rows: [['anything']] },
      {
        name: 'initiatives',
        rows: [
          ['external_id', 'title', 'weight'],
          ['P-1', 'Portal', 2.5],
        ],
      },
      {
        name: 'Steps',
        rows: [['initiative_external_id', 'external_id', 'what'], [], ['P-1', 'S-1', 'Launch']],
      },
    ]);
    expect(read).toEqual({
      ok: true,
      sheets: [
        {
          kind: 'initiatives',
          rows: [{ row: 2, values: { external_id: 'P-1', title: 'Portal', weight: '2.5' } }],
        },
        {
          kind: 'steps',
          rows: [
            {
              row: 3,
              values: { initiative_external_id: 'P-1', external_id: 'S-1', what: 'Launch' },
            },
          ],
        },
      ],
    });
    expect(sheetsOfWorkbook([{ name: 'Sheet1', rows: [] }])).toEqual({
      ok: false,
      problems: [{ rule: 'sheetsMissing' }],
    });
  });
});
