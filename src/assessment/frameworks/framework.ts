// Reading a validated framework: its items in order, counts, the text of a
// localized field in the reader's language, its scales, and the maturity level
// of a score.
import type { Messages } from '../../platform/i18n/messages.ts';
import type {
  Dimension,
  Framework,
  Item,
  LocalizedText,
  MaturityLevel,
  Scale,
  Subdimension,
} from './framework-schema.ts';

export interface PlacedItem {
  item: Item;
  dimension: Dimension;
  subdimension: Subdimension;
}

export function frameworkItems(framework: Framework): PlacedItem[] {
  return framework.dimensions.flatMap((dimension) =>
    dimension.subdimensions.flatMap((subdimension) =>
      subdimension.items.map((item) => ({ item, dimension, subdimension })),
    ),
  );
}

export function countItems(framework: Framework): number {
  let items = 0;
  for (const dimension of framework.dimensions)
    for (const subdimension of dimension.subdimensions) items += subdimension.items.length;
  return items;
}

export function countSubdimensions(framework: Framework): number {
  return framework.dimensions.reduce((sum, dimension) => sum + dimension.subdimensions.length, 0);
}

/** The text in `language`, else in the framework's default language, else any. */
export function localized(
  text: LocalizedText | undefined,
  language: string,
  fallback: string,
): string {
  if (!text) return '';
  return text[language] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}

/** Reads a framework's texts in the reader's language. */
export function textOf(messages: Messages, framework: Framework) {
  return (value: LocalizedText | undefined) =>
    localized(value, messages.language, framework.defaultLanguage);
}

/** The values a scale accepts, in the order they are offered. */
export function scaleValues(scale: Scale): number[] {
  if (scale.type === 'stages') return scale.stages.map((stage) => stage.value);
  const values: number[] = [];
  for (let value = scale.min; value <= scale.max; value++) values.push(value);
  return values;
}

export function itemScale(framework: Framework, item: Item): Scale {
  const scale = framework.scales.find((candidate) => candidate.key === item.scale);
  // Framework validation guarantees every item names one of its scales.
  if (!scale) throw new Error(`Item ${item.code} names an unknown scale "${item.scale}"`);
  return scale;
}

/** The level whose range holds `score`: the last level whose minScore is at or below it. */
export function maturityLevelOf(
  score: number,
  levels: readonly MaturityLevel[],
): MaturityLevel | undefined {
  let found: MaturityLevel | undefined;
  for (const level of levels) {
    if (score >= level.minScore) found = level;
  }
  return found;
}

/** Orders version numbers such as "1.10.0" after "1.9.2". */
export function compareVersions(a: string, b: string): number {
  const partsA = a.split('.').map(Number);
  const partsB = b.split('.').map(Number);
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
    const difference = (partsA[i] ?? 0) - (partsB[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
