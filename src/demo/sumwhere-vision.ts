// Sumwhere's vision for its plan: a statement, five CEPA principles with the
// strategies the plan will use and one principle of the team's own, and five
// goals, each serving SDGs (all of them SDG 16's institutions, some also
// others), answering weak sub-dimensions of the 2025 round and the
// recommendations on them, and SWOT entries of the plan, with short- and
// long-term priorities. SWOT entries are found by the evidence they cite,
// since the analysis gives them ids of their own.
import type { Kysely } from 'kysely';
import { listSwotEntries, type SwotEntry } from '../planning/analysis/index.ts';
import type { Schema } from '../platform/db/schema.ts';

export const sumwhereVisionStatement =
  'By 2030 every person and business in Sumwhere can deal with government online, simply and safely, through services designed with the people who use them — and no one is left without another way to be served.';

export const sumwherePrinciples: {
  cepaKey: string | null;
  title: string | null;
  description: string;
  strategyNumbers: number[];
}[] = [
  {
    cepaKey: 'sound-policymaking',
    title: null,
    description:
      'Every project of the plan starts from the assessment’s evidence and is followed by indicators.',
    strategyNumbers: [9, 13, 16],
  },
  {
    cepaKey: 'collaboration',
    title: null,
    description:
      'Ministries build shared platforms once, under the coordination of the Prime Minister’s Office.',
    strategyNumbers: [17, 18, 21],
  },
  {
    cepaKey: 'transparency',
    title: null,
    description: 'Progress of the plan and the data behind it are published.',
    strategyNumbers: [29, 31],
  },
  {
    cepaKey: 'leaving-no-one-behind',
    title: null,
    description:
      'Results are followed for women, older people, rural areas and persons with disabilities apart.',
    strategyNumbers: [39, 40],
  },
  {
    cepaKey: 'non-discrimination',
    title: null,
    description: 'Online services meet accessibility standards and speak both national languages.',
    strategyNumbers: [44, 45],
  },
  {
    cepaKey: null,
    title: 'Digital by default, never digital only',
    description:
      'Each service moved online keeps a counter or a phone line for those who need one.',
    strategyNumbers: [],
  },
];

/** What a goal cites of the analysis: weaknesses by the sub-dimension they rest on, others by their PESTLE factor. */
type SwotCitation = { subdimension: string } | { factorId: string };

export const sumwhereGoals: {
  title: string;
  description: string;
  sdgGoals: number[];
  sdgTargets: string[];
  subdimensionCodes: string[];
  recommendationCodes: string[];
  swot: SwotCitation[];
  priorities: { text: string; term: 'short' | 'long' }[];
}[] = [
  {
    title: 'Services people can complete online from start to finish',
    description:
      'Citizens and businesses find, apply for and receive the services they use most without visiting an office.',
    sdgGoals: [9, 10, 16],
    sdgTargets: ['9.c', '10.2', '16.6', '16.9'],
    subdimensionCodes: ['GOV-CAB'],
    recommendationCodes: ['GOV-CAB-R1', 'GOV-CAB-R2'],
    swot: [{ subdimension: 'GOV-CAB' }, { factorId: '5a1e0000-2026-4030-8000-000000000105' }],
    priorities: [
      {
        text: 'Put the ten most used services online with the national digital identity',
        term: 'short',
      },
      { text: 'Every service of central government available online, end to end', term: 'long' },
    ],
  },
  {
    title: 'A public service with the skills to lead digital change',
    description:
      'Officers at every level know how to design, buy and run digital services, and agencies are organised to do so.',
    sdgGoals: [4, 16],
    sdgTargets: ['4.4', '16.6'],
    subdimensionCodes: ['PWD-GEN', 'GOV-ORG'],
    recommendationCodes: ['PWD-GEN-R1', 'GOV-ORG-R1'],
    swot: [{ subdimension: 'PWD-GEN' }, { factorId: '5a1e0000-2026-4030-8000-000000000104' }],
    priorities: [
      { text: 'A digital skills programme for senior managers of every ministry', term: 'short' },
      { text: 'A career path for digital specialists in the civil service', term: 'long' },
    ],
  },
  {
    title: 'Data shared safely across government, asked for only once',
    description:
      'Agencies reuse what another already holds, under clear rules that protect people’s data and earn back trust.',
    sdgGoals: [16, 17],
    sdgTargets: ['16.6', '16.10', '17.18'],
    subdimensionCodes: ['STR-DAT', 'GOV-DAT', 'STR-INT'],
    recommendationCodes: ['STR-DAT-R1', 'GOV-DAT-R1'],
    swot: [{ factorId: '5a1e0000-2026-4030-8000-000000000106' }],
    priorities: [
      {
        text: 'A data-sharing agreement between the civil registry, tax and social security',
        term: 'short',
      },
      { text: 'A national interoperability platform every agency connects to', term: 'long' },
    ],
  },
  {
    title: 'Partnerships that bring business, academia and civil society in',
    description:
      'The plan is carried out with partners who help design, test and pay for shared digital public infrastructure.',
    sdgGoals: [16, 17],
    sdgTargets: ['16.7', '17.17'],
    subdimensionCodes: ['GOV-PAR'],
    recommendationCodes: ['GOV-PAR-R1'],
    swot: [{ subdimension: 'GOV-PAR' }, { factorId: '5a1e0000-2026-4030-8000-000000000103' }],
    priorities: [
      {
        text: 'A standing forum of users, businesses and universities that reviews new services',
        term: 'short',
      },
    ],
  },
  {
    title: 'Laws and procurement fit for digital government',
    description:
      'Electronic documents, signatures and data sharing have a firm legal basis, and agencies can buy digital services quickly and fairly.',
    sdgGoals: [12, 16],
    sdgTargets: ['12.7', '16.3', '16.b'],
    subdimensionCodes: ['LEG-LAW', 'LEG-PRO'],
    recommendationCodes: ['LEG-LAW-R2', 'LEG-PRO-R2'],
    swot: [{ factorId: '5a1e0000-2026-4030-8000-000000000101' }],
    priorities: [
      { text: 'Pass the electronic transactions bill', term: 'short' },
      {
        text: 'Framework contracts for cloud and software services shared by all agencies',
        term: 'long',
      },
    ],
  },
];

