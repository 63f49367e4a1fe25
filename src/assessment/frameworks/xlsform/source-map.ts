// Where each part of a framework document read from an XLSForm workbook came
// from, by its validation path, so the validation's problems can be placed back
// at their sheet, row and column.
import type { Report, TableRow, XlsformTable } from './sheet-table.ts';
import { type CellPlace, SHEETS } from './workbook.ts';

/** Where each part of the framework document came from, by its validation path. */
export class SourceMap {
  private readonly places = new Map<string, CellPlace>();

  set(path: string, place: CellPlace) {
    this.places.set(path, place);
  }

  /** A row's texts: the default language at `path`, each language at `path.<tag>`. */
  texts(table: XlsformTable, row: TableRow, base: string, path: string) {
    this.set(path, table.place(row, base));
    for (const language of table.languages(base))
      this.set(`${path}.${language}`, table.place(row, base, language));
    return table.texts(row, base);
  }

  /** The place of a path, or of the nearest part of the document that holds it. */
  placeOf(path: string): CellPlace {
    for (let at = path; ; ) {
      const place = this.places.get(at);
      if (place) return place;
      if (at === '') return { sheet: SHEETS.survey };
      const holder = at.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      at = holder === at ? '' : holder;
    }
  }
}

/** What each sheet's reader is given: where to report a problem, and where to note a place. */
export interface Reading {
  report: Report;
  sourceMap: SourceMap;
}
