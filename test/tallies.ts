// Tallies from raw answers, counted one by one as the results store counts
// them in SQL: to feed the scoring's unit tests, and to check the store
// against the answers it tallied.
import type { AgencyTallies, ItemTally } from '../src/assessment/results/scoring/scoring.ts';

/** One answer of a submitted response. */
export interface RawAnswer {
  agencyId: string;
  responseId: string;
  itemCode: string;
  /** null when "not applicable" or unanswered. */
  value: number | null;
  notApplicable: boolean;
}

/** Each agency's tallies, in the order agencies first appear; unanswered items are not counted. */
export function tallyAnswers(answers: readonly RawAnswer[]): AgencyTallies[] {
  const agencies = new Map<
    string,
    { respondents: Set<string>; items: Map<string, { values: Map<number, number>; na: number }> }
  >();
  for (const answer of answers) {
    if (!answer.notApplicable && answer.value === null) continue;
    let agency = agencies.get(answer.agencyId);
    if (!agency) {
      agency = { respondents: new Set(), items: new Map() };
      agencies.set(answer.agencyId, agency);
    }
    agency.respondents.add(answer.responseId);
    let item = agency.items.get(answer.itemCode);
    if (!item) {
      item = { values: new Map(), na: 0 };
      agency.items.set(answer.itemCode, item);
    }
    if (answer.notApplicable) item.na += 1;
    else if (answer.value !== null)
      item.values.set(answer.value, (item.values.get(answer.value) ?? 0) + 1);
  }
  return [...agencies].map(([agencyId, { respondents, items }]) => ({
    agencyId,
    respondents: respondents.size,
    items: new Map(
      [...items].map(([itemCode, { values, na }]): [string, ItemTally] => [
        itemCode,
        {
          counts: [...values].sort(([a], [b]) => a - b).map(([value, count]) => ({ value, count })),
          notApplicable: na,
        },
      ]),
    ),
  }));
}
