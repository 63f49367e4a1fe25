// An XLSForm workbook (survey, choices and settings sheets, as KoboToolbox and
// ODK use them) read as a framework document: groups become dimensions and
// sub-dimensions, select_one questions items, choice lists scales. Every
// problem is reported at once with its sheet, row and column: the workbook's
// own, then the framework validation's, placed back where they came from.
// docs/xlsform.md describes the mapping.
import { validateFramework } from '../validate-framework.ts';
import { type ChoiceList, readChoices, type ScaleDraft } from './choices-sheet.ts';
import { defaultLevels, readLevels } from './levels-sheet.ts';
import type { XlsformProblem } from './problems.ts';
import { type Report, XlsformTable } from './sheet-table.ts';
import { type Reading, SourceMap } from './source-map.ts';
import {
  type DimensionDraft,
  type PlacedItem,
  readDescriptors,
  readSurvey,
  reportMissingDescriptors,
} from './survey-sheet.ts';
import {
  type CellPlace,
  cellText,
  isKey,
  keyOfName,
  languageTagOf,
  SHEETS,
  type Sheet,
  type Workbook,
} from './workbook.ts';

export type XlsformImport =
  | { ok: true; document: Record<string, unknown> }
  | { ok: false; problems: XlsformProblem[] };

export function frameworkFromXlsform(workbook: Workbook): XlsformImport {
  const problems: XlsformProblem[] = [];
  const report: Report = (place, rule, values) =>
    problems.push({ place, rule, ...(values ? { values } : {}) });
  const sourceMap = new SourceMap();
  const tables: XlsformTable[] = [];
  const sheet = (name: string, required: boolean): Sheet | undefined => {
    const found = workbook.find((s) => s.name.trim().toLowerCase() === name);
    if (!found && required) report({ sheet: name }, 'missingSheet', { sheet: name });
    return found;
  };
  const table = (
    found: Sheet | undefined,
    defaultLanguage: string,
    columns: ConstructorParameters<typeof XlsformTable>[2],
  ) => {
    if (!found) return undefined;
    const read = new XlsformTable(found, defaultLanguage, columns, report);
    tables.push(read);
    return read;
  };

  const surveySheet = sheet(SHEETS.survey, true);
  const settingsSheet = sheet(SHEETS.settings, true);
  const settings = table(settingsSheet, '', { text: [], required: [] });
  const settingsRow = settings?.rows[0];
  const setting = (column: string) =>
    settingsRow ? (settings?.cell(settingsRow, column) ?? '') : '';
  const settingPlace = (column: string): CellPlace =>
    settings ? settings.place(settingsRow, column) : { sheet: SHEETS.settings, column };
  const language = defaultLanguageOf(setting('default_language'), surveySheet);
  if (language.problem)
    report(settingPlace('default_language'), language.problem, {
      column: setting('default_language'),
    });
  const defaultLanguage = language.tag;

  const choices = table(sheet(SHEETS.choices, true), defaultLanguage, {
    text: ['label'],
    required: ['list_name', 'name', 'label'],
  });
  const scales: ScaleDraft[] = [];
  const lists = new Map<string, ChoiceList>();
  if (choices) readChoices(choices, { report, sourceMap, scales, lists });

  const survey = table(surveySheet, defaultLanguage, {
    text: ['label', 'hint'],
    required: ['type', 'name', 'label'],
  });
  const dimensions: DimensionDraft[] = [];
  const items = new Map<string, PlacedItem>();
  if (survey)
    readSurvey(survey, { report, sourceMap, dimensions, items, lists, hasChoices: !!choices });

  const descriptors = table(sheet(SHEETS.stageDescriptors, false), defaultLanguage, {
    text: ['descriptor'],
    required: ['item', 'stage', 'descriptor'],
  });
  if (descriptors) readDescriptors(descriptors, items, lists, { report, sourceMap });
  reportMissingDescriptors(items, lists, report);

  const levelsTable = table(sheet(SHEETS.maturityLevels, false), defaultLanguage, {
    text: ['label', 'description'],
    required: ['name', 'label', 'min_score'],
  });
  const languages = [defaultLanguage, ...(survey?.languages('label') ?? [])];
  const maturityLevels = levelsTable
    ? readLevels(levelsTable, { report, sourceMap })
    : defaultLevels(scales, languages);
  sourceMap.set('maturityLevels', { sheet: levelsTable?.name ?? SHEETS.maturityLevels });

  const frameworkTable = table(sheet(SHEETS.framework, false), defaultLanguage, {
    text: ['title', 'description', 'source'],
    required: [],
    otherLanguages: ['title'],
  });
  const about = readAbout(frameworkTable, {
    report,
    sourceMap,
    defaultLanguage,
    formTitle: setting('form_title'),
  });

  const formId = setting('form_id');
  const key = keyOfName(formId);
  if (formId && !isKey(key)) report(settingPlace('form_id'), 'badKey', { name: formId });
  sourceMap.set('', { sheet: survey?.name ?? SHEETS.survey });
  sourceMap.set('key', settingPlace('form_id'));
  sourceMap.set('version', settingPlace('version'));
  sourceMap.set('defaultLanguage', settingPlace('default_language'));
  sourceMap.set('name', settingPlace('form_title'));
  sourceMap.set(`name.${defaultLanguage}`, settingPlace('form_title'));
  sourceMap.set('scales', { sheet: choices?.name ?? SHEETS.choices });

  // Through JSON, so what is absent is absent rather than undefined.
  const document = JSON.parse(
    JSON.stringify({
      key: formId ? key : undefined,
      version: setting('version') || undefined,
      defaultLanguage,
      name: about.name,
      description: about.description,
      source: about.source,
      scales,
      maturityLevels,
      minimumAnsweredShare: about.minimumAnsweredShare,
      dimensions,
    }),
  ) as Record<string, unknown>;

  const all = withoutRepeats(problems, validationProblems(document, sourceMap), tables);
  if (all.length > 0) return { ok: false, problems: inWorkbookOrder(all, workbook) };
  return { ok: true, document };
}

