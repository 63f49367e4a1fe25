// The star profile and the stakeholder map of Sumwhere's plan: a team that
// has the president's backing but has yet to bring people and civil society
// in, and seventeen stakeholders across every group and vulnerable sub-group, each with an owner among
// the demo's accounts. Written into the demo plan by insertSumwhereStakeholders.
import type { Kysely } from 'kysely';
import type { Schema, StakeholderTable } from '../platform/db/schema.ts';
import { sumwherePlan } from './sumwhere-plan.ts';

type Owner = 'admin' | 'coordinator' | 'facilitator';

interface DemoStarPoint {
  point: string;
  level: number;
  narrative: string;
  links: { title: string; url: string }[];
  /** Dimension or sub-dimension codes of the 2025 round. */
  scores: string[];
}

export const sumwhereStarProfile: readonly DemoStarPoint[] = [
  {
    point: 'leadership-commitment',
    level: 4,
    narrative:
      'The President launched the Digital Sumwhere agenda in 2025 and chairs its council each quarter; the Ministry of Finance ring-fences its budget line.',
    links: [{ title: 'Digital Sumwhere council decree', url: 'https://sumwhere.example/council' }],
    scores: ['LEA', 'LEA-VIS'],
  },
  {
    point: 'stakeholder-engagement',
    level: 3,
    narrative:
      'Agencies and the ICT industry association sit on the council; universities and development partners are consulted, but only once a year.',
    links: [],
    scores: ['GOV-PAR'],
  },
  {
    point: 'civil-society-involvement',
    level: 2,
    narrative:
      'Civil society hears about the agenda after decisions are taken. No group speaking for persons with disabilities or older persons has been asked yet.',
    links: [],
    scores: ['GOV-CAB'],
  },
  {
    point: 'governance-diagnosis',
    level: 3,
    narrative:
      'The 2025 capability assessment gives a clear picture of central agencies; local governments are only partly covered.',
    links: [],
    scores: ['GOV'],
  },
  {
    point: 'history-diagnosis',
    level: 2,
    narrative:
      'Two earlier e-government plans stalled after elections; why they stalled has not been written down.',
    links: [],
    scores: [],
  },
  {
    point: 'environment-diagnosis',
    level: 3,
    narrative:
      'The team follows the regional digital single-market talks and the UN E-Government Survey; the national picture comes from the PESTLE of this plan.',
    links: [
      {
        title: 'UN E-Government Survey',
        url: 'https://publicadministration.un.org/egovkb/en-us/Reports/UN-E-Government-Survey-2024',
      },
    ],
    scores: [],
  },
  {
    point: 'envisioning',
    level: 2,
    narrative:
      'A first vision statement exists; strategic objectives and the actions under them are still being written.',
    links: [],
    scores: ['STR-GEN'],
  },
];

interface DemoStakeholder {
  name: string;
  group: string;
  vulnerableGroup?: string;
  interest: number;
  influence: number;
  engagement: StakeholderTable['engagement'];
  needs: string;
  owner?: Owner;
}

