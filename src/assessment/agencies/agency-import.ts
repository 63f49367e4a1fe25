// Importing agencies from CSV, decided without touching the database: read the
// file, check every row, resolve each parent by name or acronym (to a row
// earlier or later in the file, or to an agency already stored) and report
// every problem with its row at once, so a file is fixed in one pass and is
// imported whole or not at all.
import { CsvError, parse } from 'csv-parse/sync';
import {
  type AgencyFields,
  type AgencyProblem,
  checkAgencyFields,
  isAcronymTaken,
  nameKey,
  type RawAgencyFields,
} from './agency-rules.ts';

/** The columns of the file, as its header names them. */
export const importColumns = [
  'name',
  'acronym',
  'level',
  'sector',
  'parent',
  'focal point email',
] as const;
type Column = (typeof importColumns)[number];
const requiredColumns: readonly Column[] = ['name', 'level', 'sector'];

// Large enough for every agency of a national government at once.
export const IMPORT_MAX_ROWS = 5000;

/** A problem on one row of the file; row 1 is the header, as in a spreadsheet. */
export interface ImportProblem {
  row: number;
  /** The column concerned, as the file names it; absent for the row or the file as a whole. */
  column?: Column | string;
  rule: string;
  values?: Record<string, string | number>;
}

/** Where a planned agency's parent is: another row of the file, or a stored agency. */
export type PlannedParent = { row: number } | { agencyId: string } | null;

export interface PlannedAgency extends AgencyFields {
  row: number;
  parent: PlannedParent;
}

export interface StoredAgencyRef {
  id: string;
  name: string;
  acronym: string | null;
}

export type ImportPlan =
  | { ok: true; agencies: PlannedAgency[] }
  | { ok: false; problems: ImportProblem[] };

const columnOf: Record<keyof AgencyFields | 'parent', Column> = {
  name: 'name',
  acronym: 'acronym',
  level: 'level',
  sector: 'sector',
  parent: 'parent',
  focalPointEmail: 'focal point email',
};

const headerKey = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

interface Row {
  row: number;
  values: Partial<Record<Column, string>>;
}

function readRows(csv: string): { rows: Row[]; problems: ImportProblem[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 1;
    return {
      rows: [],
      problems: [{ row: line, rule: 'csvMalformed', values: { reason: error.message } }],
    };
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], problems: [{ row: 1, rule: 'csvEmpty' }] };

  const problems: ImportProblem[] = [];
  const columns = header.record.map(headerKey);
  columns.forEach((column, index) => {
    if (!importColumns.includes(column as Column))
      problems.push({
        row: 1,
        column: header.record[index] ?? column,
        rule: 'columnUnknown',
        values: { column: header.record[index] ?? column },
      });
    else if (columns.indexOf(column) !== index)
      problems.push({ row: 1, column, rule: 'columnRepeated', values: { column } });
  });
  for (const column of requiredColumns)
    if (!columns.includes(column))
      problems.push({ row: 1, rule: 'columnMissing', values: { column } });
  if (problems.length > 0) return { rows: [], problems };

  // Spreadsheets often export empty rows as bare commas; they are not agencies.
  const filled = body.filter(({ record }) => record.some((value) => value !== ''));
  if (filled.length === 0) return { rows: [], problems: [{ row: 2, rule: 'csvEmpty' }] };
  if (filled.length > IMPORT_MAX_ROWS)
    return {
      rows: [],
      problems: [{ row: 1, rule: 'csvTooLong', values: { max: IMPORT_MAX_ROWS } }],
    };

  const rows: Row[] = [];
  for (const { record, info } of filled) {
    if (record.length > columns.length) {
      problems.push({
        row: info.lines,
        rule: 'rowTooWide',
        values: { count: record.length, columns: columns.length },
      });
      continue;
    }
    const values: Row['values'] = {};
    columns.forEach((column, index) => {
      values[column as Column] = record[index] ?? '';
    });
    rows.push({ row: info.lines, values });
  }
  return { rows, problems };
}

