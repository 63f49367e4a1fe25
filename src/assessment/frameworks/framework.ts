// Reading a validated framework: its items in order, counts, the text of a
// localized field in the reader's language, and the maturity level of a score.
import type {
  Dimension,
  Framework,
  Item,
  LocalizedText,
  MaturityLevel,
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