function cited(entries: readonly SwotEntry[], citation: SwotCitation): string[] {
  return entries
    .filter((entry) =>
      'subdimension' in citation
        ? entry.quadrant === 'weakness' &&
          entry.evidence?.kind === 'subdimension' &&
          entry.evidence.code === citation.subdimension
        : entry.evidence?.kind === 'pestle' && entry.evidence.factorId === citation.factorId,
    )
    .map((entry) => entry.id);
}

/** Writes the vision of the demo plan; after its analysis, whose SWOT entries the goals cite. */
export async function insertSumwhereVision(
  tx: Kysely<Schema>,
  { planId, updatedBy }: { planId: string; updatedBy: string | null },
): Promise<void> {
  await tx
    .insertInto('plan_visions')
    .values({ plan_id: planId, statement: sumwhereVisionStatement, updated_by: updatedBy })
    .execute();
  for (const principle of sumwherePrinciples) {
    const { id } = await tx
      .insertInto('vision_principles')
      .values({
        plan_id: planId,
        cepa_key: principle.cepaKey,
        title: principle.title,
        description: principle.description,
        updated_by: updatedBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (principle.strategyNumbers.length > 0)
      await tx
        .insertInto('vision_principle_strategies')
        .values(
          principle.strategyNumbers.map((number) => ({
            principle_id: id,
            strategy_number: number,
          })),
        )
        .execute();
  }
  const entries = await listSwotEntries(tx, planId);
  for (const goal of sumwhereGoals) {
    const { id } = await tx
      .insertInto('vision_goals')
      .values({
        plan_id: planId,
        title: goal.title,
        description: goal.description,
        updated_by: updatedBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('vision_goal_links')
      .values([
        ...goal.sdgGoals.map((number) => ({
          goal_id: id,
          kind: 'sdg' as const,
          code: String(number),
        })),
        ...goal.sdgTargets.map((code) => ({ goal_id: id, kind: 'sdg_target' as const, code })),
        ...goal.subdimensionCodes.map((code) => ({
          goal_id: id,
          kind: 'subdimension' as const,
          code,
        })),
        ...goal.recommendationCodes.map((code) => ({
          goal_id: id,
          kind: 'recommendation' as const,
          code,
        })),
      ])
      .execute();
    const swotEntryIds = [...new Set(goal.swot.flatMap((citation) => cited(entries, citation)))];
    if (swotEntryIds.length > 0)
      await tx
        .insertInto('vision_goal_swot_entries')
        .values(swotEntryIds.map((entryId) => ({ goal_id: id, swot_entry_id: entryId })))
        .execute();
    await tx
      .insertInto('vision_priorities')
      .values(
        goal.priorities.map((priority) => ({
          goal_id: id,
          text: priority.text,
          term: priority.term,
          updated_by: updatedBy,
        })),
      )
      .execute();
  }
}
