// XLSForm workbooks for tests: one written as KoboToolbox writes them, the
// framework it stands for, and .xlsx files made with exceljs itself, not with
// the export under test.
import ExcelJS from 'exceljs';
import type { Cell, Workbook } from '../src/assessment/frameworks/xlsform/workbook.ts';

/**
 * Two languages (plain `label` in the default English, `label::Español (es)`),
 * two dimensions of nested groups, an agreement list 1–5 with unlabelled
 * middle values and "not applicable", and a list of stages; with the extra
 * columns and metadata rows KoboToolbox adds, which the import skips.
 */
export function buildXlsform(): Workbook {
  const question = (type: string, name: string, en: string, es: string, more: Cell[] = []) => [
    type,
    name,
    en,
    es,
    ...more,
  ];
  return [
    {
      name: 'survey',
      rows: [
        [
          'type',
          'name',
          'label',
          'label::Español (es)',
          'hint',
          'hint::Español (es)',
          'required',
          '$kuid',
          'transforma_weight',
        ],
        ['start', 'start'],
        ['end', 'end'],
        question('begin group', 'srv', 'Services', 'Servicios'),
        question(
          'note',
          'srv_about',
          'How services reach people',
          'Cómo llegan los servicios a la gente',
        ),
        question('begin group', 'srv_online', 'Online services', 'Servicios en línea'),
        question(
          'select_one agree',
          'srv01',
          'Our main services can be completed online.',
          'Nuestros servicios principales se pueden completar en línea.',
          [
            'Count only services with a fee or a form.',
            'Cuente solo los servicios con una tasa o un formulario.',
            'true',
            'k1',
          ],
        ),
        question(
          'select_one agree',
          'srv02',
          'People can follow their requests online.',
          'Las personas pueden seguir sus solicitudes en línea.',
          ['', '', 'true', 'k2', 2],
        ),
        ['end group'],
        question('begin group', 'srv_data', 'Data', 'Datos'),
        question(
          'select_one stage',
          'srv03',
          'How far has data sharing come?',
          '¿Hasta dónde ha llegado el intercambio de datos?',
        ),
        ['end group'],
        ['end group'],
        [],
        question('begin_group', 'ppl', 'People', 'Personas'),
        question('begin_group', 'ppl_skills', 'Skills', 'Habilidades'),
        question(
          'select_one agree',
          'ppl01',
          'Staff are trained in digital tools.',
          'El personal está capacitado en herramientas digitales.',
        ),
        question(
          'select_one stage',
          'ppl02',
          'How far has digital hiring come?',
          '¿Hasta dónde ha llegado la contratación digital?',
        ),
        ['end_group'],
        ['end_group'],
      ],
    },
    {
      name: 'choices',
      rows: [
        ['list_name', 'name', 'label', 'label::Español (es)'],
        ['agree', 1, 'Strongly disagree', 'Totalmente en desacuerdo'],
        ['agree', 2, '2', '2'],
        ['agree', 3, 'Neutral', 'Neutral'],
        ['agree', 4, '4', '4'],
        ['agree', 5, 'Strongly agree', 'Totalmente de acuerdo'],
        ['agree', 'na', 'Does not apply', 'No aplica'],
        ['stage', 'paper', 'On paper', 'En papel'],
        ['stage', 'online', 'Online', 'En línea'],
        ['stage', 'joined_up', 'Joined up', 'Articulado'],
      ],
    },
    {
      name: 'settings',
      rows: [
        ['form_title', 'form_id', 'version', 'default_language'],
        ['City services readiness', 'city_readiness', '1.2', 'English (en)'],
      ],
    },
    {
      name: 'maturity_levels',
      rows: [
        ['name', 'label', 'label::Español (es)', 'min_score'],
        ['basic', 'Basic', 'Básico', 1],
        ['advanced', 'Advanced', 'Avanzado', 3],
      ],
    },
    {
      name: 'stage_descriptors',
      rows: [
        ['item', 'stage', 'descriptor', 'descriptor::Español (es)'],
        ...['srv03', 'ppl02'].flatMap((item) => [
          [item, 'paper', `${item}: forms on paper`, `${item}: formularios en papel`],
          [item, 'online', `${item}: forms online`, `${item}: formularios en línea`],
          [
            item,
            'joined_up',
            `${item}: shared across agencies`,
            `${item}: compartido entre instituciones`,
          ],
        ]),
      ],
    },
    {
      name: 'framework',
      rows: [
        ['title::Español (es)', 'description', 'description::Español (es)'],
        [
          'Preparación de los servicios de la ciudad',
          'How ready a city is to serve online.',
          'Qué tan preparada está una ciudad para atender en línea.',
        ],
      ],
    },
  ];
}

