// An XLSForm workbook (survey, choices and settings sheets, as KoboToolbox and
// ODK use them) read as a framework document: groups become dimensions and
// sub-dimensions, select_one questions items, choice lists scales. Every
// problem is reported at once with its sheet, row and column: the workbook's
// own, then the framework validation's, placed back where they came from.
// docs/xlsform.md describes the mapping.
import { messagesFor } from '../../platform/i18n/messages.ts';
import { itemSchema, maturityLevelSchema } from './framework-schema.ts';
import { validateFramework } from './validate-framework.ts';
import {
  type CellPlace,
  catalogueLanguage,
  cellText,
  codeOfName,
  isNotApplicableChoice,
  keyOfName,
  languageTagOf,
  nameOfKey,
  SHEETS,
  type Sheet,
  VALUE_COLUMN,
  WEIGHT_COLUMN,
  type Workbook,
} from './xlsform.ts';
import type { XlsformProblem } from './xlsform-problems.ts';
import { type Report, type TableRow, type Texts, XlsformTable } from './xlsform-table.ts';

export type XlsformImport =
  | { ok: true; document: Record<string, unknown> }
  | { ok: false; problems: XlsformProblem[] };

const SKIP_LOGIC_COLUMNS = [
  'relevant',
  'constraint',
  'calculation',
  'choice_filter',
  'repeat_count',
];
// What KoboToolbox and ODK record about a submission, not questions: nothing to import.
const METADATA_TYPES = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'subscriberid',
  'simserial',
  'phonenumber',
  'username',
  'email',
  'audit',
  'start-geopoint',
  'background-audio',
]);

const isCode = (code: string) => itemSchema.shape.code.safeParse(code).success;
const isKey = (key: string) => maturityLevelSchema.shape.key.safeParse(key).success;

/** Where each part of the framework document came from, by its validation path. */
class SourceMap {
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

interface ItemDraft {
  code: string;
  statement?: Texts;
  help?: Texts;
  scale: string;
  weight?: number;
  descriptors?: Record<string, Texts | undefined>;
}
interface SubdimensionDraft {
  code: string;
  name?: Texts;
  description?: Texts;
  items: ItemDraft[];
}
interface DimensionDraft {
  code: string;
  name?: Texts;
  description?: Texts;
  subdimensions: SubdimensionDraft[];
}
type ScaleDraft =
  | {
      key: string;
      type: 'likert';
      min: number;
      max: number;
      labels: { value: number; label: Texts }[];
      notApplicable?: true;
    }
  | {
      key: string;
      type: 'stages';
      stages: { value: number | undefined; key: string; label?: Texts }[];
      notApplicable?: true;
    };

/** A choice list as items meet it: its scale's key and, for stages, the stage keys. */
interface ChoiceList {
  key: string;
  stageKeys?: string[];
}

/** An item as the stage_descriptors sheet meets it. */
interface PlacedItem {
  draft: ItemDraft;
  path: string;
  /** The item's name on the survey sheet, and where it is. */
  name: string;
  place: CellPlace;
  list: string;
  descriptorRows: Map<string, number>;
}

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
  const defaultLanguage = defaultLanguageOf(setting('default_language'), surveySheet, () =>
    report(settingPlace('default_language'), 'languageWithoutCode', {
      column: 'default_language',
    }),
  );

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
  readDescriptors(descriptors, items, lists, { report, sourceMap });

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
      scales: scales.map(({ key, ...scale }) => ({ key, ...scale })),
      maturityLevels,
      minimumAnsweredShare: about.minimumAnsweredShare,
      dimensions,
    }),
  ) as Record<string, unknown>;

  const validation = validateFramework(document);
  const placed = new Set(problems.map((problem) => placeId(problem.place)));
  const validationProblems = validation.ok
    ? []
    : validation.problems
        .map(({ path, message }) => ({ place: sourceMap.placeOf(path), path, message }))
        // What the workbook's own problems, or its header, already say about a cell is not said twice.
        .filter(
          ({ place }) =>
            !placed.has(placeId(place)) &&
            !tables.some((t) => t.name === place.sheet && t.explainedByHeader(place)),
        );
  const all = [...problems, ...validationProblems];
  if (all.length > 0) return { ok: false, problems: inWorkbookOrder(all, workbook) };
  return { ok: true, document };
}

/**
 * The language of the untranslated `label` and `hint` columns: settings'
 * default_language (`English (en)` or `en`). Without it, a survey of
 * translated columns only opens in its first language, as KoboToolbox and ODK
 * show it; a plain column's language cannot be guessed.
 */
