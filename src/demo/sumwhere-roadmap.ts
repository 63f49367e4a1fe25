// Sumwhere's roadmap under its 2026–2030 plan (seed 001): three programmes —
// services for people, for business, and government working as one — holding
// the 16 priority projects. As in Sumwhere's story, by the end of 2026 one
// project is completed, six are under way (two of them late) and nine have
// not started. Each project answers weak sub-dimensions of the 2025 round
// and recommendations the coordinators accepted, and serves a goal of the
// vision and the SWOT's weaknesses on the same gaps; four have full action plans. Written after the vision, whose goals
// the projects serve.
import type { Kysely, Transaction } from 'kysely';
import {
  type InitiativeFields,
  initiativeFields,
  insertInitiative,
  insertStep,
  type StepFields,
} from '../planning/roadmap/index.ts';
import type { Schema } from '../platform/db/schema.ts';

type Horizon = InitiativeFields['horizon'];

interface ActionPlan {
  steps: Omit<StepFields, 'externalId'>[];
  milestones: { title: string; dueOn: string; reachedOn: string | null }[];
  resources: {
    kind: 'financial' | 'people' | 'technology' | 'other';
    description: string;
    amount: number | null;
    unit: string | null;
  }[];
  kpis: { name: string; unit: string; baseline: number; target: number; targetOn: string }[];
  communications: {
    audience: string;
    message: string;
    channel: string;
    frequency: string;
    owner: string;
  }[];
  updates: { happenedOn: string; text: string; progress: number | null }[];
}

interface DemoProject {
  key: string;
  title: string;
  description: string;
  programme: 'g2c' | 'g2b' | 'g2g';
  horizon: Horizon;
  startsOn: string;
  endsOn: string;
  lead: string;
  partners: string[];
  status: 'proposed' | 'approved' | 'in_progress' | 'completed';
  progress: number | null;
  budget: number;
  source: string;
  subdimensions: string[];
  recommendations: string[];
  /** The vision's goals it serves, by the start of their titles. */
  goals: string[];
  actionPlan?: ActionPlan;
}

export const sumwhereProgrammes = [
  {
    key: 'g2c',
    title: 'Services for people',
    description: 'The services citizens use most, online from start to finish, with help at hand.',
  },
  {
    key: 'g2b',
    title: 'Services for business',
    description: 'Paying taxes, registering, trading and bidding for public contracts online.',
  },
  {
    key: 'g2g',
    title: 'Government working as one',
    description: 'The shared platforms, laws and skills that the services above rest on.',
  },
] as const;

/** Accepted for the whole of government after the 2025 workshop; the last waits for an initiative. */
export const sumwhereAcceptedRecommendations = [
  { code: 'TEC-CAB-R1', subdimension: 'TEC-CAB' },
  { code: 'TEC-CAB-R3', subdimension: 'TEC-CAB' },
  { code: 'GOV-CAB-R2', subdimension: 'GOV-CAB' },
  { code: 'GOV-CAB-R3', subdimension: 'GOV-CAB' },
  { code: 'STR-INT-R2', subdimension: 'STR-INT' },
  { code: 'STR-DAT-R3', subdimension: 'STR-DAT' },
  { code: 'GOV-DAT-R3', subdimension: 'GOV-DAT' },
  { code: 'LEG-LAW-R3', subdimension: 'LEG-LAW' },
  { code: 'LEG-PRO-R2', subdimension: 'LEG-PRO' },
  { code: 'PWD-GEN-R3', subdimension: 'PWD-GEN' },
  { code: 'GOV-PAR-R1', subdimension: 'GOV-PAR' },
];

const services = 'Services people can complete online';
const skills = 'A public service with the skills';
const data = 'Data shared safely';
const partners = 'Partnerships that bring';
const laws = 'Laws and procurement';

