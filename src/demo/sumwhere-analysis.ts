// Sumwhere's situation analysis for its plan: a PESTLE of a dozen factors and
// a SWOT partly drafted from the 2025 results — some proposals accepted as
// the draft put them, one reworded — with opportunities and threats written
// by the team, two of them resting on a PESTLE factor.
import type { Kysely } from 'kysely';
import { DEFAULT_MIN_RESPONDENTS } from '../assessment/results/index.ts';
import { planProposals } from '../planning/analysis/index.ts';
import { findPlan } from '../planning/plans/index.ts';
import type { Schema } from '../platform/db/schema.ts';
import { AppError } from '../platform/errors.ts';
import { messagesFor } from '../platform/i18n/messages.ts';

type Level = 'high' | 'medium' | 'low';

/** Fixed ids, so the SWOT (and later parts) can cite a factor. */
export const sumwherePestle: {
  id: string;
  heading: Schema['pestle_factors']['heading'];
  description: string;
  impact: Level;
  likelihood: Level;
  trend: 'rising' | 'stable' | 'falling';
  horizon: 'short' | 'medium' | 'long';
}[] = [
  {
    id: '5a1e0000-2026-4030-8000-000000000101',
    heading: 'political',
    description:
      'The new government has named digital transformation one of its five priorities for the legislature.',
    impact: 'high',
    likelihood: 'high',
    trend: 'rising',
    horizon: 'short',
  },
  {
    id: '5a1e0000-2026-4030-8000-000000000102',
    heading: 'political',
    description: 'Elections in 2029 may reshuffle ministries half-way through the plan.',
    impact: 'medium',
    likelihood: 'medium',
    trend: 'stable',
    horizon: 'long',
  },
  {
    id: '5a1e0000-2026-4030-8000-000000000103',
    heading: 'economic',
    description:
      'A regional development bank offers concessional loans for shared public digital infrastructure.',
    impact: 'high',
    likelihood: 'medium',
    trend: 'rising',
    horizon: 'medium',
  },
  {
    id: '5a1e0000-2026-4030-8000-000000000104',
    heading: 'economic',
    description: 'Fiscal consolidation caps new public hiring until 2028, specialists included.',
    impact: 'high',
    likelihood: 'high',
    trend: 'stable',
    horizon: 'short',
  },
  {
    id: '5a1e0000-2026-4030-8000-000000000105',
    heading: 'social',
    description:
      'Mobile internet now reaches most households, but older and rural residents still rely on counters.',
    impact: 'medium',
    likelihood: 'high',
    trend: 'rising',
    horizon: 'medium',
  },
  {
    id: '5a1e0000-2026-4030-8000-000000000106',
    heading: 'social',
    description:
      'Trust in how the state handles personal data dropped after the 2024 registry leak.',
    impact: 'high',
    likelihood: 'medium',
    trend: 'falling',
    horizon: 'short',
  },
  {
    id: '5a1e0000-2026-4030-8000-000000000107',
    heading: 'technological',
    description:
      'Cloud regions opening in the neighbouring country make hosted services cheaper and closer.',
    impact: 'medium',
    likelihood: 'high',
    trend: 'rising',
    horizon: 'short',
  },
  {
    id: '5a1e0000-2026-4030-8000-000000000108',
    heading: 'technological',
    description:
      'Ageing mainframe systems in tax and social security are hard to connect or replace.',
    impact: 'high',
    likelihood: 'high',
    trend: 'stable',
    horizon: 'long',
  },
  {
    id: '5a1e0000-2026-4030-8000-000000000109',
    heading: 'legal',
    description:
      'A draft data protection law, aligned with international standards, is before parliament.',
    impact: 'high',
    likelihood: 'medium',
    trend: 'rising',
    horizon: 'medium',
  },
  {
    id: '5a1e0000-2026-4030-8000-000000000110',
    heading: 'legal',
    description: 'Electronic signatures are not yet valid for every administrative procedure.',
    impact: 'medium',
    likelihood: 'high',
    trend: 'falling',
    horizon: 'short',
  },
  {
    id: '5a1e0000-2026-4030-8000-000000000111',
    heading: 'environmental',
    description:
      'Floods in the coastal provinces interrupt power and networks several days a year.',
    impact: 'medium',
    likelihood: 'medium',
    trend: 'rising',
    horizon: 'long',
  },
  {
    id: '5a1e0000-2026-4030-8000-000000000112',
    heading: 'environmental',
    description: 'A national commitment to cut paper use in public offices by half by 2030.',
    impact: 'low',
    likelihood: 'high',
    trend: 'rising',
    horizon: 'medium',
  },
];