function defaultLanguageOf(setting: string, survey: Sheet | undefined, noCode: () => void): string {
  if (setting) {
    const tag = languageTagOf(setting);
    if (tag) return tag;
    noCode();
    return 'en';
  }
  const headers = (survey?.rows[0] ?? []).map((cell) => cellText(cell));
  const translated = headers.flatMap((header) => {
    const match = /^label\s*::(.*)$/i.exec(header);
    const tag = match ? languageTagOf(match[1] ?? '') : undefined;
    return tag ? [tag] : [];
  });
  if (headers.some((header) => header.toLowerCase() === 'label') || translated.length === 0) {
    noCode();
    return 'en';
  }
  return translated[0] ?? 'en';
}

function readChoices(
  choices: XlsformTable,
  into: {
    report: Report;
    sourceMap: SourceMap;
    scales: ScaleDraft[];
    lists: Map<string, ChoiceList>;
  },
) {
  const { report, sourceMap } = into;
  const rowsOfList = new Map<string, TableRow[]>();
  for (const row of choices.rows) {
    const list = choices.required(row, 'list_name');
    if (list) rowsOfList.set(list, [...(rowsOfList.get(list) ?? []), row]);
  }
  for (const [list, rows] of rowsOfList) {
    const [first] = rows as [TableRow];
    const path = `scales[${into.scales.length}]`;
    const key = keyOfName(list);
    if (!isKey(key)) report(choices.place(first, 'list_name'), 'badKey', { name: list });
    sourceMap.set(path, choices.place(first));
    sourceMap.set(`${path}.key`, choices.place(first, 'list_name'));

    const named = rows.flatMap((row) => {
      const name = choices.required(row, 'name');
      return name ? [{ row, name }] : [];
    });
    const notApplicable = named.some(({ name }) => isNotApplicableChoice(name))
      ? { notApplicable: true as const }
      : {};
    const options = named.filter(({ name }) => !isNotApplicableChoice(name));

    // Numbers for names make a Likert scale: the number is the value, and a
    // label that only repeats it (as a form needs one for every choice) is no label.
    if (options.length > 0 && options.every(({ name }) => /^-?\d+$/.test(name))) {
      const values = options.map(({ name }) => Number(name));
      const step = values[1] !== undefined && values[1] < (values[0] ?? 0) ? -1 : 1;
      const broken = values.findIndex((value, i) => value !== (values[0] ?? 0) + i * step);
      if (broken > 0)
        report(choices.place(options[broken]?.row, 'name'), 'numbersNotConsecutive', {
          expected: (values[0] ?? 0) + broken * step,
        });
      sourceMap.set(`${path}.min`, choices.place(first, 'name'));
      sourceMap.set(`${path}.max`, choices.place(first, 'name'));
      sourceMap.set(`${path}.labels`, choices.place(first, 'label'));
      const labelled = options.filter(({ row, name }) => {
        const label = choices.texts(row, 'label');
        return label !== undefined && !Object.values(label).every((text) => text === name);
      });
      into.scales.push({
        key,
        type: 'likert',
        min: Math.min(...values),
        max: Math.max(...values),
        labels: labelled.map(({ row, name }, l) => {
          const at = `${path}.labels[${l}]`;
          sourceMap.set(at, choices.place(row));
          sourceMap.set(`${at}.value`, choices.place(row, 'name'));
          return {
            value: Number(name),
            label: sourceMap.texts(choices, row, 'label', `${at}.label`) ?? {},
          };
        }),
        ...notApplicable,
      });
      into.lists.set(list, { key });
      continue;
    }

    sourceMap.set(`${path}.stages`, choices.place(first, 'name'));
    const stages = options.map(({ row, name }, s) => {
      const at = `${path}.stages[${s}]`;
      const stageKey = keyOfName(name);
      if (!isKey(stageKey)) report(choices.place(row, 'name'), 'badKey', { name });
      sourceMap.set(at, choices.place(row));
      sourceMap.set(`${at}.key`, choices.place(row, 'name'));
      sourceMap.set(
        `${at}.value`,
        choices.place(row, choices.has(VALUE_COLUMN) ? VALUE_COLUMN : 'name'),
      );
      // A stage's value is its place in the list unless the list says otherwise.
      const value = choices.cell(row, VALUE_COLUMN) ? choices.number(row, VALUE_COLUMN) : s + 1;
      return { value, key: stageKey, label: sourceMap.texts(choices, row, 'label', `${at}.label`) };
    });
    into.scales.push({ key, type: 'stages', stages, ...notApplicable });
    into.lists.set(list, { key, stageKeys: stages.map((stage) => stage.key) });
  }
}

