// What the XLSForm import and export share: a workbook as plain rows, the
// sheets and columns Transforma reads and writes, and the reversible rules
// between XLSForm names and Transforma's codes, keys and language tags.
// docs/xlsform.md describes the mapping.
import { type Language, supportedLanguages } from '../../../platform/i18n/messages.ts';
import { itemSchema, maturityLevelSchema } from '../framework-schema.ts';

/** A cell as the workbook holds it: text, or a number the spreadsheet stored as one. */
export type Cell = string | number;

/** One sheet: `rows[0]` is the header (row 1 in the spreadsheet), `rows[n]` row n + 1. */
export interface Sheet {
  name: string;
  rows: Cell[][];
}

export type Workbook = Sheet[];

/** Where in the workbook something is, as a spreadsheet shows it. */
export interface CellPlace {
  sheet: string;
  /** 1-based, the header on row 1. */
  row?: number;
  /** The column's header, e.g. `label::English (en)`. */
  column?: string;
  /** The column's letter, when the column exists. */
  letter?: string;
}

export const SHEETS = {
  survey: 'survey',
  choices: 'choices',
  settings: 'settings',
  // Transforma's own sheets, which KoboToolbox and ODK ignore.
  framework: 'framework',
  maturityLevels: 'maturity_levels',
  stageDescriptors: 'stage_descriptors',
} as const;

// Transforma's own columns on the XLSForm sheets; pyxform ignores columns it does not know.
export const WEIGHT_COLUMN = 'transforma_weight';
export const VALUE_COLUMN = 'transforma_value';

/** The choice that stands for "not applicable" (its label is Transforma's own). */
export const NOT_APPLICABLE_CHOICE = 'na';
const notApplicableNames = new Set(['na', 'n_a', 'n/a', 'not_applicable']);
export const isNotApplicableChoice = (name: string) =>
  notApplicableNames.has(name.trim().toLowerCase());

/** A column's letter: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letter = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}

export const cellText = (cell: Cell | undefined): string =>
  cell === undefined ? '' : String(cell).trim();

// Names: XLSForm writes them lower case with underscores (`lea_vis`), Transforma's
// codes are upper case with hyphens (`LEA-VIS`) and its keys lower case with
// hyphens (`pillar-stage`). Each rule is undone by its partner for any valid code
// or key, so an export imports back to the same framework.
export const codeOfName = (name: string) => name.toUpperCase().replaceAll('_', '-');
export const nameOfCode = (code: string) => code.toLowerCase().replaceAll('-', '_');
export const keyOfName = (name: string) => name.toLowerCase().replaceAll('_', '-');
export const nameOfKey = (key: string) => key.replaceAll('-', '_');
export const isCode = (code: string) => itemSchema.shape.code.safeParse(code).success;
export const isKey = (key: string) => maturityLevelSchema.shape.key.safeParse(key).success;

/**
 * The language tag of an XLSForm language, written `English (en)` as
 * KoboToolbox and ODK do, or as a bare tag `en`; undefined without a tag.
 */
export function languageTagOf(language: string): string | undefined {
  const bracketed = /\(([^()]+)\)\s*$/.exec(language)?.[1];
  const candidate = (bracketed ?? language).trim();
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(candidate)) return undefined;
  return candidate.replace(/^[A-Za-z]+/, (primary) => primary.toLowerCase());
}

/** An XLSForm language for a tag, named in itself: `English (en)`, `Español (es)`. */
export function xlsformLanguage(tag: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
  } catch {
    name = undefined;
  }
  if (!name || name === tag) return `${tag} (${tag})`;
  return `${name.charAt(0).toLocaleUpperCase(tag)}${name.slice(1)} (${tag})`;
}

/** A header cell split into its column and, for a translated column, its language. */
export function headerOf(header: string): { base: string; language?: string } {
  // `list name` and `list_name` are the same column to pyxform.
  const baseOf = (text: string) => text.trim().toLowerCase().replace(/\s+/g, '_');
  const at = header.indexOf('::');
  if (at < 0) return { base: baseOf(header) };
  return { base: baseOf(header.slice(0, at)), language: header.slice(at + 2).trim() };
}

/** The catalogue for a framework's language: its own if Transforma speaks it, else English. */
export const catalogueLanguage = (tag: string): Language =>
  supportedLanguages.find((language) => language === tag) ?? 'en';
