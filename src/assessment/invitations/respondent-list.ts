// Reading a respondent list as a lead types or pastes it: one email address per
// line (several on a line, separated by commas or spaces, are fine), or a CSV
// with a header row naming an `email` column and optionally `language`. Every
// problem names its row, and a list with any problem invites nobody.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import {
  isSupportedLanguage,
  type Language,
  type Translate,
} from '../../platform/i18n/messages.ts';

/** More than any agency's officers; a bigger list goes in several parts. */
export const MAX_RESPONDENTS = 2000;

export interface Respondent {
  /** The line of the list it came from, counted from 1. */
  row: number;
  email: string;
  language: Language;
}

export type RespondentProblem =
  | { row: number; problem: 'invalid_email'; value: string }
  | { row: number; problem: 'duplicate'; value: string; firstRow: number }
  | { row: number; problem: 'invalid_language'; value: string }
  | { row: number; problem: 'invalid_csv'; value: string }
  | { row: 0; problem: 'empty' | 'no_email_column' | 'too_many'; value: string };

export type RespondentList =
  | { ok: true; respondents: Respondent[] }
  | { ok: false; problems: RespondentProblem[] };

const emailSchema = z.email();
const EMAIL_HEADERS = new Set(['email', 'e-mail', 'correo', 'correo electrónico']);
const LANGUAGE_HEADERS = new Set(['language', 'lang', 'idioma']);

/** One address as given, with the row it was given on and the language it names, if any. */
export interface RespondentCell {
  row: number;
  email: string;
  language?: string;
}

/** Whether the first line is a CSV header row: it names an email column. */
function looksLikeHeader(firstLine: string): boolean {
  return firstLine
    .split(/[,;]/)
    .some((cell) => EMAIL_HEADERS.has(cell.trim().replace(/^"|"$/g, '').toLowerCase()));
}

// Addresses separated by spaces are split too, but only when every part
// holds an @: "not an address" is one bad entry, not three.
function splitEntry(entry: string): string[] {
  const words = entry.trim().split(/\s+/).filter(Boolean);
  return words.length > 1 && words.every((word) => word.includes('@')) ? words : [entry.trim()];
}

function typedCells(text: string): RespondentCell[] {
  return text.split(/\r?\n/).flatMap((line, index) =>
    line
      .split(/[,;]/)
      .flatMap(splitEntry)
      .filter(Boolean)
      .map((email) => ({ row: index + 1, email })),
  );
}

function csvCells(text: string): RespondentCell[] | RespondentProblem {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: [',', ';'],
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as never;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return { row: line, problem: 'invalid_csv', value: (error as Error).message };
  }
  const [header, ...rows] = records;
  const names = (header?.record ?? []).map((name) => name.toLowerCase());
  const emailColumn = names.findIndex((name) => EMAIL_HEADERS.has(name));
  const languageColumn = names.findIndex((name) => LANGUAGE_HEADERS.has(name));
  if (emailColumn < 0) return { row: 0, problem: 'no_email_column', value: '' };
  return rows.map(({ record, info }) => ({
    row: info.lines,
    email: record[emailColumn] ?? '',
    ...(languageColumn >= 0 && record[languageColumn]
      ? { language: record[languageColumn].toLowerCase() }
      : {}),
  }));
}

/**
 * Reads a respondent list. `language` is the language of respondents whose row
 * does not name one. Addresses are compared without regard to case.
 */
export function readRespondentList(text: string, language: Language): RespondentList {
  const firstLine =
    text
      .replace(/^\uFEFF/, '')
      .trimStart()
      .split(/\r?\n/)[0] ?? '';
  const cells = looksLikeHeader(firstLine) ? csvCells(text) : typedCells(text);
  if (!Array.isArray(cells)) return { ok: false, problems: [cells] };
  return checkRespondents(cells, language);
}

/** Checks addresses and languages, row by row; also for lists sent as JSON through the API. */
export function checkRespondents(
  cells: readonly RespondentCell[],
  language: Language,
): RespondentList {
  if (cells.length === 0) return { ok: false, problems: [{ row: 0, problem: 'empty', value: '' }] };
  if (cells.length > MAX_RESPONDENTS)
    return {
      ok: false,
      problems: [{ row: 0, problem: 'too_many', value: String(cells.length) }],
    };
  const problems: RespondentProblem[] = [];
  const respondents: Respondent[] = [];
  const firstRowOf = new Map<string, number>();
  for (const cell of cells) {
    const email = cell.email.trim();
    const key = email.toLowerCase();
    if (!emailSchema.safeParse(email).success) {
      problems.push({ row: cell.row, problem: 'invalid_email', value: email });
      continue;
    }
    const firstRow = firstRowOf.get(key);
    if (firstRow !== undefined) {
      problems.push({ row: cell.row, problem: 'duplicate', value: email, firstRow });
      continue;
    }
    firstRowOf.set(key, cell.row);
    const rowLanguage = cell.language ?? language;
    if (!isSupportedLanguage(rowLanguage)) {
      problems.push({ row: cell.row, problem: 'invalid_language', value: rowLanguage });
      continue;
    }
    respondents.push({ row: cell.row, email, language: rowLanguage });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, respondents };
}

/** A problem of a list in the reader's words, with its row. */
export function describeRespondentProblem(t: Translate, problem: RespondentProblem): string {
  switch (problem.problem) {
    case 'empty':
      return t('invitations.error.empty');
    case 'no_email_column':
      return t('invitations.error.noEmailColumn');
    case 'too_many':
      return t('invitations.error.tooMany', { count: problem.value, max: MAX_RESPONDENTS });
    case 'invalid_email':
      return t('invitations.error.invalidEmail', { row: problem.row, value: problem.value });
    case 'duplicate':
      return t('invitations.error.duplicate', {
        row: problem.row,
        value: problem.value,
        firstRow: problem.firstRow,
      });
    case 'invalid_language':
      return t('invitations.error.invalidLanguage', { row: problem.row, value: problem.value });
    case 'invalid_csv':
      return t('invitations.error.invalidCsv', { row: problem.row, value: problem.value });
  }
}
