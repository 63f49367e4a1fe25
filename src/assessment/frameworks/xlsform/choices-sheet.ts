// The choices sheet read as scales: a list of numbered choices is an agreement
// (Likert) scale, any other list a scale of stages; `na` is "not applicable".
import type { TableRow, Texts, XlsformTable } from './sheet-table.ts';
import type { Reading } from './source-map.ts';
import { isKey, isNotApplicableChoice, keyOfName, VALUE_COLUMN } from './workbook.ts';

export type ScaleDraft =
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
export interface ChoiceList {
  key: string;
  stageKeys?: string[];
}

export function readChoices(
  choices: XlsformTable,
  into: Reading & {
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
