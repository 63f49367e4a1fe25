// One sheet of an XLSForm workbook read as a table: its columns by name (a
// translated column `label::Español (es)` by name and language tag), its rows
// with content, and the place of each cell, so every problem can name it.

import type { XlsformRule } from './problems.ts';
import {
  type Cell,
  type CellPlace,
  cellText,
  columnLetter,
  headerOf,
  languageTagOf,
  type Sheet,
  xlsformLanguage,
} from './workbook.ts';

interface Column {
  index: number;
  header: string;
  base: string;
  /** The language tag of a translated column; a plain text column holds the default language. */
  language?: string;
}

export interface TableRow {
  /** As the spreadsheet numbers it, the header on row 1. */
  number: number;
  cells: readonly Cell[];
}

export type Report = (
  place: CellPlace,
  rule: XlsformRule,
  values?: Record<string, string | number>,
) => void;

/** Text by language tag, as a framework holds it. */
export type Texts = Record<string, string>;

export class XlsformTable {
  readonly name: string;
  /** The rows with anything in them, after the header. */
  readonly rows: readonly TableRow[];
  private readonly columns: Column[] = [];
  private readonly defaultLanguage: string;
  /** Columns the header lacks (for text, in the default language), so each row need not say so. */
  private readonly lacking = new Set<string>();
  private readonly report: Report;

  /**
   * `text` are the columns read as text in several languages, `required` the
   * columns every row needs; the header is checked for both here, once, so no
   * row need repeat what the header already lacks.
   */
  constructor(
    sheet: Sheet,
    defaultLanguage: string,
    columns: {
      text: readonly string[];
      required: readonly string[];
      /** Text columns whose default language is given elsewhere (the framework's title). */
      otherLanguages?: readonly string[];
    },
    report: Report,
  ) {
    const textColumns = columns.text;
    this.name = sheet.name;
    this.defaultLanguage = defaultLanguage;
    this.report = report;
    const [header = [], ...rows] = sheet.rows;
    this.rows = rows
      .map((cells, index) => ({ number: index + 2, cells }))
      .filter((row) => row.cells.some((cell) => cellText(cell) !== ''));

    const seen = new Set<string>();
    header.forEach((cell, index) => {
      const text = cellText(cell);
      if (!text) return;
      const { base, language } = headerOf(text);
      const place = { sheet: this.name, row: 1, column: text, letter: columnLetter(index) };
      if (!textColumns.includes(base)) {
        if (language === undefined) this.columns.push({ index, header: text, base });
        return;
      }
      const tag = language === undefined ? defaultLanguage : languageTagOf(language);
      if (tag === undefined) {
        report(place, 'languageWithoutCode', { column: text });
        return;
      }
      const id = `${base}\u0000${tag}`;
      if (seen.has(id)) {
        report(place, 'duplicateColumn', { language: tag });
        return;
      }
      seen.add(id);
      this.columns.push({ index, header: text, base, language: tag });
    });

    for (const base of columns.required) {
      if (this.has(base)) continue;
      this.lacking.add(base);
      report({ sheet: this.name, row: 1 }, 'missingColumn', {
        column: textColumns.includes(base) ? `${base}::${xlsformLanguage(defaultLanguage)}` : base,
      });
    }
    for (const base of textColumns) {
      if (columns.otherLanguages?.includes(base)) continue;
      const translations = this.columns.filter((column) => column.base === base);
      if (translations.length > 0 && !translations.some((c) => c.language === defaultLanguage)) {
        this.lacking.add(base);
        report({ sheet: this.name, row: 1 }, 'noDefaultLanguageColumn', {
          column: base,
          language: defaultLanguage,
        });
      }
    }
  }

  has(base: string): boolean {
    return this.columns.some((column) => column.base === base);
  }

  /** The text of a row's (untranslated) cell; empty when the sheet has no such column. */
  cell(row: TableRow, base: string): string {
    const column = this.column(base);
    return column ? cellText(row.cells[column.index]) : '';
  }

  /** A row's cell that must not be empty; an empty one is reported (unless the column is lacking). */
  required(row: TableRow, base: string): string {
    const text = this.cell(row, base);
    if (!text && this.has(base)) this.report(this.place(row, base), 'emptyCell', { column: base });
    return text;
  }

  /** A row's cell read as a number: undefined when empty, reported when not a number. */
  number(row: TableRow, base: string): number | undefined {
    const text = this.cell(row, base);
    if (!text) return undefined;
    const value = Number(text);
    if (Number.isFinite(value)) return value;
    this.report(this.place(row, base), 'notANumber', { value: text });
    return undefined;
  }

  /** A row's texts of a translated column, by language tag; undefined when it has none. */
  texts(row: TableRow, base: string): Texts | undefined {
    const texts: Texts = {};
    for (const column of this.columns) {
      if (column.base !== base || column.language === undefined) continue;
      const text = cellText(row.cells[column.index]);
      if (text) texts[column.language] = text;
    }
    return Object.keys(texts).length > 0 ? texts : undefined;
  }

  /** The languages a translated column is given in, the default first. */
  languages(base: string): string[] {
    const tags = this.columns.flatMap((c) =>
      c.base === base && c.language !== undefined ? [c.language] : [],
    );
    return tags.sort(
      (a, b) => Number(b === this.defaultLanguage) - Number(a === this.defaultLanguage),
    );
  }

  /**
   * Where a row's cell is. For a translated column, the column of `language`
   * (the default language unless given); a column the sheet lacks is named
   * without a letter.
   */
  place(row: TableRow | undefined, base?: string, language?: string): CellPlace {
    const at: CellPlace = { sheet: this.name, ...(row ? { row: row.number } : {}) };
    if (base === undefined) return at;
    const column = this.column(base, language);
    if (column) return { ...at, column: column.header, letter: columnLetter(column.index) };
    return { ...at, column: base };
  }

  /** Whether a problem at this place is one the header's problem already explains. */
  explainedByHeader(place: CellPlace): boolean {
    return (
      place.letter === undefined && place.column !== undefined && this.lacking.has(place.column)
    );
  }

  private column(base: string, language?: string): Column | undefined {
    return this.columns.find(
      (column) =>
        column.base === base &&
        (column.language === undefined || column.language === (language ?? this.defaultLanguage)),
    );
  }
}
