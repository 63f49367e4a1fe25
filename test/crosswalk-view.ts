// A crosswalk's reading as a view the attacker of small-number protection
// reads (test/attacker.ts): the numbers its page, downloads and API publish
// for each filter's total and each shown agency.
import {
  type CrosswalkReading,
  type CrosswalkScores,
  readSelection,
  readTree,
} from '../src/assessment/crosswalks/crosswalk-scoring.ts';
import type { Published, PublishedView } from './attacker.ts';

export function numbersOf(scores: CrosswalkScores): Published {
  return new Map([
    ['overall', scores.overall.value],
    ...scores.targets.map((score) => [score.targetCode, score.value] as const),
  ]);
}

export function crosswalkView(reading: CrosswalkReading): PublishedView {
  return {
    name: reading.crosswalk.key,
    publish(selection) {
      const read = readSelection(reading, selection);
      return {
        total: read.total && numbersOf(read.total),
        agencies: new Map(
          read.agencies.map(({ agency, scores }) => [agency.id, numbersOf(scores)]),
        ),
      };
    },
    truth: (tree) => numbersOf(readTree(reading, tree)),
  };
}