/** The framework document buildXlsform stands for. */
export function xlsformFramework() {
  const text = (en: string, es: string) => ({ en, es });
  const descriptors = (item: string) => ({
    paper: text(`${item}: forms on paper`, `${item}: formularios en papel`),
    online: text(`${item}: forms online`, `${item}: formularios en línea`),
    'joined-up': text(`${item}: shared across agencies`, `${item}: compartido entre instituciones`),
  });
  return {
    key: 'city-readiness',
    version: '1.2',
    defaultLanguage: 'en',
    name: text('City services readiness', 'Preparación de los servicios de la ciudad'),
    description: text(
      'How ready a city is to serve online.',
      'Qué tan preparada está una ciudad para atender en línea.',
    ),
    scales: [
      {
        key: 'agree',
        type: 'likert',
        min: 1,
        max: 5,
        labels: [
          { value: 1, label: text('Strongly disagree', 'Totalmente en desacuerdo') },
          { value: 3, label: text('Neutral', 'Neutral') },
          { value: 5, label: text('Strongly agree', 'Totalmente de acuerdo') },
        ],
        notApplicable: true,
      },
      {
        key: 'stage',
        type: 'stages',
        stages: [
          { value: 1, key: 'paper', label: text('On paper', 'En papel') },
          { value: 2, key: 'online', label: text('Online', 'En línea') },
          { value: 3, key: 'joined-up', label: text('Joined up', 'Articulado') },
        ],
      },
    ],
    maturityLevels: [
      { key: 'basic', name: text('Basic', 'Básico'), minScore: 1 },
      { key: 'advanced', name: text('Advanced', 'Avanzado'), minScore: 3 },
    ],
    dimensions: [
      {
        code: 'SRV',
        name: text('Services', 'Servicios'),
        description: text('How services reach people', 'Cómo llegan los servicios a la gente'),
        subdimensions: [
          {
            code: 'SRV-ONLINE',
            name: text('Online services', 'Servicios en línea'),
            items: [
              {
                code: 'SRV01',
                statement: text(
                  'Our main services can be completed online.',
                  'Nuestros servicios principales se pueden completar en línea.',
                ),
                help: text(
                  'Count only services with a fee or a form.',
                  'Cuente solo los servicios con una tasa o un formulario.',
                ),
                scale: 'agree',
              },
              {
                code: 'SRV02',
                statement: text(
                  'People can follow their requests online.',
                  'Las personas pueden seguir sus solicitudes en línea.',
                ),
                scale: 'agree',
                weight: 2,
              },
            ],
          },
          {
            code: 'SRV-DATA',
            name: text('Data', 'Datos'),
            items: [
              {
                code: 'SRV03',
                statement: text(
                  'How far has data sharing come?',
                  '¿Hasta dónde ha llegado el intercambio de datos?',
                ),
                scale: 'stage',
                descriptors: descriptors('srv03'),
              },
            ],
          },
        ],
      },
      {
        code: 'PPL',
        name: text('People', 'Personas'),
        subdimensions: [
          {
            code: 'PPL-SKILLS',
            name: text('Skills', 'Habilidades'),
            items: [
              {
                code: 'PPL01',
                statement: text(
                  'Staff are trained in digital tools.',
                  'El personal está capacitado en herramientas digitales.',
                ),
                scale: 'agree',
              },
              {
                code: 'PPL02',
                statement: text(
                  'How far has digital hiring come?',
                  '¿Hasta dónde ha llegado la contratación digital?',
                ),
                scale: 'stage',
                descriptors: descriptors('ppl02'),
              },
            ],
          },
        ],
      },
    ],
  };
}

/**
 * The fixture with two problems: a select_multiple question (survey row 23,
 * column A) and a maturity level below the one before it (maturity_levels row 3, column D).
 */
export function brokenXlsform(): Workbook {
  return withSheet(
    withSheet(buildXlsform(), 'survey', (rows) => [
      ...rows,
      ['begin_group', 'gov', 'Governance', 'Gobernanza'],
      ['begin_group', 'gov_law', 'Law', 'Ley'],
      ['select_multiple agree', 'gov01', 'Which laws apply?', '¿Qué leyes se aplican?'],
      ['select_one agree', 'gov02', 'Laws are applied.', 'Las leyes se aplican.'],
      ['end_group'],
      ['end_group'],
    ]),
    'maturity_levels',
    ([header, first, second]) => [header ?? [], first ?? [], [...(second ?? []).slice(0, 3), 0.5]],
  );
}

/**
 * A framework document without what XLSForm does not carry: guidance and
 * recommendations, wherever they are.
 */
export function withoutAdvice(document: unknown): unknown {
  if (Array.isArray(document)) return document.map(withoutAdvice);
  if (typeof document !== 'object' || document === null) return document;
  return Object.fromEntries(
    Object.entries(document)
      .filter(([key]) => key !== 'guidance' && key !== 'recommendations')
      .map(([key, value]) => [key, withoutAdvice(value)]),
  );
}

/** A workbook as an .xlsx file, written with exceljs directly. */
export async function xlsxOf(workbook: Workbook): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const sheet of workbook) {
    const worksheet = book.addWorksheet(sheet.name);
    for (const cells of sheet.rows) worksheet.addRow(cells);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The same workbook with one sheet's rows changed. */
export function withSheet(
  workbook: Workbook,
  name: string,
  rows: (rows: Cell[][]) => Cell[][],
): Workbook {
  return workbook.map((sheet) =>
    sheet.name === name ? { ...sheet, rows: rows(sheet.rows) } : sheet,
  );
}
