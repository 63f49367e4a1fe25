import { describe, expect, it } from 'vitest';
import { buildFramework, readReferenceFramework } from '../../../../test/frameworks.ts';
import { buildXlsform, withoutAdvice, xlsformFramework } from '../../../../test/xlsform.ts';
import type { Framework } from '../framework-schema.ts';
import { validateFramework } from '../validate-framework.ts';
import { xlsformOfFramework } from './export-xlsform.ts';
import { frameworkFromXlsform } from './import-xlsform.ts';
import type { Workbook } from './workbook.ts';

function parse(document: unknown): Framework {
  const validation = validateFramework(document);
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
  return validation.framework;
}

function importOf(workbook: Workbook) {
  const result = frameworkFromXlsform(workbook);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.document;
}

const sheet = (workbook: Workbook, name: string) =>
  workbook.find((s) => s.name === name)?.rows ?? [];

describe('exporting a framework as XLSForm', () => {
  it('round-trips a workbook: import, export, import gives the same framework document', () => {
    const imported = importOf(buildXlsform());
    expect(importOf(xlsformOfFramework(parse(imported)))).toEqual(imported);
    expect(imported).toEqual(xlsformFramework());
  });

  it('writes sheets KoboToolbox and ODK can field: groups, select_one questions, choice lists and settings', () => {
    const workbook = xlsformOfFramework(parse(xlsformFramework()));
    expect(workbook.map((s) => s.name)).toEqual([
      'survey',
      'choices',
      'settings',
      'framework',
      'maturity_levels',
      'stage_descriptors',
    ]);
    expect(sheet(workbook, 'survey').slice(0, 5)).toEqual([
      [
        'type',
        'name',
        'label::English (en)',
        'label::Español (es)',
        'hint::English (en)',
        'hint::Español (es)',
        'transforma_weight',
      ],
      ['begin_group', 'srv', 'Services', 'Servicios', '', '', ''],
      [
        'note',
        'srv_description',
        'How services reach people',
        'Cómo llegan los servicios a la gente',
        '',
        '',
        '',
      ],
      ['begin_group', 'srv_online', 'Online services', 'Servicios en línea', '', '', ''],
      [
        'select_one agree',
        'srv01',
        'Our main services can be completed online.',
        'Nuestros servicios principales se pueden completar en línea.',
        'Count only services with a fee or a form.',
        'Cuente solo los servicios con una tasa o un formulario.',
        '',
      ],
    ]);
    // Every value of an agreement scale is a choice, labelled with its number when the framework gives it no label.
    expect(sheet(workbook, 'choices').slice(1, 8)).toEqual([
      ['agree', '1', 'Strongly disagree', 'Totalmente en desacuerdo'],
      ['agree', '2', '2', '2'],
      ['agree', '3', 'Neutral', 'Neutral'],
      ['agree', '4', '4', '4'],
      ['agree', '5', 'Strongly agree', 'Totalmente de acuerdo'],
      ['agree', 'na', 'Not applicable', 'No aplica'],
      ['stage', 'paper', 'On paper', 'En papel'],
    ]);
    expect(sheet(workbook, 'settings')).toEqual([
      ['form_title', 'form_id', 'version', 'default_language'],
      ['City services readiness', 'city_readiness', '1.2', 'English (en)'],
    ]);
  });

  it.each([
    'dgca',
    'nine-pillars',
  ] as const)('exports the reference framework %s so that it imports back unchanged but for its guidance and recommendations', (key) => {
    const document = readReferenceFramework(key);
    expect(JSON.stringify(document)).toContain('"guidance"');
    expect(importOf(xlsformOfFramework(parse(document)))).toEqual(withoutAdvice(document));
  });

  it('carries weights, stage values, scales that run down, the answered share and any language', () => {
    const framework = buildFramework({
      defaultLanguage: 'fr',
      name: { fr: 'Cadre', en: 'Framework' },
      minimumAnsweredShare: 0.75,
      scales: [
        {
          key: 'agreement',
          type: 'likert',
          min: 0,
          max: 4,
          labels: [
            { value: 4, label: { fr: 'Tout à fait', en: 'Fully' } },
            { value: 0, label: { fr: 'Pas du tout', en: 'Not at all' } },
          ],
        },
        {
          key: 'stage',
          type: 'stages',
          stages: [
            { value: 0, key: 'none', label: { fr: 'Aucun' } },
            { value: 10, key: 'all', label: { fr: 'Tout' } },
          ],
          notApplicable: true,
        },
      ],
      maturityLevels: [
        { key: 'low', name: { fr: 'Bas' }, minScore: 0 },
        { key: 'high', name: { fr: 'Haut' }, minScore: 2.5 },
      ],
      dimensions: [
        {
          code: 'AAA',
          name: { fr: 'Premier' },
          subdimensions: [
            {
              code: 'AAA-G',
              name: { fr: 'Général' },
              items: [
                { code: 'AAA01', statement: { fr: 'Un' }, scale: 'agreement', weight: 2.5 },
                {
                  code: 'AAA02',
                  statement: { fr: 'Deux' },
                  scale: 'stage',
                  descriptors: { none: { fr: 'Rien' }, all: { fr: 'Tout' } },
                },
              ],
            },
          ],
        },
      ],
    });
    const workbook = xlsformOfFramework(parse(framework));
    expect(sheet(workbook, 'choices').map((row) => row.slice(0, 2))).toEqual([
      ['list_name', 'name'],
      ['agreement', '4'],
      ['agreement', '3'],
      ['agreement', '2'],
      ['agreement', '1'],
      ['agreement', '0'],
      ['stage', 'none'],
      ['stage', 'all'],
      ['stage', 'na'],
    ]);
    expect(importOf(workbook)).toEqual(framework);
  });

  it('leaves out guidance and recommendations, which XLSForm has no place for', () => {
    const advised = buildFramework();
    const subdimension = advised.dimensions[0]?.subdimensions[0] as Record<string, unknown>;
    subdimension.guidance = { low: { looksLike: { en: 'Little happens' } } };
    subdimension.recommendations = [
      {
        code: 'REC01',
        title: { en: 'Start' },
        text: { en: 'Name an owner' },
        horizon: 'short',
        effort: 'low',
        levels: ['low'],
      },
    ];
    const back = importOf(xlsformOfFramework(parse(advised)));
    expect(back).toEqual(buildFramework());
    expect(JSON.stringify(back)).not.toContain('Name an owner');
  });
});
