// Opens the results of a round for a request: the round and its framework,
// the agencies with their scores and profiles, the small-number protection
// that applies to all of them, the workshops' consensus, and the earlier rounds
// of the same framework it can be compared with.
import type { Kysely } from 'kysely';
import type { Schema } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Workspace } from '../../../platform/workspaces/workspace-store.ts';
import { requireWorkspace } from '../../../platform/workspaces/workspace-store.ts';
import { earlierRounds, findRoundInfo, type RoundInfo } from '../../rounds/index.ts';
import type { CompareChoice } from '../pages/results-parts.tsx';
import type { AgencyFilter, Disclosure } from '../protection/disclosure.ts';
import { type LikeForLike, likeForLike } from '../scoring/like-for-like.ts';
import type { ConsensusScores, ScoreTree } from '../scoring/scoring.ts';
import {
  type AgencyProfile,
  disclosureOf,
  type ResultsSelection,
  type RoundAgencies,
  selectResults,
} from './results-selection.ts';
import { loadConsensusScores, loadRoundResults } from './results-store.ts';

export interface OpenResults extends RoundAgencies {
  workspace: Workspace;
  round: RoundInfo;
  disclosure: Disclosure;
  consensus: ConsensusScores;
  /** Sectors of the round's agencies, for the filter. */
  sectors: string[];
  /** Earlier rounds of the same framework, latest first. */
  compareChoices: CompareChoice[];
}

async function agencyProfiles(
  db: Kysely<Schema>,
  workspaceId: string,
  ids: readonly string[],
): Promise<AgencyProfile[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('agencies')
    .select(['id', 'name', 'acronym', 'level', 'sector'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .orderBy('name')
    .execute();
}

async function roundAgencies(db: Kysely<Schema>, workspace: Workspace, roundId: string) {
  const results = await loadRoundResults(db, roundId);
  const agencies = await agencyProfiles(db, workspace.id, [...results.agencies.keys()]);
  return {
    framework: results.framework,
    agencies,
    trees: results.agencies,
    wholeOfGovernment: results.wholeOfGovernment,
    pooled: results.pooled,
  };
}

/** The small-number protection of a round, as its results pages apply it. */
export async function roundDisclosure(
  db: Kysely<Schema>,
  options: { workspace: Workspace; roundId: string; threshold: number },
): Promise<Disclosure> {
  return disclosureOf(
    await roundAgencies(db, options.workspace, options.roundId),
    options.threshold,
  );
}

export async function openResults(
  db: Kysely<Schema>,
  options: {
    roundId: string;
    threshold: number;
    /** The sector asked for: one that none of the round's agencies is in is refused, as a level would be. */
    sector?: string | undefined;
  },
): Promise<OpenResults> {
  const workspace = await requireWorkspace(db);
  const round = await findRoundInfo(db, workspace.id, options.roundId);
  if (!round) throw new AppError('not_found', `There is no round ${options.roundId}`);
  // A draft has no answers and no links yet: it has no results to show.
  if (round.status === 'draft')
    throw new AppError('not_found', `The round ${round.name} is a draft: it has no results yet`);
  const scored = await roundAgencies(db, workspace, round.id);
  const sectors = [...new Set(scored.agencies.map((agency) => agency.sector))].sort();
  if (options.sector !== undefined && !sectors.includes(options.sector))
    throw new AppError('invalid_request', 'No agency of this round is in that sector', [
      { path: 'querystring.sector', message: `must be one of: ${sectors.join(', ')}` },
    ]);
  return {
    workspace,
    round,
    ...scored,
    disclosure: disclosureOf(scored, options.threshold),
    consensus: await loadConsensusScores(db, round.id),
    sectors,
    compareChoices: await earlierRounds(db, workspace.id, round),
  };
}

export interface EarlierResults {
  round: CompareChoice;
  /** The chosen agencies' total in the earlier round, under that round's own protection. */
  selection: ResultsSelection;
  /** The change over the agencies that answered in both rounds, when it may be shown. */
  likeForLike: LikeForLike | undefined;
}

/** The earlier round chosen to compare with; it must be one of `compareChoices`. */
export async function openEarlierResults(
  db: Kysely<Schema>,
  results: OpenResults,
  options: { compare: string | undefined; filter: AgencyFilter; threshold: number; field: string },
): Promise<EarlierResults | undefined> {
  if (options.compare === undefined) return undefined;
  const choice = results.compareChoices.find((candidate) => candidate.id === options.compare);
  if (!choice)
    throw new AppError('invalid_request', 'Choose an earlier round of the same framework', [
      { path: options.field, message: 'is not an earlier round of this framework' },
    ]);
  const scored = await roundAgencies(db, results.workspace, choice.id);
  const disclosure = disclosureOf(scored, options.threshold);
  return {
    round: choice,
    selection: selectResults(scored, disclosure, options.filter),
    likeForLike: likeForLike({ ...scored, disclosure }, results, options.filter),
  };
}

/** The whole of government's consensus, when a workshop recorded any. */
export function wholeOfGovernmentConsensus(results: OpenResults): ScoreTree | undefined {
  const tree = results.consensus.wholeOfGovernment;
  return tree.answeredItems === 0 ? undefined : tree;
}

/** An agency's own consensus, when its workshop recorded any. */
export function agencyConsensus(results: OpenResults, agencyId: string): ScoreTree | undefined {
  const tree = results.consensus.agencies.get(agencyId);
  return tree && tree.answeredItems > 0 ? tree : undefined;
}
