// Draft from results: the strengths and weaknesses a plan's baseline round
// suggests, each with the numbers behind it and the evidence it rests on.
// Built only from findings the results pages already publish (protected
// totals, agencies shown on their own), so a proposal names nothing hidden.
// Proposals are shown, not stored; `key` names one across requests, so it is
// accepted at most once.
import type { RoundFindings, ScoreTree } from '../../assessment/results/index.ts';
import type { EvidenceLink, Importance } from './swot-rules.ts';

export const proposalRules = [
  'strongSubdimension',
  'weakSubdimension',
  'strongItem',
  'weakItem',
  'belowTarget',
  'agencyAbove',
  'agencyBelow',
  'consensusGap',
] as const;
export type ProposalRule = (typeof proposalRules)[number];

export interface SwotProposal {
  key: string;
  rule: ProposalRule;
  quadrant: 'strength' | 'weakness';
  importance: Importance;
  evidence: EvidenceLink;
  /** The numbers its sentence states, unrounded; the view rounds them. */
  numbers: Record<string, number>;
  /** The target level's key, for a gap to a target. */
  levelKey?: string;
}

// How many of each kind a draft offers: enough to start a discussion, few
// enough to read through in a workshop.
const STRONG_ITEMS = 3;
const WEAK_ITEMS = 4;
const BELOW_TARGET = 4;
const AGENCIES = 4;
const CONSENSUS_GAPS = 3;
const MIN_ITEM_GAP = 0.4;

/** High, medium or low by how far a number is from where it is compared: the thresholds in points. */
export function importanceOf(distance: number, high: number, medium: number): Importance {
  const size = Math.abs(distance);
  return size >= high ? 'high' : size >= medium ? 'medium' : 'low';
}

/** Items scoring at least `minGap` above their dimension, furthest first. */
export function itemsLiftingUp(
  tree: ScoreTree,
  minGap: number,
): { itemCode: string; itemValue: number; dimensionValue: number }[] {
  return tree.dimensions
    .flatMap((dimension) =>
      dimension.value === undefined
        ? []
        : dimension.subdimensions.flatMap((subdimension) =>
            subdimension.items.flatMap((item) =>
              item.value !== undefined && item.value - (dimension.value ?? 0) >= minGap
                ? [
                    {
                      itemCode: item.itemCode,
                      itemValue: item.value,
                      dimensionValue: dimension.value ?? 0,
                    },
                  ]
                : [],
            ),
          ),
    )
    .sort((a, b) => b.itemValue - b.dimensionValue - (a.itemValue - a.dimensionValue));
}

/** Every proposal a round's findings make, strengths first, each rule's strongest case first. */
export function proposeFromFindings(findings: RoundFindings): SwotProposal[] {
  const roundId = findings.round.id;
  const overall = findings.total?.value;
  const key = (rule: ProposalRule, subject: string) => `${rule}:${roundId}:${subject}`;
  const scoreLink = (kind: 'subdimension' | 'item', code: string): EvidenceLink => ({
    kind,
    roundId,
    code,
  });
  const proposals: SwotProposal[] = [];
  if (overall !== undefined) {
    for (const sub of findings.strongest)
      proposals.push({
        key: key('strongSubdimension', sub.subdimensionCode),
        rule: 'strongSubdimension',
        quadrant: 'strength',
        importance: importanceOf(sub.value - overall, 0.75, 0.4),
        evidence: scoreLink('subdimension', sub.subdimensionCode),
        numbers: { score: sub.value, overall },
      });
  }
  if (findings.total)
    for (const item of itemsLiftingUp(findings.total, MIN_ITEM_GAP).slice(0, STRONG_ITEMS))
      proposals.push({
        key: key('strongItem', item.itemCode),
        rule: 'strongItem',
        quadrant: 'strength',
        importance: importanceOf(item.itemValue - item.dimensionValue, 1, 0.5),
        evidence: scoreLink('item', item.itemCode),
        numbers: { score: item.itemValue, dimension: item.dimensionValue },
      });
  for (const apart of findings.apartFromPeers.filter((a) => a.gap > 0).slice(0, AGENCIES))
    proposals.push(agencyProposal(apart, 'agencyAbove', key));
  if (overall !== undefined)
    for (const sub of findings.weakest)
      proposals.push({
        key: key('weakSubdimension', sub.subdimensionCode),
        rule: 'weakSubdimension',
        quadrant: 'weakness',
        importance: importanceOf(sub.value - overall, 0.75, 0.4),
        evidence: scoreLink('subdimension', sub.subdimensionCode),
        numbers: { score: sub.value, overall },
      });
  for (const item of [...findings.pullingDown]
    .sort((a, b) => b.effect - a.effect)
    .slice(0, WEAK_ITEMS))
    proposals.push({
      key: key('weakItem', item.itemCode),
      rule: 'weakItem',
      quadrant: 'weakness',
      importance: importanceOf(item.dimensionValue - item.itemValue, 1, 0.5),
      evidence: scoreLink('item', item.itemCode),
      numbers: { score: item.itemValue, dimension: item.dimensionValue },
    });
  for (const weak of findings.belowTarget.slice(0, BELOW_TARGET))
    proposals.push({
      key: key('belowTarget', weak.subdimensionCode),
      rule: 'belowTarget',
      quadrant: 'weakness',
      importance: importanceOf(weak.gap, 1, 0.5),
      evidence: scoreLink('subdimension', weak.subdimensionCode),
      numbers: { score: weak.score, gap: weak.gap },
      levelKey: weak.target.level.key,
    });
  for (const apart of findings.apartFromPeers.filter((a) => a.gap < 0).slice(0, AGENCIES))
    proposals.push(agencyProposal(apart, 'agencyBelow', key));
  for (const gap of findings.consensusGaps.slice(0, CONSENSUS_GAPS))
    proposals.push({
      key: key('consensusGap', gap.itemCode),
      rule: 'consensusGap',
      quadrant: 'weakness',
      importance: importanceOf(gap.gap, 2, 1),
      evidence: scoreLink('item', gap.itemCode),
      numbers: { selfAssessment: gap.selfAssessment, consensus: gap.consensus },
    });
  return proposals;
}

function agencyProposal(
  apart: RoundFindings['apartFromPeers'][number],
  rule: 'agencyAbove' | 'agencyBelow',
  key: (rule: ProposalRule, subject: string) => string,
): SwotProposal {
  return {
    key: key(rule, apart.agencyId),
    rule,
    quadrant: rule === 'agencyAbove' ? 'strength' : 'weakness',
    importance: importanceOf(apart.gap, 1, 0.5),
    evidence: { kind: 'agency', agencyId: apart.agencyId },
    numbers: { score: apart.value, peers: apart.peerValue, peerCount: apart.peers },
  };
}

/** The proposals not yet accepted nor dropped, in their order. */
export function openProposals(
  proposals: readonly SwotProposal[],
  accepted: ReadonlySet<string>,
  dropped: ReadonlySet<string>,
): SwotProposal[] {
  return proposals.filter((proposal) => !accepted.has(proposal.key) && !dropped.has(proposal.key));
}
