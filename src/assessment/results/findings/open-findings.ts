// A round's findings for the whole of government as its results pages publish
// them — strongest and weakest sub-dimensions, items pulling dimensions down,
// sub-dimensions below target, agencies apart from their peers, and where the
// workshop's consensus disagrees — for other features to build on (a plan's
// SWOT draft). Everything comes from the protected total and the agencies
// shown on their own, so nothing here reveals a hidden agency.
import type { Kysely } from 'kysely';
import type { Schema } from '../../../platform/db/schema.ts';
import type { Framework } from '../../frameworks/index.ts';
import { findRoundInfo } from '../../rounds/index.ts';
import { openTargets } from '../advice/open-advice.ts';
import { type WeakSubdimension, weakSubdimensions } from '../advice/recommendations.ts';
import type { ScoreTree } from '../scoring/scoring.ts';
import { wholeOfGovernmentConsensus } from '../store/open-results.ts';
import { type AgencyProfile, selectResults } from '../store/results-selection.ts';
import {
  type ApartFromPeers,
  agenciesApartFromPeers,
  type ConsensusDisagreement,
  consensusDisagreements,
  type ItemPullingDown,
  itemsPullingDown,
} from './diagnostics.ts';
import { type RankedSubdimension, strongestAndWeakest } from './highlights.ts';

// The thresholds the diagnostics page applies, shared so a plan's draft
// points to what the results pages point to.
export const PULLING_DOWN_PER_DIMENSION = 2;
export const MIN_GAP_BELOW_DIMENSION = 0.4;
export const APART_FROM_PEERS = 8;
export const MIN_PEER_GAP = 0.5;
const HIGHLIGHTS = 3;

export interface RoundFindings {
  round: { id: string; name: string };
  framework: Framework;
  /** The whole of government, withheld nodes without a value; undefined when the total is withheld. */
  total: ScoreTree | undefined;
  strongest: RankedSubdimension[];
  weakest: RankedSubdimension[];
  pullingDown: ItemPullingDown[];
  belowTarget: WeakSubdimension[];
  apartFromPeers: (ApartFromPeers & { agency: AgencyProfile })[];
  consensusGaps: ConsensusDisagreement[];
}

/** The findings of a round of the workspace; undefined for a draft (no results yet) or an unknown round. */
export async function openRoundFindings(
  db: Kysely<Schema>,
  options: { workspaceId: string; roundId: string; threshold: number },
): Promise<RoundFindings | undefined> {
  const round = await findRoundInfo(db, options.workspaceId, options.roundId);
  if (!round || round.status === 'draft') return undefined;
  const { results, targets, wholeOfGovernment: total } = await openTargets(db, options);
  const selection = selectResults(results, results.disclosure, {});
  const agencyOf = new Map(selection.shown.map(({ agency }) => [agency.id, agency]));
  const consensus = wholeOfGovernmentConsensus(results);
  const { strongest, weakest } = total
    ? strongestAndWeakest(total, HIGHLIGHTS)
    : { strongest: [], weakest: [] };
  return {
    round: { id: round.id, name: round.name },
    framework: results.framework,
    total,
    strongest,
    weakest,
    pullingDown: total
      ? itemsPullingDown(results.framework, total, {
          perDimension: PULLING_DOWN_PER_DIMENSION,
          minGap: MIN_GAP_BELOW_DIMENSION,
        })
      : [],
    belowTarget: weakSubdimensions(results.framework, total, consensus, targets),
    // Peers are the agencies shown, so the comparison reveals nothing hidden.
    apartFromPeers: agenciesApartFromPeers(
      selection.shown.map(({ agency, tree }) => ({ id: agency.id, peerKey: agency.level, tree })),
      { count: APART_FROM_PEERS, minGap: MIN_PEER_GAP },
    ).flatMap((finding) => {
      const agency = agencyOf.get(finding.agencyId);
      return agency ? [{ ...finding, agency }] : [];
    }),
    consensusGaps: consensus && total ? consensusDisagreements(total, consensus) : [],
  };
}