export const sumwhereProjects: DemoProject[] = [
  {
    key: 'portal',
    title: 'National service portal',
    description: 'One address for every government service, with plain instructions and forms.',
    programme: 'g2c',
    horizon: 'short',
    startsOn: '2026-01-15',
    endsOn: '2026-09-30',
    lead: 'NDGA',
    partners: ['MODA', 'OPM'],
    status: 'completed',
    progress: null,
    budget: 420000,
    source: 'National budget',
    subdimensions: ['TEC-CAB', 'GOV-CAB'],
    recommendations: ['TEC-CAB-R1'],
    goals: [services],
    actionPlan: {
      steps: [
        {
          what: 'List the 200 most used services with their owners',
          responsible: 'NDGA service team',
          supporting: 'Focal points',
          dueOn: '2026-03-31',
          status: 'done',
        },
        {
          what: 'Write plain-language instructions for each service',
          responsible: 'NDGA content designers',
          supporting: 'Owning agencies',
          dueOn: '2026-06-30',
          status: 'done',
        },
        {
          what: 'Test the portal with 40 users, including older people',
          responsible: 'NDGA user research',
          supporting: 'Association of Older Persons',
          dueOn: '2026-08-15',
          status: 'done',
        },
        {
          what: 'Launch and announce the portal',
          responsible: 'MODA communications',
          supporting: 'NDGA',
          dueOn: '2026-09-30',
          status: 'done',
        },
      ],
      milestones: [
        {
          title: 'Service list agreed by the steering committee',
          dueOn: '2026-04-15',
          reachedOn: '2026-04-10',
        },
        { title: 'Portal live', dueOn: '2026-09-30', reachedOn: '2026-09-24' },
      ],
      resources: [
        {
          kind: 'financial',
          description: 'Design, build and hosting',
          amount: 420000,
          unit: 'USD',
        },
        {
          kind: 'people',
          description: 'Content designers and user researchers',
          amount: 6,
          unit: 'people',
        },
      ],
      kpis: [
        {
          name: 'Services listed with plain instructions',
          unit: 'services',
          baseline: 0,
          target: 200,
          targetOn: '2026-09-30',
        },
        {
          name: 'Monthly visits to the portal',
          unit: 'visits',
          baseline: 0,
          target: 150000,
          targetOn: '2027-06-30',
        },
      ],
      communications: [
        {
          audience: 'Citizens',
          message: 'One address for every service',
          channel: 'Radio, social media and post offices',
          frequency: 'At launch, then quarterly',
          owner: 'MODA communications',
        },
      ],
      updates: [
        {
          happenedOn: '2026-04-10',
          text: 'The steering committee agreed the list of 200 services.',
          progress: 30,
        },
        {
          happenedOn: '2026-09-24',
          text: 'The portal went live two weeks after user testing.',
          progress: 100,
        },
      ],
    },
  },
  {
    key: 'identity',
    title: 'Digital identity and e-authentication',
    description: 'A national digital identity that every online service accepts for signing in.',
    programme: 'g2c',
    horizon: 'medium',
    startsOn: '2026-03-01',
    endsOn: '2027-12-31',
    lead: 'CRIA',
    partners: ['NDGA', 'MOI'],
    status: 'in_progress',
    progress: null,
    budget: 2400000,
    source: 'World Bank loan',
    subdimensions: ['TEC-CAB'],
    recommendations: ['TEC-CAB-R3'],
    goals: [services, data],
    actionPlan: {
      steps: [
        {
          what: 'Adopt the identity and trust services regulation',
          responsible: 'MOJ legal drafting',
          supporting: 'CRIA',
          dueOn: '2026-06-30',
          status: 'done',
        },
        {
          what: 'Choose the identity provider through open tender',
          responsible: 'CRIA procurement',
          supporting: 'PPA',
          dueOn: '2026-11-30',
          status: 'done',
        },
        {
          what: 'Enrol the first 100,000 people at civil registry offices',
          responsible: 'CRIA registration',
          supporting: 'Ambervale Provincial Administration',
          dueOn: '2027-06-30',
          status: 'in_progress',
        },
        {
          what: 'Connect the portal and the tax service to the identity',
          responsible: 'NDGA integration team',
          supporting: 'SRA',
          dueOn: '2027-09-30',
          status: 'not_started',
        },
        {
          what: 'Open enrolment online for those who already hold a national ID card',
          responsible: 'CRIA',
          supporting: 'NDGA',
          dueOn: '2027-12-31',
          status: 'not_started',
        },
      ],
      milestones: [
        {
          title: 'Contract signed with the identity provider',
          dueOn: '2026-11-30',
          reachedOn: '2026-11-20',
        },
        { title: 'First 100,000 people enrolled', dueOn: '2027-06-30', reachedOn: null },
        { title: 'Ten services accept the digital identity', dueOn: '2027-12-31', reachedOn: null },
      ],
      resources: [
        {
          kind: 'financial',
          description: 'Identity platform and enrolment kits',
          amount: 2400000,
          unit: 'USD',
        },
        {
          kind: 'technology',
          description: 'Enrolment kits for civil registry offices',
          amount: 120,
          unit: 'kits',
        },
      ],
      kpis: [
        {
          name: 'People holding a digital identity',
          unit: 'people',
          baseline: 0,
          target: 500000,
          targetOn: '2027-12-31',
        },
        {
          name: 'Services accepting the digital identity',
          unit: 'services',
          baseline: 0,
          target: 10,
          targetOn: '2027-12-31',
        },
      ],
      communications: [
        {
          audience: 'Citizens',
          message: 'How and where to get your digital identity',
          channel: 'Civil registry offices, radio',
          frequency: 'Monthly during enrolment',
          owner: 'CRIA communications',
        },
        {
          audience: 'Agencies’ ICT units',
          message: 'How to connect a service to the identity',
          channel: 'Technical guide and workshops',
          frequency: 'Quarterly',
          owner: 'NDGA integration team',
        },
      ],
      updates: [
        {
          happenedOn: '2026-06-28',
          text: 'The regulation was adopted by the council of ministers.',
          progress: null,
        },
        {
          happenedOn: '2026-11-20',
          text: 'Contract signed; enrolment kits arrive in January.',
          progress: null,
        },
      ],
    },
  },
  {
    key: 'certificates',
    title: 'Civil registration certificates online',
    description: 'Birth, marriage and death certificates requested and delivered online.',
    programme: 'g2c',
    horizon: 'medium',
    startsOn: '2028-01-15',
    endsOn: '2028-12-31',
    lead: 'CRIA',
    partners: ['MOJ'],
    status: 'proposed',
    progress: null,
    budget: 300000,
    source: 'National budget',
    subdimensions: ['GOV-CAB'],
    recommendations: [],
    goals: [services],
  },
  {
    key: 'health',
    title: 'e-Health appointments',
    description: 'Booking and moving hospital appointments online and by text message.',
    programme: 'g2c',
    horizon: 'long',
    startsOn: '2028-01-01',
    endsOn: '2029-12-31',
    lead: 'MOH',
    partners: ['NDGA'],
    status: 'proposed',
    progress: null,
    budget: 900000,
    source: 'Donor grant',
    subdimensions: ['GOV-CAB'],
    recommendations: ['GOV-CAB-R3'],
    goals: [services],
  },
  {
    key: 'education',
    title: 'e-Education school enrolment',
    description: 'Parents enrol their children in public schools online, with help at schools.',
    programme: 'g2c',
    horizon: 'medium',
    startsOn: '2027-01-15',
    endsOn: '2027-12-31',
    lead: 'MOE',
    partners: ['NDGA'],
    status: 'approved',
    progress: null,
    budget: 250000,
    source: 'National budget',
    subdimensions: ['GOV-CAB'],
    recommendations: [],
    goals: [services],
  },
  {
    key: 'counters',
    title: 'Assisted digital counters in the provinces',
    description: 'Staffed counters in post offices where people get help to use online services.',
    programme: 'g2c',
    horizon: 'short',
    startsOn: '2027-02-01',
    endsOn: '2027-11-30',
    lead: 'APA',
    partners: ['MOSP'],
    status: 'proposed',
    progress: null,
    budget: 180000,
    source: 'National budget',
    subdimensions: ['GOV-CAB'],
    recommendations: ['GOV-CAB-R2'],
    goals: [services, partners],
  },
  {
    key: 'tax',
    title: 'e-Tax filing and payment',
    description: 'Businesses and people file and pay their taxes online, with pre-filled returns.',
    programme: 'g2b',
    horizon: 'short',
    startsOn: '2026-02-01',
    endsOn: '2027-06-30',
    lead: 'SRA',
    partners: ['MOF', 'NDGA'],
    status: 'in_progress',
    progress: null,
    budget: 1100000,
    source: 'National budget',
    subdimensions: ['GOV-CAB', 'STR-DAT'],
    recommendations: ['STR-DAT-R3'],
    goals: [services],
    actionPlan: {
      steps: [
        {
          what: 'Redesign the return with businesses and accountants',
          responsible: 'SRA taxpayer services',
          supporting: 'Chamber of Commerce',
          dueOn: '2026-05-31',
          status: 'done',
        },
        {
          what: 'Pre-fill returns with data the government already holds',
          responsible: 'SRA data team',
          supporting: 'Social Insurance Fund',
          dueOn: '2026-10-31',
          status: 'done',
        },
        {
          what: 'Pilot online filing with 500 businesses',
          responsible: 'SRA',
          supporting: 'NDGA',
          dueOn: '2027-01-31',
          status: 'in_progress',
        },
        {
          what: 'Accept card and mobile payments',
          responsible: 'SRA finance',
          supporting: 'Central bank',
          dueOn: '2027-04-30',
          status: 'not_started',
        },
        {
          what: 'Open online filing to every taxpayer',
          responsible: 'SRA',
          supporting: 'MOF',
          dueOn: '2027-06-30',
          status: 'not_started',
        },
      ],
      milestones: [
        { title: 'Pilot with 500 businesses starts', dueOn: '2026-11-30', reachedOn: '2026-11-25' },
        { title: 'Online filing open to everyone', dueOn: '2027-06-30', reachedOn: null },
      ],
      resources: [
        {
          kind: 'financial',
          description: 'Filing and payment system',
          amount: 1100000,
          unit: 'USD',
        },
        {
          kind: 'people',
          description: 'Taxpayer service officers trained to help',
          amount: 40,
          unit: 'people',
        },
      ],
      kpis: [
        {
          name: 'Returns filed online',
          unit: '%',
          baseline: 4,
          target: 60,
          targetOn: '2027-12-31',
        },
      ],
      communications: [
        {
          audience: 'Businesses and accountants',
          message: 'File online with a pre-filled return',
          channel: 'Chamber of Commerce newsletter, SRA website',
          frequency: 'Each filing season',
          owner: 'SRA taxpayer services',
        },
      ],
      updates: [
        {
          happenedOn: '2026-11-25',
          text: 'The pilot started with 512 businesses.',
          progress: null,
        },
      ],
    },
  },
  {
    key: 'business',
    title: 'Online business registration',
    description: 'Registering a company in one online visit, with one number for every agency.',
    programme: 'g2b',
    horizon: 'medium',
    startsOn: '2027-03-01',
    endsOn: '2028-02-28',
    lead: 'BIPR',
    partners: ['SRA', 'SIF'],
    status: 'approved',
    progress: null,
    budget: 350000,
    source: 'Donor grant',
    subdimensions: ['STR-DAT'],
    recommendations: [],
    goals: [services, data],
  },
  {
    key: 'procurement',
    title: 'e-Procurement',
    description: 'Tenders published, bids received and contracts awarded online, as open data.',
    programme: 'g2b',
    horizon: 'short',
    startsOn: '2026-03-01',
    endsOn: '2026-10-31',
    lead: 'PPA',
    partners: ['MOF'],
    status: 'in_progress',
    progress: 35,
    budget: 600000,
    source: 'National budget',
    subdimensions: ['LEG-PRO'],
    recommendations: ['LEG-PRO-R2'],
    goals: [laws],
  },
  {
    key: 'land',
    title: 'e-Land Registry',
    description: 'Land titles searched and transferred online from a digitised register.',
    programme: 'g2b',
    horizon: 'long',
    startsOn: '2028-06-01',
    endsOn: '2030-06-30',
    lead: 'LRCA',
    partners: ['MOJ'],
    status: 'proposed',
    progress: null,
    budget: 1500000,
    source: 'To be found',
    subdimensions: ['GOV-DAT'],
    recommendations: ['GOV-DAT-R3'],
    goals: [data],
  },
  {
    key: 'customs',
    title: 'Single window for trade',
    description:
      'Importers and exporters submit every document once, for every agency at the border.',
    programme: 'g2b',
    horizon: 'long',
    startsOn: '2028-01-01',
    endsOn: '2030-12-31',
    lead: 'SCS',
    partners: ['MOTI', 'MOAL'],
    status: 'proposed',
    progress: null,
    budget: 2000000,
    source: 'To be found',
    subdimensions: ['STR-INT'],
    recommendations: [],
    goals: [data],
  },
  {
    key: 'interoperability',
    title: 'Government interoperability platform',
    description: 'A shared platform through which agencies exchange data under agreed standards.',
    programme: 'g2g',
    horizon: 'medium',
    startsOn: '2026-06-01',
    endsOn: '2028-06-30',
    lead: 'NDGA',
    partners: ['CRIA', 'SRA', 'SIF'],
    status: 'in_progress',
    progress: null,
    budget: 1800000,
    source: 'World Bank loan',
    subdimensions: ['STR-INT', 'GOV-DAT'],
    recommendations: ['STR-INT-R2'],
    goals: [data],
    actionPlan: {
      steps: [
        {
          what: 'Agree the data exchange standards with the ten largest agencies',
          responsible: 'NDGA architecture',
          supporting: 'Agencies’ ICT units',
          dueOn: '2026-10-31',
          status: 'done',
        },
        {
          what: 'Sign data-sharing agreements between registry, tax and social security',
          responsible: 'MODA legal',
          supporting: 'CRIA, SRA, SIF',
          dueOn: '2026-12-31',
          status: 'in_progress',
        },
        {
          what: 'Build the platform and its catalogue of data services',
          responsible: 'NDGA',
          supporting: 'Vendor',
          dueOn: '2027-09-30',
          status: 'not_started',
        },
        {
          what: 'Connect the first five agencies',
          responsible: 'NDGA integration team',
          supporting: 'Agencies’ ICT units',
          dueOn: '2028-06-30',
          status: 'not_started',
        },
      ],
      milestones: [
        { title: 'Standards adopted', dueOn: '2026-10-31', reachedOn: '2026-10-30' },
        {
          title: 'First data exchanged through the platform',
          dueOn: '2027-12-31',
          reachedOn: null,
        },
      ],
      resources: [
        {
          kind: 'financial',
          description: 'Platform build and first three years of running',
          amount: 1800000,
          unit: 'USD',
        },
        { kind: 'people', description: 'Integration engineers', amount: 5, unit: 'people' },
      ],
      kpis: [
        {
          name: 'Agencies connected',
          unit: 'agencies',
          baseline: 0,
          target: 5,
          targetOn: '2028-06-30',
        },
        {
          name: 'Documents people no longer have to bring',
          unit: 'documents',
          baseline: 0,
          target: 12,
          targetOn: '2028-12-31',
        },
      ],
      communications: [
        {
          audience: 'Agency heads',
          message: 'What connecting brings and what it asks of you',
          channel: 'Steering committee',
          frequency: 'Quarterly',
          owner: 'MODA',
        },
      ],
      updates: [
        {
          happenedOn: '2026-10-30',
          text: 'Standards adopted by the ten largest agencies.',
          progress: null,
        },
      ],
    },
  },
  {
    key: 'law',
    title: 'Electronic transactions and signatures law',
    description: 'A law that gives electronic documents and signatures the force of paper.',
    programme: 'g2g',
    horizon: 'short',
    startsOn: '2026-01-01',
    endsOn: '2026-06-30',
    lead: 'MOJ',
    partners: ['MODA'],
    status: 'in_progress',
    progress: 60,
    budget: 50000,
    source: 'National budget',
    subdimensions: ['LEG-LAW'],
    recommendations: ['LEG-LAW-R3'],
    goals: [laws],
  },
  {
    key: 'records',
    title: 'Groupware and e-records for ministries',
    description: 'One platform for documents, mail and records across central government.',
    programme: 'g2g',
    horizon: 'medium',
    startsOn: '2027-01-01',
    endsOn: '2028-06-30',
    lead: 'NAS',
    partners: ['NDGA'],
    status: 'approved',
    progress: null,
    budget: 700000,
    source: 'National budget',
    subdimensions: ['GOV-ORG'],
    recommendations: [],
    goals: [skills],
  },
  {
    key: 'skills',
    title: 'Digital skills programme for managers',
    description: 'Every senior manager trained to lead digital change in their ministry.',
    programme: 'g2g',
    horizon: 'short',
    startsOn: '2026-04-01',
    endsOn: '2027-03-31',
    lead: 'MOPS',
    partners: ['MODA'],
    status: 'in_progress',
    progress: 40,
    budget: 150000,
    source: 'Donor grant',
    subdimensions: ['PWD-GEN'],
    recommendations: ['PWD-GEN-R3'],
    goals: [skills],
  },
  {
    key: 'gis',
    title: 'Government GIS',
    description: 'Shared maps and addresses that every agency uses for planning and services.',
    programme: 'g2g',
    horizon: 'long',
    startsOn: '2029-01-01',
    endsOn: '2030-12-31',
    lead: 'MEW',
    partners: ['LRCA', 'NSO'],
    status: 'proposed',
    progress: null,
    budget: 800000,
    source: 'To be found',
    subdimensions: ['GOV-DAT'],
    recommendations: [],
    goals: [data],
  },
];