export const sumwhereStakeholders: readonly DemoStakeholder[] = [
  {
    name: 'Office of the President',
    group: 'government_agencies',
    interest: 5,
    influence: 5,
    engagement: 'empower',
    needs: 'Visible results before the 2028 elections',
    owner: 'admin',
  },
  {
    name: 'Ministry of Finance',
    group: 'government_agencies',
    interest: 3,
    influence: 5,
    engagement: 'collaborate',
    needs: 'A business case and savings measured each year',
    owner: 'coordinator',
  },
  {
    name: 'Ministry of Health',
    group: 'government_agencies',
    interest: 4,
    influence: 4,
    engagement: 'collaborate',
    needs: 'Shared patient records across hospitals',
    owner: 'coordinator',
  },
  {
    name: 'Public Service Union',
    group: 'public_servants',
    interest: 4,
    influence: 3,
    engagement: 'involve',
    needs: 'Training before new systems, and no job cuts by surprise',
    owner: 'facilitator',
  },
  {
    name: 'Chief information officers’ network',
    group: 'public_servants',
    interest: 5,
    influence: 3,
    engagement: 'collaborate',
    needs: 'Common standards and a say in shared platforms',
    owner: 'coordinator',
  },
  {
    name: 'Sumwhere ICT Industry Association',
    group: 'private_sector',
    interest: 4,
    influence: 3,
    engagement: 'consult',
    needs: 'Open procurement that small firms can win',
    owner: 'coordinator',
  },
  {
    name: 'National Bank Association',
    group: 'private_sector',
    interest: 2,
    influence: 4,
    engagement: 'consult',
    needs: 'Digital identity they can rely on for customer checks',
  },
  {
    name: 'University of Sumwhere',
    group: 'academia_partners',
    interest: 3,
    influence: 2,
    engagement: 'involve',
    needs: 'Data to research, and placements for students',
    owner: 'facilitator',
  },
  {
    name: 'Open Government Coalition',
    group: 'civil_society',
    interest: 5,
    influence: 2,
    engagement: 'involve',
    needs: 'Open data and a place in the council',
    owner: 'facilitator',
  },
  {
    name: 'Rural Livelihoods Network',
    group: 'vulnerable_groups',
    vulnerableGroup: 'poor',
    interest: 4,
    influence: 1,
    engagement: 'consult',
    needs: 'Services that work offline and cost nothing to reach',
    owner: 'facilitator',
  },
  {
    name: 'Women in Tech Sumwhere',
    group: 'vulnerable_groups',
    vulnerableGroup: 'women_girls',
    interest: 4,
    influence: 2,
    engagement: 'involve',
    needs: 'Digital skills programmes that reach girls at school',
  },
  {
    name: 'Association of Retired Persons',
    group: 'vulnerable_groups',
    vulnerableGroup: 'older_persons',
    interest: 3,
    influence: 2,
    engagement: 'inform',
    needs: 'Counter service kept beside online service, and plain language',
    owner: 'facilitator',
  },
  {
    name: 'Sumwhere Federation of the Blind',
    group: 'vulnerable_groups',
    vulnerableGroup: 'persons_with_disabilities',
    interest: 5,
    influence: 2,
    engagement: 'involve',
    needs: 'Accessible websites and forms, tested with its members',
    owner: 'coordinator',
  },
  {
    name: 'Youth Parliament of Sumwhere',
    group: 'vulnerable_groups',
    vulnerableGroup: 'youth',
    interest: 4,
    influence: 1,
    engagement: 'involve',
    needs: 'Services on the phone, and a voice in how they are designed',
  },
  {
    name: 'Refugee Support Council',
    group: 'vulnerable_groups',
    vulnerableGroup: 'migrants_refugees',
    interest: 3,
    influence: 1,
    engagement: 'consult',
    needs: 'Identity and services for people without national papers',
    owner: 'facilitator',
  },
  {
    name: 'Regional Development Bank',
    group: 'international_organisations',
    interest: 3,
    influence: 4,
    engagement: 'collaborate',
    needs: 'Milestones it can fund against',
    owner: 'admin',
  },
  {
    name: 'Civic tech developers’ meetup',
    group: 'developers',
    interest: 3,
    influence: 1,
    engagement: 'inform',
    needs: 'Open APIs and a sandbox to build on',
  },
];

/** Writes the plan's star profile and stakeholders; `roundId` is the 2025 round, `owners` the demo's accounts by role. */
export async function insertSumwhereStakeholders(
  tx: Kysely<Schema>,
  { roundId, owners }: { roundId: string; owners: Record<Owner, string | undefined> },
) {
  for (const point of sumwhereStarProfile) {
    const { id } = await tx
      .insertInto('star_profile_points')
      .values({
        plan_id: sumwherePlan.id,
        point: point.point,
        level: point.level,
        narrative: point.narrative,
        updated_by: owners.coordinator ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const evidence = [
      ...point.links.map((link) => ({
        url: link.url,
        title: link.title,
        round_id: null,
        code: null,
      })),
      ...point.scores.map((code) => ({ url: null, title: null, round_id: roundId, code })),
    ];
    if (evidence.length > 0)
      await tx
        .insertInto('star_profile_evidence')
        .values(evidence.map((item, position) => ({ point_id: id, position, ...item })))
        .execute();
  }
  await tx
    .insertInto('stakeholders')
    .values(
      sumwhereStakeholders.map((stakeholder) => ({
        plan_id: sumwherePlan.id,
        name: stakeholder.name,
        stakeholder_group: stakeholder.group,
        vulnerable_group: stakeholder.vulnerableGroup ?? null,
        interest: stakeholder.interest,
        influence: stakeholder.influence,
        engagement: stakeholder.engagement,
        needs: stakeholder.needs,
        owner_id: stakeholder.owner ? (owners[stakeholder.owner] ?? null) : null,
        updated_by: owners.coordinator ?? null,
      })),
    )
    .execute();
}