/** The framework validation's problems, each placed at the cell its value came from. */
function validationProblems(document: unknown, sourceMap: SourceMap): XlsformProblem[] {
  const validation = validateFramework(document);
  if (validation.ok) return [];
  return validation.problems.map(({ path, message }) => ({
    place: sourceMap.placeOf(path),
    path,
    message,
  }));
}

/**
 * The workbook's own problems and the validation's, each said once: not at a
 * cell the workbook's own problems already name, nor for a column the header
 * lacks, nor for what a missing sheet would have held.
 */
function withoutRepeats(
  own: XlsformProblem[],
  validation: XlsformProblem[],
  tables: readonly XlsformTable[],
): XlsformProblem[] {
  const placed = new Set(own.map((problem) => placeId(problem.place)));
  const missing = new Set(
    own.flatMap((problem) =>
      'rule' in problem && problem.rule === 'missingSheet' ? [problem.place?.sheet] : [],
    ),
  );
  const onMissingSheet = (problem: XlsformProblem) =>
    missing.has(problem.place?.sheet) && !('rule' in problem && problem.rule === 'missingSheet');
  return [
    ...own,
    ...validation.filter(
      ({ place }) =>
        place !== undefined &&
        !placed.has(placeId(place)) &&
        !tables.some((table) => table.name === place.sheet && table.explainedByHeader(place)),
    ),
  ].filter((problem) => !onMissingSheet(problem));
}

/**
 * The language of the untranslated `label` and `hint` columns: settings'
 * default_language (`English (en)` or `en`). Without it, a survey of
 * translated columns only opens in its first language, as KoboToolbox and ODK
 * show it; a plain column's language cannot be guessed.
 */
function defaultLanguageOf(
  setting: string,
  survey: Sheet | undefined,
): { tag: string; problem?: 'languageWithoutCode' | 'noDefaultLanguage' } {
  // English stands in while a problem is reported, so the rest of the workbook is still read.
  if (setting) {
    const tag = languageTagOf(setting);
    return tag ? { tag } : { tag: 'en', problem: 'languageWithoutCode' };
  }
  const headers = (survey?.rows[0] ?? []).map((cell) => cellText(cell));
  const translated = headers.flatMap((header) => {
    const match = /^label\s*::(.*)$/i.exec(header);
    const tag = match ? languageTagOf(match[1] ?? '') : undefined;
    return tag ? [tag] : [];
  });
  if (headers.some((header) => header.toLowerCase() === 'label'))
    return { tag: 'en', problem: 'noDefaultLanguage' };
  return { tag: translated[0] ?? 'en' };
}

/** The framework's name, description, source and answered share: settings and the framework sheet. */
function readAbout(
  about: XlsformTable | undefined,
  context: Reading & { defaultLanguage: string; formTitle: string },
) {
  const { report, sourceMap, defaultLanguage, formTitle } = context;
  const [row, ...extra] = about?.rows ?? [];
  for (const other of extra) if (about) report(about.place(other), 'extraRow');
  if (!about || !row) return { name: formTitle ? { [defaultLanguage]: formTitle } : undefined };
  for (const language of about.languages('title'))
    if (language !== defaultLanguage)
      sourceMap.set(`name.${language}`, about.place(row, 'title', language));
  const titles = about.texts(row, 'title');
  const title = titles?.[defaultLanguage];
  if (title !== undefined && formTitle && title !== formTitle)
    report(about.place(row, 'title'), 'titleDiffers', { title: formTitle });
  const name = { ...titles, ...(formTitle ? { [defaultLanguage]: formTitle } : {}) };
  sourceMap.set('minimumAnsweredShare', about.place(row, 'minimum_answered_share'));
  return {
    name: Object.keys(name).length > 0 ? name : undefined,
    description: sourceMap.texts(about, row, 'description', 'description'),
    source: sourceMap.texts(about, row, 'source', 'source'),
    minimumAnsweredShare: about.number(row, 'minimum_answered_share'),
  };
}

const placeId = (place: CellPlace | undefined) =>
  place ? [place.sheet, place.row ?? '', place.letter ?? place.column ?? ''].join('\u0000') : '';

const columnIndex = (letter: string | undefined) =>
  letter === undefined ? -1 : [...letter].reduce((n, char) => n * 26 + char.charCodeAt(0) - 64, 0);

/** Sheet by sheet as the workbook has them, then row by row, column by column. */
function inWorkbookOrder(problems: XlsformProblem[], workbook: Workbook): XlsformProblem[] {
  const sheetIndex = (name: string | undefined) => {
    const index = workbook.findIndex((sheet) => sheet.name === name);
    return index < 0 ? workbook.length : index;
  };
  const key = (problem: XlsformProblem) => {
    const { place } = problem;
    if (!place) return [-1, 0, 0];
    return [sheetIndex(place.sheet), place.row ?? 0, columnIndex(place.letter)];
  };
  return problems
    .map((problem, index) => ({ problem, index, key: key(problem) }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) {
        const difference = (a.key[i] ?? 0) - (b.key[i] ?? 0);
        if (difference !== 0) return difference;
      }
      return a.index - b.index;
    })
    .map(({ problem }) => problem);
}
