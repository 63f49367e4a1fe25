// The audit log as CSV, for admins to keep or inspect in a spreadsheet.
import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../exports/spreadsheet-safe.ts';
import type { AuditRecord } from './audit-store.ts';

export const auditCsvColumns = [
  'id',
  'at',
  'actor',
  'action',
  'entity_type',
  'entity_id',
  'details',
];

export function auditCsv(records: readonly AuditRecord[]): string {
  const rows = records.map((record) =>
    [
      String(record.id),
      new Date(record.at).toISOString(),
      record.actor,
      record.action,
      record.entityType,
      record.entityId ?? '',
      JSON.stringify(record.details ?? {}),
    ].map(spreadsheetSafe),
  );
  return stringify([auditCsvColumns, ...rows], { record_delimiter: '\r\n' });
}
