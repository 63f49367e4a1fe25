// Opens what the recommendations and targets pages read: a round's results
// under small-number protection, the workspace's targets for its framework,
// and — for the whole of government or one agency that may be shown — the
// weak sub-dimensions with their recommendations and the decisions taken.
import type { Kysely } from 'kysely';
import type { Schema } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import type { ScoreTree } from '../scoring/scoring.ts';
import {
  agencyConsensus,
  type OpenResults,
  openResults,
  wholeOfGovernmentConsensus,
} from '../store/open-results.ts';
import {
  type AgencyProfile,
  type ResultsSelection,
  selectResults,
} from '../store/results-selection.ts';
import { listDecisions, listTargets, type RecommendationDecision } from './advice-store.ts';
import { type WeakSubdimension, weakSubdimensions } from './recommendations.ts';
import { resolveTargets, type SetTarget, type Target } from './targets.ts';

export interface RoundTargets {
  results: OpenResults;
  /** The whole of government as it may be shown: what default targets start from. */
  wholeOfGovernment: ScoreTree | undefined;
  set: SetTarget[];
  targets: Map<string, Target>;
}

export async function openTargets(
  db: Kysely<Schema>,
  options: { roundId: string; threshold: number },
): Promise<RoundTargets> {
  const results = await openResults(db, options);
  return { results, ...(await targetsOf(db, results)) };
}

/** The targets that apply to a round's results: the workspace's for its framework, else the defaults. */
export async function targetsOf(
  db: Kysely<Schema>,
  results: OpenResults,
  everyone: ResultsSelection = selectResults(results, results.disclosure, {}),
) {
  const wholeOfGovernment = everyone.total;
  const set = await listTargets(db, results.workspace.id, results.framework.key);
  return {
    wholeOfGovernment,
    set,
    targets: resolveTargets(results.framework, set, wholeOfGovernment),
  };
}

export interface RoundAdvice extends RoundTargets {
  /** The agency advised; undefined for the whole of government. */
  agency: AgencyProfile | undefined;
  /** The agencies that may be chosen: those shown on their own. */
  agencies: AgencyProfile[];
  weak: WeakSubdimension[];
  decisions: Map<string, RecommendationDecision>;
}

export async function openAdvice(
  db: Kysely<Schema>,
  options: {
    roundId: string;
    threshold: number;
    agencyId: string | undefined;
    /** The field that named the agency, for the error. */
    agencyField: string;
  },
): Promise<RoundAdvice> {
  const results = await openResults(db, options);
  // One selection of every agency: the shown total the targets start from, and who may be chosen.
  const everyone = selectResults(results, results.disclosure, {});
  const roundTargets = { results, ...(await targetsOf(db, results, everyone)) };
  const agencies = everyone.shown.map(({ agency }) => agency);
  const agency = options.agencyId === undefined ? undefined : agencyToAdvise(results, options);
  const tree = agency ? results.trees.get(agency.id) : roundTargets.wholeOfGovernment;
  const consensus = agency
    ? agencyConsensus(results, agency.id)
    : wholeOfGovernmentConsensus(results);
  return {
    ...roundTargets,
    agency,
    agencies,
    weak: weakSubdimensions(results.framework, tree, consensus, roundTargets.targets),
    decisions: await listDecisions(db, results.round.id, agency?.id ?? null),
  };
}

/** An agency of the round whose results may be shown on their own; anything else is refused, naming the field. */
function agencyToAdvise(
  results: OpenResults,
  options: { agencyId?: string | undefined; agencyField: string },
): AgencyProfile {
  const agency = results.agencies.find((candidate) => candidate.id === options.agencyId);
  if (!agency)
    throw new AppError('invalid_request', 'This agency is not part of the round', [
      { path: options.agencyField, message: 'is not an agency of this round' },
    ]);
  const tree = results.trees.get(agency.id);
  if (!tree || tree.respondents === 0 || results.disclosure.hidden.has(agency.id))
    throw new AppError(
      'conflict',
      'This agency’s results are not shown on their own: too few of its officers answered',
      [{ path: options.agencyField, message: 'has results protected by small-number protection' }],
    );
  return agency;
}
