import { describe, expect, it } from 'vitest';
import { planAgencyImport } from './agency-import.ts';

const header = 'name,acronym,level,sector,parent,focal point email';
const stored = [{ id: 'stored-moh', name: 'Ministry of Health', acronym: 'MOH' }];
const csv = (...lines: string[]) => [header, ...lines].join('\n');

describe('planning a CSV import of agencies', () => {
  it('resolves parents by name or acronym, later in the file or already stored, parents first', () => {
    const plan = planAgencyImport(
      csv(
        'Rural Clinic Unit,RCU,local,health,DPH,',
        'Department of Public Health,DPH,national,health,MOH,cio@dph.example',
        '"Hospital Board, North",,subnational,Health,Ministry of Health,',
      ),
      stored,
    );
    expect(plan).toEqual({
      ok: true,
      agencies: [
        expect.objectContaining({
          row: 3,
          name: 'Department of Public Health',
          parent: { agencyId: 'stored-moh' },
          focalPointEmail: 'cio@dph.example',
        }),
        expect.objectContaining({ row: 2, name: 'Rural Clinic Unit', parent: { row: 3 } }),
        expect.objectContaining({
          row: 4,
          name: 'Hospital Board, North',
          sector: 'health',
          parent: { agencyId: 'stored-moh' },
        }),
      ],
    });
  });

  it('reports every problem with its row and column, all at once', () => {
    const plan = planAgencyImport(
      csv(
        'Tax Office,TAX,national,finance,,',
        ',X,local,finance,,',
        'Customs,CUS,federal,finance,Treasury,not-an-email',
        'tax office,,local,finance,,',
        'Ministry of Health,,national,health,,',
        'City Hall,CH,local,general administration,City Hall,',
      ),
      stored,
    );
    expect(plan).toEqual({
      ok: false,
      problems: [
        { row: 3, column: 'name', rule: 'nameMissing' },
        { row: 4, column: 'level', rule: 'levelInvalid' },
        { row: 4, column: 'focal point email', rule: 'emailInvalid' },
        { row: 5, column: 'name', rule: 'nameRepeated', values: { other: 2 } },
        { row: 6, column: 'name', rule: 'nameTaken', values: { name: 'Ministry of Health' } },
        { row: 7, column: 'parent', rule: 'parentSelf' },
      ],
    });
  });

  it('names a parent it cannot find, and one that matches two agencies', () => {
    const plan = planAgencyImport(
      csv(
        'Unit A,UA,local,health,Treasury,',
        'Office One,OO,local,health,,',
        'Office Two,OO,local,health,,',
        'Unit B,,local,health,OO,',
      ),
      stored,
    );
    expect(plan.ok === false && plan.problems).toEqual([
      { row: 2, column: 'parent', rule: 'parentUnknown', values: { parent: 'Treasury' } },
      { row: 4, column: 'acronym', rule: 'acronymRepeated', values: { other: 3 } },
      { row: 5, column: 'parent', rule: 'parentAmbiguous', values: { parent: 'OO' } },
    ]);
  });

  it('refuses an acronym another agency has, whatever its case, in the file or stored', () => {
    const plan = planAgencyImport(
      csv(
        'Health Board,moh,local,health,,',
        'Unit A,UA,local,health,,',
        'Unit B,ua,local,health,,',
      ),
      [{ id: 'moh', name: 'Ministry of Health', acronym: 'MOH' }],
    );
    expect(plan.ok === false && plan.problems).toEqual([
      { row: 2, column: 'acronym', rule: 'acronymTaken', values: { acronym: 'moh' } },
      { row: 4, column: 'acronym', rule: 'acronymRepeated', values: { other: 3 } },
    ]);
  });

  it('reports a repeated name on a row that has another problem too, all at once', () => {
    const plan = planAgencyImport(
      csv('Agency A,,local,health,,', 'Agency A,,federal,health,,'),
      [],
    );
    expect(plan.ok === false && plan.problems).toEqual([
      { row: 3, column: 'level', rule: 'levelInvalid' },
      { row: 3, column: 'name', rule: 'nameRepeated', values: { other: 2 } },
    ]);
  });

  it('does not call a parent unknown when it is a row with problems of its own', () => {
    const plan = planAgencyImport(
      csv('Agency A,,federal,health,,', 'Agency B,,local,health,Agency A,'),
      [],
    );
    expect(plan.ok === false && plan.problems).toEqual([
      { row: 2, column: 'level', rule: 'levelInvalid' },
    ]);
  });

  it('finds a loop of parents within the file and names its rows', () => {
    const plan = planAgencyImport(
      csv('A,,local,health,C,', 'B,,local,health,A,', 'C,,local,health,B,', 'D,,local,health,A,'),
      [],
    );
    expect(plan.ok === false && plan.problems).toEqual([
      { row: 2, column: 'parent', rule: 'parentLoop', values: { rows: '2, 3, 4' } },
      { row: 3, column: 'parent', rule: 'parentLoop', values: { rows: '2, 3, 4' } },
      { row: 4, column: 'parent', rule: 'parentLoop', values: { rows: '2, 3, 4' } },
    ]);
  });

  it('reads a header in any order and case, with only the required columns', () => {
    const plan = planAgencyImport(
      'LEVEL,Name,sector\nlocal,Town Council,general administration\n',
      [],
    );
    expect(plan).toEqual({
      ok: true,
      agencies: [expect.objectContaining({ name: 'Town Council', acronym: null, parent: null })],
    });
  });

  it('explains a header it cannot use', () => {
    expect(planAgencyImport('name,secter,parent,parent\nA,health,,', [])).toEqual({
      ok: false,
      problems: [
        { row: 1, column: 'secter', rule: 'columnUnknown', values: { column: 'secter' } },
        { row: 1, column: 'parent', rule: 'columnRepeated', values: { column: 'parent' } },
        { row: 1, rule: 'columnMissing', values: { column: 'level' } },
        { row: 1, rule: 'columnMissing', values: { column: 'sector' } },
      ],
    });
  });

  it('refuses malformed CSV, an empty file and a row wider than the header', () => {
    const malformed = planAgencyImport(csv('"Unclosed,,local,health,,'), []);
    expect(malformed.ok === false && malformed.problems).toEqual([
      { row: 2, rule: 'csvMalformed', values: { reason: expect.stringContaining('Quote') } },
    ]);
    expect(planAgencyImport('', [])).toEqual({
      ok: false,
      problems: [{ row: 1, rule: 'csvEmpty' }],
    });
    expect(planAgencyImport(`${header}\n,,,,,\n`, [])).toEqual({
      ok: false,
      problems: [{ row: 2, rule: 'csvEmpty' }],
    });
    const wide = planAgencyImport(csv('A,,local,health,,,extra'), []);
    expect(wide.ok === false && wide.problems).toEqual([
      { row: 2, rule: 'rowTooWide', values: { count: 7, columns: 6 } },
    ]);
  });
});
