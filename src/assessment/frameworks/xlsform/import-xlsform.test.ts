import { describe, expect, it } from 'vitest';
import { buildXlsform, withSheet, xlsformFramework } from '../../../../test/xlsform.ts';
import { messagesFor } from '../../../platform/i18n/messages.ts';
import { frameworkFromXlsform } from './import-xlsform.ts';
import { XLSFORM_RULES, type XlsformProblem, xlsformFieldProblem } from './problems.ts';
import type { Workbook } from './workbook.ts';

const english = messagesFor('en');
const everyValue = Object.fromEntries(
  [
    'sheet',
    'column',
    'language',
    'value',
    'name',
    'row',
    'type',
    'list',
    'lists',
    'expected',
    'title',
    'stage',
    'stages',
  ].map((name) => [name, name]),
);
const spanish = messagesFor('es');

function problemsOf(workbook: Workbook, messages = english): string[] {
  const result = frameworkFromXlsform(workbook);
  if (result.ok) throw new Error('the workbook was expected to have problems');
  return result.problems.map((problem: XlsformProblem) => {
    const { path, message } = xlsformFieldProblem(messages, problem);
    return `${path}: ${message}`;
  });
}

function documentOf(workbook: Workbook) {
  const result = frameworkFromXlsform(workbook);
  if (!result.ok) throw new Error(problemsOf(workbook).join('\n'));
  return result.document;
}

