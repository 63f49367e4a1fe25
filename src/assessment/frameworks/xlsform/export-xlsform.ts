// A framework written as an XLSForm workbook that KoboToolbox and ODK can field,
// and that the XLSForm import reads back to the same framework: what XLSForm
// has no place for travels in Transforma's own sheets and columns, which those
// tools ignore. Guidance and recommendations do not travel (docs/xlsform.md).
import { messagesFor } from '../../../platform/i18n/messages.ts';
import type { Framework, LocalizedText, Scale } from '../framework-schema.ts';
import {
  type Cell,
  catalogueLanguage,
  NOT_APPLICABLE_CHOICE,
  nameOfCode,
  nameOfKey,
  SHEETS,
  type Sheet,
  VALUE_COLUMN,
  WEIGHT_COLUMN,
  type Workbook,
  xlsformLanguage,
} from './workbook.ts';

export function xlsformOfFramework(framework: Framework): Workbook {
  const languages = languagesOf(framework);
  const columns = (base: string, tags = languages) =>
    tags.map((tag) => `${base}::${xlsformLanguage(tag)}`);
  const texts = (text: LocalizedText | undefined, tags = languages) =>
    tags.map((tag) => text?.[tag] ?? '');
  const sheets: Sheet[] = [
    survey(framework, columns, texts),
    choices(framework.scales, languages, columns),
    {
      name: SHEETS.settings,
      rows: [
        ['form_title', 'form_id', 'version', 'default_language'],
        [
          framework.name[framework.defaultLanguage] ?? '',
          nameOfKey(framework.key),
          framework.version,
          xlsformLanguage(framework.defaultLanguage),
        ],
      ],
    },
  ];

  const otherLanguages = languages.filter((tag) => tag !== framework.defaultLanguage);
  const share = framework.minimumAnsweredShare;
  const about = [
    ...texts(framework.name, otherLanguages),
    ...texts(framework.description),
    ...texts(framework.source),
  ];
  if (about.some((text) => text !== '') || share !== undefined)
    sheets.push({
      name: SHEETS.framework,
      rows: [
        [
          ...columns('title', otherLanguages),
          ...columns('description'),
          ...columns('source'),
          ...(share === undefined ? [] : ['minimum_answered_share']),
        ],
        [...about, ...(share === undefined ? [] : [share])],
      ],
    });

  sheets.push({
    name: SHEETS.maturityLevels,
    rows: [
      ['name', ...columns('label'), ...columns('description'), 'min_score'],
      ...framework.maturityLevels.map((level) => [
        nameOfKey(level.key),
        ...texts(level.name),
        ...texts(level.description),
        level.minScore,
      ]),
    ],
  });

  const scales = new Map(framework.scales.map((scale) => [scale.key, scale]));
  const descriptorRows = framework.dimensions.flatMap((dimension) =>
    dimension.subdimensions.flatMap((subdimension) =>
      subdimension.items.flatMap((item) => {
        const scale = scales.get(item.scale);
        if (scale?.type !== 'stages' || !item.descriptors) return [];
        return scale.stages.map((stage) => [
          nameOfCode(item.code),
          nameOfKey(stage.key),
          ...texts(item.descriptors?.[stage.key]),
        ]);
      }),
    ),
  );
  if (descriptorRows.length > 0)
    sheets.push({
      name: SHEETS.stageDescriptors,
      rows: [['item', 'stage', ...columns('descriptor')], ...descriptorRows],
    });
  return sheets;
}

type Columns = (base: string) => string[];
type Texts = (text: LocalizedText | undefined) => string[];

/**
 * Dimensions and sub-dimensions as groups, a description as a note opening its
 * group, items as select_one questions on their scale's list.
 */