/** Writes the demo plan's roadmap and the decisions it rests on; after the vision, whose goals it serves. */
export async function insertSumwhereRoadmap(
  tx: Transaction<Schema>,
  options: { workspaceId: string; planId: string; roundId: string; ownerId: string | null },
): Promise<void> {
  const { planId, roundId, ownerId } = options;
  await tx
    .insertInto('recommendation_decisions')
    .values(
      sumwhereAcceptedRecommendations.map((recommendation) => ({
        round_id: roundId,
        agency_id: null,
        recommendation_code: recommendation.code,
        subdimension_code: recommendation.subdimension,
        status: 'accepted' as const,
        note: 'Accepted at the 2025 validation workshop.',
        decided_by: ownerId,
        decided_at: new Date('2026-01-20T10:00:00Z'),
      })),
    )
    .execute();
  const agencies = await agencyIds(tx, options.workspaceId);
  const goals = await tx
    .selectFrom('vision_goals')
    .select(['id', 'title'])
    .where('plan_id', '=', planId)
    .execute();
  const goalIds = (titles: string[]) =>
    titles.flatMap((start) =>
      goals.filter((goal) => goal.title.startsWith(start)).map((goal) => goal.id),
    );
  // The SWOT's weaknesses, by the sub-dimension they rest on: a project answers those of its own.
  const weaknesses = await tx
    .selectFrom('swot_entries')
    .select(['id', 'evidence_code'])
    .where('plan_id', '=', planId)
    .where('quadrant', '=', 'weakness')
    .where('evidence_kind', '=', 'subdimension')
    .execute();
  const programmeIds = new Map<string, string>();
  for (const programme of sumwhereProgrammes)
    programmeIds.set(
      programme.key,
      await insertInitiative(
        tx,
        planId,
        initiativeFields({
          externalId: programme.key,
          title: programme.title,
          description: programme.description,
          level: 'programme',
          horizon: 'long',
          status: 'in_progress',
          startsOn: '2026-01-01',
          endsOn: '2030-12-31',
          leadAgencyId: agencies.get('MODA') ?? null,
          ownerId,
        }),
        null,
        ownerId,
      ),
    );
  const projectIds = new Map<string, string>();
  for (const project of sumwhereProjects) {
    const [firstRecommendation] = project.recommendations;
    const id = await insertInitiative(
      tx,
      planId,
      initiativeFields({
        externalId: project.key,
        parentId: programmeIds.get(project.programme) ?? null,
        level: 'project',
        title: project.title,
        description: project.description,
        horizon: project.horizon,
        startsOn: project.startsOn,
        endsOn: project.endsOn,
        leadAgencyId: agencies.get(project.lead) ?? null,
        partnerAgencyIds: project.partners.flatMap((acronym) => agencies.get(acronym) ?? []),
        ownerId,
        budgetAmount: project.budget,
        budgetCurrency: 'USD',
        budgetSource: project.source,
        status: project.status,
        progress: project.progress,
        goalIds: goalIds(project.goals),
        swotEntryIds: weaknesses
          .filter((entry) => project.subdimensions.includes(entry.evidence_code ?? ''))
          .map((entry) => entry.id),
        // The digital identity comes first for the services that sign people in once it is there.
        dependsOnIds: ['certificates', 'health'].includes(project.key)
          ? [projectIds.get('identity') ?? ''].filter(Boolean)
          : [],
        codes: [
          ...project.subdimensions.map((code) => ({ kind: 'subdimension' as const, code })),
          ...project.recommendations.map((code) => ({ kind: 'recommendation' as const, code })),
        ],
      }),
      firstRecommendation ? { kind: 'recommendation', ref: firstRecommendation, roundId } : null,
      ownerId,
    );
    projectIds.set(project.key, id);
    if (project.actionPlan) await insertActionPlan(tx, id, project.actionPlan, ownerId);
  }
}