/** Plans the import of a CSV file into a workspace that already holds `stored` agencies. */
export function planAgencyImport(csv: string, stored: readonly StoredAgencyRef[]): ImportPlan {
  const { rows, problems } = readRows(csv);
  const rowProblem = (row: number, problem: AgencyProblem): ImportProblem => ({
    row,
    column: columnOf[problem.field],
    rule: problem.rule,
    ...(problem.values ? { values: problem.values } : {}),
  });

  // Every row's own fields, and names and acronyms used twice in the file or already stored.
  const checked: { row: number; fields: AgencyFields; parent: string }[] = [];
  const firstRowOfName = new Map<string, number>();
  const firstRowOfAcronym = new Map<string, number>();
  const storedNames = new Set(stored.map((agency) => nameKey(agency.name)));
  for (const { row, values } of rows) {
    const raw: RawAgencyFields = {
      name: values.name,
      acronym: values.acronym,
      level: values.level,
      sector: values.sector,
      focalPointEmail: values['focal point email'],
    };
    const { fields, problems: fieldProblems } = checkAgencyFields(raw);
    problems.push(...fieldProblems.map((problem) => rowProblem(row, problem)));
    // Checks across rows use what the row says even when another of its
    // fields is wrong, so that every problem is reported at once.
    const name = (values.name ?? '').trim().replace(/\s+/g, ' ');
    if (name && !fieldProblems.some((problem) => problem.field === 'name')) {
      const key = nameKey(name);
      const earlier = firstRowOfName.get(key);
      if (earlier !== undefined)
        problems.push({ row, column: 'name', rule: 'nameRepeated', values: { other: earlier } });
      else if (storedNames.has(key))
        problems.push({ row, column: 'name', rule: 'nameTaken', values: { name } });
      else firstRowOfName.set(key, row);
    }
    const acronym = (values.acronym ?? '').trim();
    if (acronym && !fieldProblems.some((problem) => problem.field === 'acronym')) {
      const acronymKey = nameKey(acronym);
      const earlierAcronym = firstRowOfAcronym.get(acronymKey);
      if (earlierAcronym !== undefined)
        problems.push({
          row,
          column: 'acronym',
          rule: 'acronymRepeated',
          values: { other: earlierAcronym },
        });
      else if (isAcronymTaken(acronym, stored))
        problems.push({ row, column: 'acronym', rule: 'acronymTaken', values: { acronym } });
      else firstRowOfAcronym.set(acronymKey, row);
    }
    if (!fields) continue;
    checked.push({ row, fields, parent: (values.parent ?? '').trim() });
  }

  // Parents: by name first, then by acronym, in the file or among stored
  // agencies. Every named row counts, even one with problems of its own, so
  // its children are not also told their parent does not exist.
  const named = rows
    .filter(({ values }) => (values.name ?? '') !== '')
    .map(({ row, values }) => ({ row, name: values.name ?? '', acronym: values.acronym || null }));
  const planned: PlannedAgency[] = [];
  for (const { row, fields, parent } of checked) {
    if (!parent) {
      planned.push({ ...fields, row, parent: null });
      continue;
    }
    const resolved = resolveParent(parent, named, stored);
    if (resolved === 'unknown' || resolved === 'ambiguous') {
      const rule = resolved === 'unknown' ? 'parentUnknown' : 'parentAmbiguous';
      problems.push({ row, column: 'parent', rule, values: { parent } });
    } else if ('row' in resolved && resolved.row === row) {
      problems.push({ row, column: 'parent', rule: 'parentSelf' });
    } else planned.push({ ...fields, row, parent: resolved });
  }
  problems.push(...parentLoops(planned));

  if (problems.length > 0) {
    problems.sort((a, b) => a.row - b.row);
    return { ok: false, problems };
  }
  return { ok: true, agencies: parentsFirst(planned) };
}

function resolveParent(
  reference: string,
  rows: readonly { row: number; name: string; acronym: string | null }[],
  stored: readonly StoredAgencyRef[],
): Exclude<PlannedParent, null> | 'unknown' | 'ambiguous' {
  const key = nameKey(reference);
  const byName = [
    ...rows.filter(({ name }) => nameKey(name) === key).map(({ row }) => ({ row })),
    ...stored.filter((agency) => nameKey(agency.name) === key).map(({ id }) => ({ agencyId: id })),
  ];
  const candidates =
    byName.length > 0
      ? byName
      : [
          ...rows
            .filter(({ acronym }) => acronym && nameKey(acronym) === key)
            .map(({ row }) => ({ row })),
          ...stored
            .filter((agency) => agency.acronym && nameKey(agency.acronym) === key)
            .map(({ id }) => ({ agencyId: id })),
        ];
  if (candidates.length === 0) return 'unknown';
  if (candidates.length > 1) return 'ambiguous';
  return candidates[0] as Exclude<PlannedParent, null>;
}

/** Rows whose parents, followed up through the file, come back to them. */
function parentLoops(planned: readonly PlannedAgency[]): ImportProblem[] {
  const parentRow = new Map<number, number>();
  for (const agency of planned)
    if (agency.parent && 'row' in agency.parent) parentRow.set(agency.row, agency.parent.row);
  const problems: ImportProblem[] = [];
  const reported = new Set<number>();
  for (const start of parentRow.keys()) {
    const path: number[] = [];
    let current: number | undefined = start;
    while (current !== undefined && !path.includes(current) && !reported.has(current)) {
      path.push(current);
      current = parentRow.get(current);
    }
    if (current === undefined || reported.has(current)) continue;
    const loop = path.slice(path.indexOf(current));
    const rows = [...loop].sort((a, b) => a - b).join(', ');
    for (const row of loop) {
      reported.add(row);
      problems.push({ row, column: 'parent', rule: 'parentLoop', values: { rows } });
    }
  }
  return problems;
}

/** Orders the rows so each parent in the file is stored before its children. */
function parentsFirst(planned: readonly PlannedAgency[]): PlannedAgency[] {
  const byRow = new Map(planned.map((agency) => [agency.row, agency]));
  const ordered: PlannedAgency[] = [];
  const placed = new Set<number>();
  const place = (agency: PlannedAgency) => {
    if (placed.has(agency.row)) return;
    placed.add(agency.row);
    const parent =
      agency.parent && 'row' in agency.parent ? byRow.get(agency.parent.row) : undefined;
    if (parent) place(parent);
    ordered.push(agency);
  };
  for (const agency of planned) place(agency);
  return ordered;
}
