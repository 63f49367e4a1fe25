// Maturity levels, which XLSForm has no place for: the maturity_levels sheet,
// or five levels of equal width when a workbook has none.
import { messagesFor } from '../../../platform/i18n/messages.ts';
import type { ScaleDraft } from './choices-sheet.ts';
import type { XlsformTable } from './sheet-table.ts';
import type { Reading } from './source-map.ts';
import { catalogueLanguage, isKey, keyOfName } from './workbook.ts';

export function readLevels(levels: XlsformTable, { report, sourceMap }: Reading) {
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
export function defaultLevels(scales: readonly ScaleDraft[], languages: readonly string[]) {
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
