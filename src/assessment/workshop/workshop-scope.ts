// Whose self-assessments the workshop looks at: the whole of government, or
// one agency of the round's scope, and which of their figures may be shown.
// The results' small-number protection decides (src/assessment/results/protection/disclosure.ts):
// an agency hidden there is hidden here, and an item whose whole-of-government
// total is withheld there has no figures here either, so the room learns
// nothing a results page would not show. Pure.
import { type Disclosure, nodeKeys } from '../results/index.ts';

export interface WorkshopStatistics {
  /** Whose answers the statistics count: the agency's, or the whole of government's when it is hidden. */
  from: 'agency' | 'whole_of_government';
  /** Items whose figures are withheld (their statistics stay empty). */
  withheldItems: ReadonlySet<string>;
}

export function workshopStatistics(options: {
  /** null: the whole of government was chosen. */
  agencyId: string | null;
  disclosure: Disclosure;
  itemCodes: readonly string[];
}): WorkshopStatistics {
  const { agencyId, disclosure, itemCodes } = options;
  if (agencyId !== null && !disclosure.hidden.has(agencyId))
    return { from: 'agency', withheldItems: new Set() };
  if (!disclosure.totalShown({}))
    return { from: 'whole_of_government', withheldItems: new Set(itemCodes) };
  const withheld = disclosure.withheldNodes({});
  return {
    from: 'whole_of_government',
    withheldItems: new Set(itemCodes.filter((code) => withheld.has(nodeKeys.item(code)))),
  };
}
