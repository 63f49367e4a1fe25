// The workshop's view of a framework: each item with the statistics of its
// self-assessments and its consensus, the overview per dimension and
// sub-dimension, and where "save and go to next" leads. Pure.

import type { Dimension, Framework, Item, Scale, Subdimension } from '../frameworks/index.ts';
import { itemScale } from '../frameworks/index.ts';
import { type AnswerCount, type ItemStatistics, itemStatistics } from './item-statistics.ts';

export interface WorkshopItem<Consensus> {
  item: Item;
  scale: Scale;
  statistics: ItemStatistics;
  consensus: Consensus | undefined;
}

export function workshopItems<Consensus>(
  framework: Framework,
  items: readonly Item[],
  answerCounts: ReadonlyMap<string, AnswerCount[]>,
  consensus: ReadonlyMap<string, Consensus>,
): WorkshopItem<Consensus>[] {
  return items.map((item) => {
    const scale = itemScale(framework, item);
    return {
      item,
      scale,
      statistics: itemStatistics(scale, answerCounts.get(item.code) ?? []),
      consensus: consensus.get(item.code),
    };
  });
}

export interface SubdimensionProgress {
  subdimension: Subdimension;
  items: number;
  withConsensus: number;
  divergent: number;
}

export interface DimensionProgress {
  dimension: Dimension;
  subdimensions: SubdimensionProgress[];
}

/** Per dimension and sub-dimension: items, how many have a consensus, how many diverge. */
export function workshopOverview(
  framework: Framework,
  answerCounts: ReadonlyMap<string, AnswerCount[]>,
  consensus: ReadonlyMap<string, unknown>,
): DimensionProgress[] {
  return framework.dimensions.map((dimension) => ({
    dimension,
    subdimensions: dimension.subdimensions.map((subdimension) => {
      const items = workshopItems(framework, subdimension.items, answerCounts, consensus);
      return {
        subdimension,
        items: items.length,
        withConsensus: items.filter((item) => item.consensus !== undefined).length,
        divergent: items.filter((item) => item.statistics.divergent).length,
      };
    }),
  }));
}

export function findSubdimension(
  framework: Framework,
  code: string,
): { dimension: Dimension; subdimension: Subdimension } | undefined {
  for (const dimension of framework.dimensions)
    for (const subdimension of dimension.subdimensions)
      if (subdimension.code === code) return { dimension, subdimension };
  return undefined;
}

export interface Place {
  subdimensionCode: string;
  itemCode: string;
}

/** The item after `itemCode` in framework order, crossing into the next sub-dimension; none after the last. */
export function nextPlace(framework: Framework, itemCode: string): Place | undefined {
  const places = framework.dimensions.flatMap((dimension) =>
    dimension.subdimensions.flatMap((subdimension) =>
      subdimension.items.map((item) => ({
        subdimensionCode: subdimension.code,
        itemCode: item.code,
      })),
    ),
  );
  const index = places.findIndex((place) => place.itemCode === itemCode);
  return index === -1 ? undefined : places[index + 1];
}
