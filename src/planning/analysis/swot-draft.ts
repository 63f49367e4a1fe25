// The draft proposals of a plan: those of each baseline round that has
// results, with the names their sentences use, read under the same
// small-number protection as the results pages.
import type { Kysely } from 'kysely';
import { textOf } from '../../assessment/frameworks/index.ts';
import { openRoundFindings } from '../../assessment/results/index.ts';
import type { Schema } from '../../platform/db/schema.ts';
import type { Messages } from '../../platform/i18n/messages.ts';
import type { Plan } from '../plans/index.ts';
import { proposalText } from './analysis-views.tsx';
import { proposeFromFindings, type SwotProposal } from './swot-proposals.ts';

export interface ShownProposal {
  proposal: SwotProposal;
  /** The sentence, in the reader's language: the entry's text unless the person edits it. */
  text: string;
  roundName: string;
}

export async function planProposals(
  db: Kysely<Schema>,
  options: { workspaceId: string; plan: Plan; threshold: number; messages: Messages },
): Promise<ShownProposal[]> {
  const shown: ShownProposal[] = [];
  for (const round of options.plan.baselineRounds) {
    const findings = await openRoundFindings(db, {
      workspaceId: options.workspaceId,
      roundId: round.id,
      threshold: options.threshold,
    });
    if (!findings) continue;
    const text = textOf(options.messages, findings.framework);
    const names = new Map<string, string>();
    // A sub-dimension is named with its dimension: frameworks reuse names
    // such as "Citizens and business" under several dimensions.
    for (const dimension of findings.framework.dimensions)
      for (const sub of dimension.subdimensions) {
        names.set(
          `subdimension:${sub.code}`,
          options.messages.t('swot.subject.subdimension', {
            dimension: text(dimension.name),
            name: text(sub.name),
          }),
        );
        for (const item of sub.items)
          names.set(`item:${item.code}`, text(item.statement).replace(/[.\s]+$/, ''));
      }
    for (const apart of findings.apartFromPeers)
      names.set(`agency:${apart.agencyId}`, apart.agency.name);
    const levels = new Map(
      findings.framework.maturityLevels.map((level) => [level.key, text(level.name)]),
    );
    for (const proposal of proposeFromFindings(findings)) {
      const { evidence } = proposal;
      const subject =
        evidence.kind === 'agency'
          ? names.get(`agency:${evidence.agencyId}`)
          : evidence.kind === 'pestle'
            ? undefined
            : names.get(`${evidence.kind}:${evidence.code}`);
      shown.push({
        proposal,
        roundName: round.name,
        text: proposalText(options.messages, proposal, {
          subject: subject ?? '',
          ...(proposal.levelKey
            ? { level: levels.get(proposal.levelKey) ?? proposal.levelKey }
            : {}),
        }),
      });
    }
  }
  return shown;
}
