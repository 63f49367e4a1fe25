// The survey sheet read as dimensions, sub-dimensions and items: an outer group
// is a dimension, a group in it a sub-dimension, a select_one question in that
// an item, a note opening a group its description; and the stage_descriptors
// sheet, which says what each item on a list of stages looks like at each stage.
import type { ChoiceList } from './choices-sheet.ts';
import type { TableRow, Texts, XlsformTable } from './sheet-table.ts';
import type { Reading } from './source-map.ts';
import {
  type CellPlace,
  codeOfName,
  isCode,
  keyOfName,
  nameOfKey,
  WEIGHT_COLUMN,
} from './workbook.ts';

// Columns that make a question conditional, checked or computed: a framework asks every item as it is.
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
export interface DimensionDraft {
  code: string;
  name?: Texts;
  description?: Texts;
  subdimensions: SubdimensionDraft[];
}
/** An item as the stage_descriptors sheet meets it. */
export interface PlacedItem {
  draft: ItemDraft;
  path: string;
  /** The item's name on the survey sheet, and where it is. */
  name: string;
  place: CellPlace;
  list: string;
  descriptorRows: Map<string, number>;
}

export function readSurvey(
  survey: XlsformTable,
  into: Reading & {
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
export function readDescriptors(
  descriptors: XlsformTable,
  items: Map<string, PlacedItem>,
  lists: Map<string, ChoiceList>,
  { report, sourceMap }: Reading,
) {
  for (const row of descriptors.rows) {
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
}

/** Each item on a stage list needs a descriptor for every stage, with or without the sheet. */
export function reportMissingDescriptors(
  items: Map<string, PlacedItem>,
  lists: Map<string, ChoiceList>,
  report: Reading['report'],
) {
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