function survey(framework: Framework, columns: Columns, texts: Texts): Sheet {
  const weighted = framework.dimensions.some((dimension) =>
    dimension.subdimensions.some((sub) => sub.items.some((item) => item.weight !== 1)),
  );
  const row = (
    type: string,
    name: string,
    label?: LocalizedText,
    hint?: LocalizedText,
    weight?: number,
  ): Cell[] => [
    type,
    name,
    ...texts(label),
    ...texts(hint),
    ...(weighted ? [weight === undefined || weight === 1 ? '' : weight] : []),
  ];
  const group = (code: string, name: LocalizedText, description: LocalizedText | undefined) => [
    row('begin_group', nameOfCode(code), name),
    ...(description ? [row('note', `${nameOfCode(code)}_description`, description)] : []),
  ];
  const end = row('end_group', '');
  return {
    name: SHEETS.survey,
    rows: [
      [
        'type',
        'name',
        ...columns('label'),
        ...columns('hint'),
        ...(weighted ? [WEIGHT_COLUMN] : []),
      ],
      ...framework.dimensions.flatMap((dimension) => [
        ...group(dimension.code, dimension.name, dimension.description),
        ...dimension.subdimensions.flatMap((subdimension) => [
          ...group(subdimension.code, subdimension.name, subdimension.description),
          ...subdimension.items.map((item) =>
            row(
              `select_one ${nameOfKey(item.scale)}`,
              nameOfCode(item.code),
              item.statement,
              item.help,
              item.weight,
            ),
          ),
          end,
        ]),
        end,
      ]),
    ],
  };
}

/**
 * Each scale as a choice list: a Likert scale's values as numbered choices
 * (an unlabelled value labelled with its number, since a form shows every
 * choice by its label), a stage scale's stages by key, and "not applicable"
 * as the choice `na`.
 */
function choices(scales: readonly Scale[], languages: readonly string[], columns: Columns): Sheet {
  const label = (text: LocalizedText | undefined, fallback: string) =>
    languages.map((tag) => text?.[tag] ?? (text ? '' : fallback));
  const valued = scales.some(
    (scale) => scale.type === 'stages' && scale.stages.some((stage, s) => stage.value !== s + 1),
  );
  const rows = scales.flatMap((scale) => {
    const list = nameOfKey(scale.key);
    const options: Cell[][] =
      scale.type === 'likert'
        ? likertValues(scale).map((value) => [
            list,
            String(value),
            ...label(scale.labels.find((l) => l.value === value)?.label, String(value)),
            ...(valued ? [''] : []),
          ])
        : scale.stages.map((stage, s) => [
            list,
            nameOfKey(stage.key),
            ...label(stage.label, ''),
            ...(valued ? [stage.value === s + 1 ? '' : stage.value] : []),
          ]);
    if (!scale.notApplicable) return options;
    const notApplicable = languages.map((tag) =>
      messagesFor(catalogueLanguage(tag)).t('frameworks.notApplicable'),
    );
    return [...options, [list, NOT_APPLICABLE_CHOICE, ...notApplicable, ...(valued ? [''] : [])]];
  });
  return {
    name: SHEETS.choices,
    rows: [['list_name', 'name', ...columns('label'), ...(valued ? [VALUE_COLUMN] : [])], ...rows],
  };
}

/** Every value of a Likert scale, in the order its labels run (up, unless they run down). */
function likertValues(scale: Extract<Scale, { type: 'likert' }>): number[] {
  const values = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const first = scale.labels[0]?.value ?? scale.min;
  const last = scale.labels.at(-1)?.value ?? scale.max;
  return first > last ? values.reverse() : values;
}

/** The languages of the framework's texts that travel, its default language first. */
function languagesOf(framework: Framework): string[] {
  const texts: (LocalizedText | undefined)[] = [
    framework.name,
    framework.description,
    framework.source,
    ...framework.scales.flatMap((scale) =>
      scale.type === 'likert'
        ? scale.labels.map((l) => l.label)
        : scale.stages.map((stage) => stage.label),
    ),
    ...framework.maturityLevels.flatMap((level) => [level.name, level.description]),
    ...framework.dimensions.flatMap((dimension) => [
      dimension.name,
      dimension.description,
      ...dimension.subdimensions.flatMap((sub) => [
        sub.name,
        sub.description,
        ...sub.items.flatMap((item) => [
          item.statement,
          item.help,
          ...Object.values(item.descriptors ?? {}),
        ]),
      ]),
    ]),
  ];
  const others = new Set(texts.flatMap((text) => Object.keys(text ?? {})));
  others.delete(framework.defaultLanguage);
  return [framework.defaultLanguage, ...[...others].sort()];
}