function readSurvey(
  survey: XlsformTable,
  into: {
    report: Report;
    sourceMap: SourceMap;
    dimensions: DimensionDraft[];
    items: Map<string, PlacedItem>;
    lists: Map<string, ChoiceList>;
    hasChoices: boolean;
  },
) {
  const { report, sourceMap, dimensions, items, lists } = into;
  type Open =
    | { kind: 'dimension'; row: TableRow; path: string; draft: DimensionDraft; fresh: boolean }
    | {
        kind: 'subdimension';
        row: TableRow;
        path: string;
        draft: SubdimensionDraft;
        fresh: boolean;
      }
    // A group too deep to import: reported once, its contents skipped.
    | { kind: 'ignored'; row: TableRow; fresh: boolean };
  const open: Open[] = [];
  const firstRowOfCode = new Map<string, number>();

  const codeOf = (row: TableRow) => {
    const name = survey.required(row, 'name');
    if (!name) return '';
    const code = codeOfName(name);
    const first = firstRowOfCode.get(code);
    if (!isCode(code)) report(survey.place(row, 'name'), 'badCode', { name });
    else if (first !== undefined)
      report(survey.place(row, 'name'), 'duplicateName', { name, row: first });
    else firstRowOfCode.set(code, row.number);
    return code;
  };
  const named = (row: TableRow, path: string) => {
    sourceMap.set(path, survey.place(row));
    sourceMap.set(`${path}.code`, survey.place(row, 'name'));
    return { code: codeOf(row), name: sourceMap.texts(survey, row, 'label', `${path}.name`) };
  };

  for (const row of survey.rows) {
    const type = survey.cell(row, 'type').replace(/\s+/g, ' ');
    const top = open.at(-1);
    const fresh = top?.fresh ?? false;
    if (top) top.fresh = false;
    const typePlace = survey.place(row, 'type');
    if (!type) {
      if (survey.has('type')) report(typePlace, 'rowWithoutType');
      continue;
    }
    if (METADATA_TYPES.has(type.toLowerCase())) continue;
    if (top?.kind === 'ignored') {
      if (/^begin[ _]group$/i.test(type)) open.push({ kind: 'ignored', row, fresh: true });
      else if (/^end[ _]group$/i.test(type)) open.pop();
      continue;
    }
    for (const column of SKIP_LOGIC_COLUMNS)
      if (survey.cell(row, column)) report(survey.place(row, column), 'skipLogic', { column });

    if (/^begin[ _]group$/i.test(type)) {
      if (top?.kind === 'subdimension') {
        report(typePlace, 'groupTooDeep');
        open.push({ kind: 'ignored', row, fresh: true });
      } else if (top?.kind === 'dimension') {
        const path = `${top.path}.subdimensions[${top.draft.subdimensions.length}]`;
        const draft: SubdimensionDraft = { ...named(row, path), items: [] };
        sourceMap.set(`${path}.items`, survey.place(row));
        top.draft.subdimensions.push(draft);
        open.push({ kind: 'subdimension', row, path, draft, fresh: true });
      } else {
        const path = `dimensions[${dimensions.length}]`;
        const draft: DimensionDraft = { ...named(row, path), subdimensions: [] };
        sourceMap.set(`${path}.subdimensions`, survey.place(row));
        dimensions.push(draft);
        open.push({ kind: 'dimension', row, path, draft, fresh: true });
      }
      continue;
    }
    if (/^end[ _]group$/i.test(type)) {
      if (!open.pop()) report(typePlace, 'endWithoutBegin');
      continue;
    }
    // A note that opens a group describes it; KoboToolbox and ODK show it there.
    if (/^note$/i.test(type)) {
      if (top && fresh)
        top.draft.description = sourceMap.texts(survey, row, 'label', `${top.path}.description`);
      else report(typePlace, 'noteOutOfPlace');
      continue;
    }
    const select = /^select[ _]one\s+(\S+)$/i.exec(type);
    if (!select) {
      report(typePlace, 'unsupportedType', { type });
      continue;
    }
    if (top?.kind !== 'subdimension') {
      report(typePlace, 'itemOutsideSubdimension');
      continue;
    }
    const list = select[1] ?? '';
    if (into.hasChoices && !lists.has(list))
      report(typePlace, 'unknownList', { list, lists: [...lists.keys()].join(', ') });
    const path = `${top.path}.items[${top.draft.items.length}]`;
    sourceMap.set(path, survey.place(row));
    sourceMap.set(`${path}.code`, survey.place(row, 'name'));
    sourceMap.set(`${path}.scale`, typePlace);
    sourceMap.set(`${path}.weight`, survey.place(row, WEIGHT_COLUMN));
    sourceMap.set(`${path}.descriptors`, survey.place(row, 'name'));
    const draft: ItemDraft = {
      code: codeOf(row),
      statement: sourceMap.texts(survey, row, 'label', `${path}.statement`),
      help: sourceMap.texts(survey, row, 'hint', `${path}.help`),
      scale: keyOfName(list),
      weight: survey.number(row, WEIGHT_COLUMN),
    };
    top.draft.items.push(draft);
    if (!items.has(draft.code))
      items.set(draft.code, {
        draft,
        path,
        name: survey.cell(row, 'name'),
        place: survey.place(row, 'name'),
        list,
        descriptorRows: new Map(),
      });
  }
  for (const group of open) report(survey.place(group.row, 'type'), 'groupNotClosed');
}

