// Diagnostic findings: why a score is what it is. Which items pull a
// dimension down, which agencies stand apart from their peers, and where the
// self-assessment and the workshop's consensus disagree. Each finding carries
// the numbers behind it, so a page can state it in one sentence and link to
// them. Pure, over score trees (scoring.ts).
import type { Framework } from '../../frameworks/index.ts';
import type { ScoreTree } from '../scoring/scoring.ts';
import { clearDifference } from '../scoring/uncertainty.ts';

export interface ItemPullingDown {
  dimensionCode: string;
  subdimensionCode: string;
  itemCode: string;
  itemValue: number;
  dimensionValue: number;
  /**
   * How much higher the dimension would score if this item scored the
   * dimension's score instead: its gap times its share of the dimension
   * (its weight within its sub-dimension, over the sub-dimensions scored).
   */
  effect: number;
}

/**
 * Per dimension, the items whose low score costs the dimension most, largest
 * effect first: at most `perDimension` of them, and only items at least
 * `minGap` points below the dimension, so a page does not list noise. (The
 * effect of one item is small by construction, a share of a dimension of
 * dozens of items, so it ranks the findings but is no threshold.)
 */
export function itemsPullingDown(
  framework: Framework,
  tree: ScoreTree,
  options: { perDimension: number; minGap: number },
): ItemPullingDown[] {
  return framework.dimensions.flatMap((dimension, d) => {
    const scores = tree.dimensions[d];
    const dimensionValue = scores?.value;
    if (!scores || dimensionValue === undefined) return [];
    const scoredSubdimensions = scores.subdimensions.filter((s) => s.value !== undefined).length;
    const found = dimension.subdimensions.flatMap((subdimension, s) => {
      const items = scores.subdimensions[s]?.items ?? [];
      const scoredWeight = subdimension.items.reduce(
        (total, item, i) => total + (items[i]?.value === undefined ? 0 : item.weight),
        0,
      );
      return subdimension.items.flatMap((item, i) => {
        const itemValue = items[i]?.value;
        if (itemValue === undefined || dimensionValue - itemValue < options.minGap) return [];
        const share = item.weight / scoredWeight / scoredSubdimensions;
        return [
          {
            dimensionCode: dimension.code,
            subdimensionCode: subdimension.code,
            itemCode: item.code,
            itemValue,
            dimensionValue,
            effect: (dimensionValue - itemValue) * share,
          },
        ];
      });
    });
    return found.sort((a, b) => b.effect - a.effect).slice(0, options.perDimension);
  });
}

export interface PeerAgency {
  id: string;
  /** The agencies it is compared with: same level, or same sector. */
  peerKey: string;
  tree: ScoreTree;
}

export interface ApartFromPeers {
  agencyId: string;
  peerKey: string;
  value: number;
  /** Mean overall score of the other agencies with the same peer key. */
  peerValue: number;
  peers: number;
  /** value − peerValue. */
  gap: number;
  /** The dimension where the gap is widest, with its own gap. */
  widestDimension: { dimensionCode: string; gap: number } | undefined;
}

/**
 * Agencies whose overall score is furthest from the mean of their peers (the
 * other agencies of the same level or sector), either way, widest gap first;
 * only gaps of at least `minGap` points and larger than their uncertainty,
 * and only with two peers or more.
 */
export function agenciesApartFromPeers(
  agencies: readonly PeerAgency[],
  options: { count: number; minGap: number },
): ApartFromPeers[] {
  const found: ApartFromPeers[] = [];
  for (const agency of agencies) {
    if (agency.tree.value === undefined) continue;
    const peers = agencies.filter(
      (other) =>
        other.id !== agency.id &&
        other.peerKey === agency.peerKey &&
        other.tree.value !== undefined,
    );
    if (peers.length < 2) continue;
    const peerValue = meanOf(peers.map((peer) => peer.tree.value));
    if (peerValue === undefined) continue;
    const gap = agency.tree.value - peerValue;
    if (Math.abs(gap) < options.minGap) continue;
    // The peers' mean is known to within its agencies' errors added in squares.
    const peerErrors = peers.map((peer) => peer.tree.standardError);
    const peerError = peerErrors.every((error) => error !== undefined)
      ? Math.sqrt(peerErrors.reduce<number>((sum, error) => sum + (error ?? 0) ** 2, 0)) /
        peers.length
      : undefined;
    if (clearDifference(gap, agency.tree.standardError, peerError) === false) continue;
    found.push({
      agencyId: agency.id,
      peerKey: agency.peerKey,
      value: agency.tree.value,
      peerValue,
      peers: peers.length,
      gap,
      widestDimension: widestDimensionGap(agency.tree, peers),
    });
  }
  return found.sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap)).slice(0, options.count);
}

function meanOf(values: readonly (number | undefined)[]): number | undefined {
  const present = values.filter((value): value is number => value !== undefined);
  return present.length === 0
    ? undefined
    : present.reduce((sum, value) => sum + value, 0) / present.length;
}

function widestDimensionGap(
  tree: ScoreTree,
  peers: readonly PeerAgency[],
): { dimensionCode: string; gap: number } | undefined {
  let widest: { dimensionCode: string; gap: number } | undefined;
  tree.dimensions.forEach((dimension, d) => {
    const peerValue = meanOf(peers.map((peer) => peer.tree.dimensions[d]?.value));
    if (dimension.value === undefined || peerValue === undefined) return;
    const gap = dimension.value - peerValue;
    if (!widest || Math.abs(gap) > Math.abs(widest.gap))
      widest = { dimensionCode: dimension.dimensionCode, gap };
  });
  return widest;
}

export interface ConsensusDisagreement {
  itemCode: string;
  selfAssessment: number;
  consensus: number;
  /** consensus − self-assessment: negative when the workshop judged lower. */
  gap: number;
}

/**
 * Items where the workshop's consensus is at least `minGap` points from the
 * mean self-assessment (one step of the scale, by default a whole point),
 * widest first. Items without both have nothing to compare.
 */
export function consensusDisagreements(
  selfAssessment: ScoreTree,
  consensus: ScoreTree,
  minGap = 1,
): ConsensusDisagreement[] {
  const agreed = new Map(itemValues(consensus).map((item) => [item.itemCode, item.value] as const));
  return itemValues(selfAssessment)
    .flatMap(({ itemCode, value }) => {
      const consensusValue = agreed.get(itemCode);
      if (consensusValue === undefined) return [];
      const gap = consensusValue - value;
      // Within floating-point noise of the threshold counts as reaching it.
      if (Math.abs(gap) < minGap - 1e-9) return [];
      return [{ itemCode, selfAssessment: value, consensus: consensusValue, gap }];
    })
    .sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap));
}

function itemValues(tree: ScoreTree): { itemCode: string; value: number }[] {
  return tree.dimensions.flatMap((dimension) =>
    dimension.subdimensions.flatMap((subdimension) =>
      subdimension.items.flatMap((item) =>
        item.value === undefined ? [] : [{ itemCode: item.itemCode, value: item.value }],
      ),
    ),
  );
}
