// What can be wrong with an XLSForm workbook, each problem at its sheet, row
// and column, and how a problem reads: in the reader's language on the page,
// in English in the API.
import type { Messages } from '../../../platform/i18n/messages.ts';
import type { CellPlace } from './workbook.ts';

/** Each rule has its text at `frameworks.xlsform.<rule>` in every catalogue. */
export const XLSFORM_RULES = [
  'notWorkbook',
  'oldExcel',
  'missingSheet',
  'missingColumn',
  'languageWithoutCode',
  'noDefaultLanguage',
  'duplicateColumn',
  'noDefaultLanguageColumn',
  'emptyCell',
  'notANumber',
  'badCode',
  'badKey',
  'duplicateName',
  'rowWithoutType',
  'unsupportedType',
  'skipLogic',
  'itemOutsideSubdimension',
  'groupTooDeep',
  'endWithoutBegin',
  'groupNotClosed',
  'noteOutOfPlace',
  'unknownList',
  'numbersNotConsecutive',
  'titleDiffers',
  'extraRow',
  'unknownItem',
  'unknownStage',
  'descriptorOnLikert',
  'duplicateDescriptor',
  'missingDescriptor',
] as const;

export type XlsformRule = (typeof XLSFORM_RULES)[number];

export type XlsformProblem =
  | { place?: CellPlace; rule: XlsformRule; values?: Record<string, string | number> }
  /** A problem the framework validation found, placed back in the workbook. */
  | { place: CellPlace; path: string; message: string };

export function xlsformPlaceText(messages: Messages, place: CellPlace): string {
  const { sheet, row } = place;
  const column =
    place.column === undefined
      ? undefined
      : place.letter
        ? `${place.letter} (${place.column})`
        : place.column;
  if (row !== undefined && column !== undefined)
    return messages.t('frameworks.xlsform.place.cell', { sheet, row, column });
  if (row !== undefined) return messages.t('frameworks.xlsform.place.row', { sheet, row });
  if (column !== undefined) return messages.t('frameworks.xlsform.place.column', { sheet, column });
  return messages.t('frameworks.xlsform.place.sheet', { sheet });
}

/** What is wrong, without where. */
export function xlsformProblemText(messages: Messages, problem: XlsformProblem): string {
  if ('rule' in problem) return messages.t(`frameworks.xlsform.${problem.rule}`, problem.values);
  return problem.message;
}

/** A problem as the API reports it: where, then what. */
export function xlsformFieldProblem(
  messages: Messages,
  problem: XlsformProblem,
): { path: string; message: string } {
  return {
    path: problem.place ? xlsformPlaceText(messages, problem.place) : '',
    message: xlsformProblemText(messages, problem),
  };
}