/** What each item on a stage list looks like at each stage, from the stage_descriptors sheet. */
function readDescriptors(
  descriptors: XlsformTable | undefined,
  items: Map<string, PlacedItem>,
  lists: Map<string, ChoiceList>,
  { report, sourceMap }: { report: Report; sourceMap: SourceMap },
) {
  for (const row of descriptors?.rows ?? []) {
    if (!descriptors) break;
    const itemName = descriptors.required(row, 'item');
    const stageName = descriptors.required(row, 'stage');
    if (!itemName || !stageName) continue;
    const item = items.get(codeOfName(itemName));
    if (!item) {
      report(descriptors.place(row, 'item'), 'unknownItem', { name: itemName });
      continue;
    }
    const stageKeys = lists.get(item.list)?.stageKeys;
    if (!lists.has(item.list)) continue;
    if (!stageKeys) {
      report(descriptors.place(row, 'item'), 'descriptorOnLikert', {
        name: itemName,
        list: item.list,
      });
      continue;
    }
    const stage = keyOfName(stageName);
    const first = item.descriptorRows.get(stage);
    if (!stageKeys.includes(stage)) {
      report(descriptors.place(row, 'stage'), 'unknownStage', {
        stage: stageName,
        list: item.list,
        stages: stageKeys.map(nameOfKey).join(', '),
      });
      continue;
    }
    if (first !== undefined) {
      report(descriptors.place(row, 'stage'), 'duplicateDescriptor', { row: first });
      continue;
    }
    item.descriptorRows.set(stage, row.number);
    const path = `${item.path}.descriptors.${stage}`;
    item.draft.descriptors = {
      ...item.draft.descriptors,
      [stage]: sourceMap.texts(descriptors, row, 'descriptor', path),
    };
  }
  for (const item of items.values()) {
    const stageKeys = lists.get(item.list)?.stageKeys ?? [];
    const missing = stageKeys.filter((stage) => !item.descriptorRows.has(stage));
    if (missing.length > 0)
      report(item.place, 'missingDescriptor', {
        name: item.name,
        stages: missing.map(nameOfKey).join(', '),
      });
  }
}

function readLevels(
  levels: XlsformTable,
  { report, sourceMap }: { report: Report; sourceMap: SourceMap },
) {
  return levels.rows.map((row, l) => {
    const path = `maturityLevels[${l}]`;
    sourceMap.set(path, levels.place(row));
    sourceMap.set(`${path}.key`, levels.place(row, 'name'));
    sourceMap.set(`${path}.minScore`, levels.place(row, 'min_score'));
    const name = levels.required(row, 'name');
    const key = keyOfName(name);
    if (name && !isKey(key)) report(levels.place(row, 'name'), 'badKey', { name });
    const minScore = levels.required(row, 'min_score')
      ? levels.number(row, 'min_score')
      : undefined;
    return {
      key: name ? key : undefined,
      name: sourceMap.texts(levels, row, 'label', `${path}.name`),
      description: sourceMap.texts(levels, row, 'description', `${path}.description`),
      minScore,
    };
  });
}

const DEFAULT_LEVELS = ['initial', 'developing', 'defined', 'managed', 'optimised'] as const;

/**
 * Without a maturity_levels sheet: five levels of equal width over the
 * scales' range, named as the DGCA names its levels (in English where
 * Transforma has no words in a language).
 */
function defaultLevels(scales: readonly ScaleDraft[], languages: readonly string[]) {
  const values = scales.flatMap((scale) =>
    scale.type === 'likert'
      ? [scale.min, scale.max]
      : scale.stages.flatMap((stage) => (stage.value === undefined ? [] : [stage.value])),
  );
  if (values.length === 0) return undefined;
  const lowest = Math.min(...values);
  const width = (Math.max(...values) - lowest) / DEFAULT_LEVELS.length;
  return DEFAULT_LEVELS.map((key, l) => ({
    key,
    name: Object.fromEntries(
      [...new Set(languages)].map((language) => [
        language,
        messagesFor(catalogueLanguage(language)).t(`frameworks.xlsform.level.${key}`),
      ]),
    ),
    minScore: Math.round((lowest + l * width) * 100) / 100,
  }));
}

/** The framework's name, description, source and answered share: settings and the framework sheet. */
function readAbout(
  about: XlsformTable | undefined,
  context: { report: Report; sourceMap: SourceMap; defaultLanguage: string; formTitle: string },
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