describe('importing an XLSForm workbook', () => {
  it('reads groups as dimensions and sub-dimensions, select_one questions as items, lists as scales, and both languages', () => {
    expect(documentOf(buildXlsform())).toEqual(xlsformFramework());
  });

  it('without a maturity_levels sheet, places scores on five levels of equal width named as the DGCA names them', () => {
    const workbook = buildXlsform().filter((sheet) => sheet.name !== 'maturity_levels');
    expect(documentOf(workbook).maturityLevels).toEqual([
      { key: 'initial', name: { en: 'Initial', es: 'Inicial' }, minScore: 1 },
      { key: 'developing', name: { en: 'Developing', es: 'En desarrollo' }, minScore: 1.8 },
      { key: 'defined', name: { en: 'Defined', es: 'Definido' }, minScore: 2.6 },
      { key: 'managed', name: { en: 'Managed', es: 'Gestionado' }, minScore: 3.4 },
      { key: 'optimised', name: { en: 'Optimised', es: 'Optimizado' }, minScore: 4.2 },
    ]);
  });

  it('without default_language, reads a survey of translated columns in its first language, and asks which language a plain label is', () => {
    const withoutDefault = withSheet(buildXlsform(), 'settings', ([header, row]) => [
      (header ?? []).slice(0, 3),
      (row ?? []).slice(0, 3),
    ]);
    const translated = withSheet(withoutDefault, 'survey', ([header, ...rows]) => [
      (header ?? []).map((h) => (h === 'label' || h === 'hint' ? `${h}::English (en)` : h)),
      ...rows,
    ]);
    expect(documentOf(translated)).toEqual(xlsformFramework());
    expect(problemsOf(withoutDefault)).toEqual([
      'Sheet settings, row 2, column default_language: Say which language the untranslated label and hint columns are in: add default_language to the settings sheet, such as English (en).',
    ]);
  });

  it('reports every problem of a broken workbook at once, each at its sheet, row and column, and gives no framework', () => {
    const broken = withSheet(
      withSheet(
        withSheet(
          withSheet(buildXlsform(), 'survey', () => [
            ['type', 'name', 'label', 'label::Español (es)'],
            ['note', 'welcome', 'Welcome', 'Bienvenida'],
            ['begin_group', 'srv', 'Services', 'Servicios'],
            ['begin_group', 'srv_online', 'Online services', 'Servicios en línea'],
            ['select_one agree', 'srv01', 'Services are online.', 'Los servicios están en línea.'],
            ['text', 'srv_comment', 'Anything else?', '¿Algo más?'],
            ['select_one yesno', 'srv02', 'Is there a plan?', '¿Hay un plan?'],
            ['end_group'],
            ['select_one agree', 'srv04', 'Outside a sub-dimension', 'Fuera de una subdimensión'],
            ['end_group'],
            ['begin_group', 'ppl', 'People', 'Personas'],
            ['begin_group', 'ppl_skills', 'Skills', 'Habilidades'],
            ['select_one agree', 'srv01', 'Again', 'Otra vez'],
            ['select_one agree', 'ppl01', '', 'Solo en español'],
            ['select_one stage', 'ppl02', 'Hiring', 'Contratación'],
            ['end_group'],
          ]),
          'stage_descriptors',
          ([header]) => [
            header ?? [],
            ['ppl02', 'paper', 'On paper', 'En papel'],
            ['ppl02', 'online', 'Online', 'En línea'],
            ['ppl02', 'digital', 'Digital', 'Digital'],
          ],
        ),
        'settings',
        ([header]) => [header ?? [], ['City', 'city', 'one', 'English (en)']],
      ),
      'maturity_levels',
      ([header, first]) => [
        header ?? [],
        first ?? [],
        ['advanced', 'Advanced', 'Avanzado', 'high'],
      ],
    );
    expect(problemsOf(broken)).toEqual([
      'Sheet survey, row 2, column A (type): A note is read as the description of its group, so it must come straight after the begin_group row, once.',
      'Sheet survey, row 6, column A (type): Transforma cannot import a question of type “text”. It reads select_one questions (the items), groups (dimensions and sub-dimensions) and a note that opens a group (its description).',
      'Sheet survey, row 7, column A (type): There is no choice list “yesno” on the choices sheet. Its lists are: agree, stage.',
      'Sheet survey, row 9, column A (type): A select_one question must be inside a group inside a group: the outer group is a dimension, the inner one a sub-dimension.',
      'Sheet survey, row 11, column A (type): This group is never closed: add an end_group after its last question.',
      'Sheet survey, row 13, column B (name): The name “srv01” is already used on row 5. Each group and question needs a name of its own: it becomes its code.',
      'Sheet survey, row 14, column C (label): missing text in the default language "en"',
      'Sheet survey, row 15, column B (name): The question ppl02 is on a list of stages, so the stage_descriptors sheet needs its descriptor for each stage. Missing: joined_up.',
      'Sheet settings, row 2, column C (version): must be a version number such as "1.0.0"',
      'Sheet maturity_levels, row 3, column D (min_score): “high” is not a number.',
      'Sheet stage_descriptors, row 4, column B (stage): The list stage has no choice “digital”. Its choices are: paper, online, joined_up.',
    ]);
  });

  it('says where a problem is in the reader’s language', () => {
    const workbook = withSheet(buildXlsform(), 'settings', ([header]) => [
      header ?? [],
      ['City', 'city', '1.0', 'English (en)'],
    ]);
    const withText = withSheet(workbook, 'survey', (rows) => [
      ...rows,
      ['integer', 'staff', 'Staff', 'Personal'],
    ]);
    expect(problemsOf(withText, spanish)).toEqual([
      'Hoja survey, fila 21, columna A (type): Transforma no puede importar una pregunta de tipo «integer». Lee preguntas select_one (los ítems), grupos (dimensiones y subdimensiones) y una nota al inicio de un grupo (su descripción).',
    ]);
  });

  it('refuses skip logic, repeats and groups three deep, which a framework cannot hold', () => {
    const workbook = withSheet(buildXlsform(), 'survey', ([header, ...rows]) => [
      [...(header ?? []), 'relevant'],
      ...rows.slice(0, 6),
      ['begin_group', 'srv_page', 'A page', 'Una página'],
      ['select_one agree', 'srv09', 'Inside', 'Dentro'],
      ['end_group'],
      ['begin_repeat', 'srv_each', 'Each office', 'Cada oficina'],
      ['end_repeat'],
      [
        'select_one agree',
        'srv10',
        'Only sometimes',
        'Solo a veces',
        '',
        '',
        '',
        '',
        '',
        `\${srv01} > 2`,
      ],
      ...rows.slice(6),
    ]);
    expect(problemsOf(workbook)).toEqual([
      'Sheet survey, row 8, column A (type): Groups go two deep at most: the outer group is a dimension, the inner one a sub-dimension. Move this group’s questions into the group around it.',
      'Sheet survey, row 11, column A (type): Transforma cannot import a question of type “begin_repeat”. It reads select_one questions (the items), groups (dimensions and sub-dimensions) and a note that opens a group (its description).',
      'Sheet survey, row 12, column A (type): Transforma cannot import a question of type “end_repeat”. It reads select_one questions (the items), groups (dimensions and sub-dimensions) and a note that opens a group (its description).',
      'Sheet survey, row 13, column J (relevant): Every item of a framework is asked, so a relevant cannot be kept. Empty this cell.',
    ]);
  });

  it('names a missing sheet, a language column without its code and a choice list that does not count by one', () => {
    const workbook = withSheet(
      withSheet(
        buildXlsform().filter((sheet) => sheet.name !== 'settings'),
        'survey',
        ([header, ...rows]) => [
          (header ?? []).map((h) => (h === 'hint::Español (es)' ? 'hint::Spanish' : h)),
          ...rows,
        ],
      ),
      'choices',
      (rows) => rows.map((cells) => (cells[1] === 4 ? ['agree', 6, 'Six', 'Seis'] : cells)),
    );
    expect(problemsOf(workbook)).toEqual([
      'Sheet survey, row 1, column F (hint::Spanish): “hint::Spanish” names a language without its code. Write it as KoboToolbox and ODK do, with the code in brackets, such as English (en).',
      'Sheet choices, row 5, column B (name): Choices named by numbers make an agreement scale and must count up or down by one: 4 was expected here.',
      'Sheet settings: The workbook has no settings sheet.',
    ]);
  });

  it('has words in English and Spanish for every problem it can report', () => {
    for (const messages of [english, spanish])
      for (const rule of XLSFORM_RULES)
        expect(messages.t(`frameworks.xlsform.${rule}`, everyValue)).not.toBe(
          `frameworks.xlsform.${rule}`,
        );
  });
});