async function agencyIds(db: Kysely<Schema>, workspaceId: string) {
  const rows = await db
    .selectFrom('agencies')
    .select(['id', 'acronym'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  return new Map(rows.flatMap((row) => (row.acronym ? [[row.acronym, row.id] as const] : [])));
}

async function insertActionPlan(
  tx: Transaction<Schema>,
  initiativeId: string,
  plan: ActionPlan,
  ownerId: string | null,
) {
  for (const step of plan.steps)
    await insertStep(tx, initiativeId, { externalId: null, ...step }, ownerId);
  const rows = <T>(list: T[]) => list.map((row) => ({ initiative_id: initiativeId, ...row }));
  await tx
    .insertInto('initiative_milestones')
    .values(
      rows(
        plan.milestones.map((m) => ({ title: m.title, due_on: m.dueOn, reached_on: m.reachedOn })),
      ),
    )
    .execute();
  await tx.insertInto('initiative_resources').values(rows(plan.resources)).execute();
  await tx
    .insertInto('initiative_kpis')
    .values(
      rows(
        plan.kpis.map((kpi) => ({
          name: kpi.name,
          unit: kpi.unit,
          baseline: kpi.baseline,
          target: kpi.target,
          target_on: kpi.targetOn,
        })),
      ),
    )
    .execute();
  await tx.insertInto('initiative_communications').values(rows(plan.communications)).execute();
  await tx
    .insertInto('initiative_updates')
    .values(
      rows(
        plan.updates.map((update) => ({
          happened_on: update.happenedOn,
          text: update.text,
          progress: update.progress,
          created_by: ownerId,
        })),
      ),
    )
    .execute();
}
