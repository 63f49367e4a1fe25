import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { spreadsheetSafe } from '../exports/spreadsheet-safe.ts';
import { auditCsv } from './audit-csv.ts';

describe('the audit log as CSV', () => {
  it('writes one row per entry under a header, quoting what needs it', () => {
    const csv = auditCsv([
      {
        id: 7,
        at: new Date('2026-01-02T03:04:05Z'),
        actor: 'Amara Okafor <admin@sumwhere.example>',
        action: 'agency.created',
        entityType: 'agency',
        entityId: 'a1',
        details: { name: 'Ministry of Health, North' },
      },
    ]);
    expect(parse(csv)).toEqual([
      ['id', 'at', 'actor', 'action', 'entity_type', 'entity_id', 'details'],
      [
        '7',
        '2026-01-02T03:04:05.000Z',
        'Amara Okafor <admin@sumwhere.example>',
        'agency.created',
        'agency',
        'a1',
        '{"name":"Ministry of Health, North"}',
      ],
    ]);
  });

  it('keeps a spreadsheet from running a name as a formula', () => {
    expect(spreadsheetSafe('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(spreadsheetSafe('-1')).toBe("'-1");
    expect(spreadsheetSafe('Ministry')).toBe('Ministry');
  });
});