/** Opportunities and threats the team wrote, some citing a PESTLE factor. */
const written: {
  quadrant: 'opportunity' | 'threat';
  text: string;
  importance: Level;
  factorId: string | null;
}[] = [
  {
    quadrant: 'opportunity',
    text: 'Political backing at the highest level gives the plan a mandate across ministries.',
    importance: 'high',
    factorId: '5a1e0000-2026-4030-8000-000000000101',
  },
  {
    quadrant: 'opportunity',
    text: 'Concessional financing could pay for the shared identity and payment platforms.',
    importance: 'high',
    factorId: '5a1e0000-2026-4030-8000-000000000103',
  },
  {
    quadrant: 'opportunity',
    text: 'Widespread mobile access lets services reach citizens without a new counter network.',
    importance: 'medium',
    factorId: '5a1e0000-2026-4030-8000-000000000105',
  },
  {
    quadrant: 'threat',
    text: 'The hiring freeze keeps agencies from recruiting the digital specialists they lack.',
    importance: 'high',
    factorId: '5a1e0000-2026-4030-8000-000000000104',
  },
  {
    quadrant: 'threat',
    text: 'Lost trust after the registry leak may slow the take-up of online services.',
    importance: 'high',
    factorId: '5a1e0000-2026-4030-8000-000000000106',
  },
  {
    quadrant: 'threat',
    text: 'A change of government in 2029 could stall the plan’s last two years.',
    importance: 'medium',
    factorId: null,
  },
];

// The draft's proposals the team accepted: the first strengths and weaknesses
// the 2025 results suggest; the first weakness completed in the team's words.
const ACCEPTED_STRENGTHS = 2;
const ACCEPTED_WEAKNESSES = 3;
const REWORDED_ENDING = ' The workshop traced this to too few specialist staff.';

/** Writes the analysis of the demo plan, once its round and plan are written (the draft reads the round's results). */
export async function insertSumwhereAnalysis(
  db: Kysely<Schema>,
  options: { workspaceId: string; planId: string },
): Promise<void> {
  const plan = await findPlan(db, options.workspaceId, options.planId);
  if (!plan) throw new AppError('not_found', 'The demo plan must be written before its analysis');
  const proposals = await planProposals(db, {
    workspaceId: options.workspaceId,
    plan,
    threshold: DEFAULT_MIN_RESPONDENTS,
    messages: messagesFor('en'),
  });
  const accepted = [
    ...proposals.filter((p) => p.proposal.quadrant === 'strength').slice(0, ACCEPTED_STRENGTHS),
    ...proposals.filter((p) => p.proposal.quadrant === 'weakness').slice(0, ACCEPTED_WEAKNESSES),
  ];
  const rows = [
    ...accepted.map(({ proposal, text }, index) => ({
      quadrant: proposal.quadrant,
      text:
        proposal.quadrant === 'weakness' && index === ACCEPTED_STRENGTHS
          ? `${text}${REWORDED_ENDING}`
          : text,
      importance: proposal.importance,
      evidence_kind: proposal.evidence.kind,
      evidence_round_id: 'roundId' in proposal.evidence ? proposal.evidence.roundId : null,
      evidence_code: 'code' in proposal.evidence ? proposal.evidence.code : null,
      evidence_agency_id: proposal.evidence.kind === 'agency' ? proposal.evidence.agencyId : null,
      evidence_factor_id: null,
      proposal_key: proposal.key,
    })),
    ...written.map((entry) => ({
      quadrant: entry.quadrant,
      text: entry.text,
      importance: entry.importance,
      evidence_kind: entry.factorId ? ('pestle' as const) : null,
      evidence_round_id: null,
      evidence_code: null,
      evidence_agency_id: null,
      evidence_factor_id: entry.factorId,
      proposal_key: null,
    })),
  ];
  const positions = new Map<string, number>();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('pestle_factors')
      .values(
        sumwherePestle.map((factor, index) => ({
          ...factor,
          plan_id: plan.id,
          position: index + 1,
        })),
      )
      .execute();
    await tx
      .insertInto('swot_entries')
      .values(
        rows.map((row) => {
          const position = (positions.get(row.quadrant) ?? 0) + 1;
          positions.set(row.quadrant, position);
          return { ...row, plan_id: plan.id, position };
        }),
      )
      .execute();
  });
}
