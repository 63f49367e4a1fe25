// The demo workspace: the Republic of Sumwhere after two closed rounds of the
// dgca framework (a 2023 baseline and the 2025 round) and the workshop that
// followed the latter, with answers drawn from a latent model so the results
// tell the seed's story.
import { createHash } from 'node:crypto';
import type { Framework } from '../assessment/frameworks/index.ts';
import type {
  DemoAgency,
  DemoInvitation,
  DemoResponse,
  DemoRound,
  DemoRoundRecords,
} from './demo-records.ts';
import { SeededRandom } from './random.ts';
import {
  type AgencyProfile,
  type AgencySize,
  mailDomain,
  sumwhereAgencies,
} from './sumwhere-agencies.ts';
import {
  type AnswerCircumstances,
  answer,
  answerModelQuestions,
  type CommentPools,
  comments,
  type DemoAnswer,
  type Question,
  respondentBiasSd,
} from './sumwhere-answers.ts';
import { type DemoConsensus, workshopConsensus } from './sumwhere-workshop.ts';

/** The workspace, its agencies and its latest round (2025), with the baseline and the workshop. */
export interface SumwhereDemo extends DemoRoundRecords {
  workspace: { id: 'sumwhere'; name: string; defaultLanguage: 'en'; languages: ['en', 'es'] };
  agencies: DemoAgency[];
  /** The earlier round (2023) the latest one is compared with. */
  baseline: DemoRoundRecords;
  /** What the workshop after the latest round agreed, for the whole of government and two agencies. */
  consensus: DemoConsensus[];
}

/** How one round went: when, over which agencies, and how its officers answered. */
interface RoundPlan {
  name: string;
  /** YYYY-MM-DD */
  opensOn: string;
  closesOn: string;
  year: number;
  /** Points each dimension stood apart, across government, from the latest round. */
  dimensionShifts: Readonly<Record<string, number>>;
  responseRate: number;
  submissionRate: number;
  /** The local part of invited officers' addresses, before their number. */
  mailbox: string;
  comments: CommentPools;
}

/** The random streams a round draws from: ids, people and answers apart. */
interface RoundStreams {
  ids: SeededRandom;
  people: SeededRandom;
  answering: SeededRandom;
}

/** Per dimension code, the points an agency's officers lean away from its maturity in one round. */
type Twists = Map<string, number>;

const minute = 60_000;
const day = 24 * 60 * minute;

const invitationsBySize: Record<AgencySize, [min: number, max: number]> = {
  large: [12, 16],
  medium: [8, 12],
  small: [4, 6],
};

const latestPlan: RoundPlan = {
  name: 'Digital capability assessment 2025',
  opensOn: '2025-03-03',
  closesOn: '2025-04-30',
  year: 2025,
  dimensionShifts: {},
  responseRate: 0.85,
  submissionRate: 0.88,
  mailbox: 'officer',
  comments,
};

// The baseline, two years earlier. Since then the shared platform (seed 001)
// lifted technology and, with the leaders who championed it, leadership;
// strategy and the legal framework moved less; the workforce stayed where it
// was; and governance slipped, as new systems arrived faster than anyone
// coordinated them. A first round: fewer officers answered and finished.
const baselinePlan: RoundPlan = {
  name: 'Digital capability assessment 2023',
  opensOn: '2023-03-06',
  closesOn: '2023-04-28',
  year: 2023,
  dimensionShifts: { LEA: -0.75, STR: -0.5, GOV: 0.15, LEG: -0.5, TEC: -0.8, PWD: -0.05 },
  responseRate: 0.8,
  submissionRate: 0.85,
  mailbox: 'respondent',
  comments: {
    ...comments,
    high: [
      'The new computers arrived this year and the network is reliable, even outside the capital.',
      'Our unit has a clear mandate and its own budget for this.',
      'We set this up ourselves, before anyone asked us to.',
    ],
  },
};

// How far an agency's leaning in a dimension moved between the rounds, so
// agencies change by different amounts around the government-wide trend.
const twistDriftSd = 0.2;

export function generateSumwhere(dgca: Framework, seed = 2026): SumwhereDemo {
  // Separate streams, so that changing how answers are drawn does not move the
  // ids, and adding the baseline or the workshop does not move the latest round.
  const ids = new SeededRandom(`${seed}:ids`);
  const people = new SeededRandom(`${seed}:people`);
  const latestStreams = { ids, people, answering: new SeededRandom(`${seed}:answers`) };
  const baselineStreams = {
    ids: new SeededRandom(`${seed}:baseline:ids`),
    people: new SeededRandom(`${seed}:baseline:people`),
    answering: new SeededRandom(`${seed}:baseline:answers`),
  };

  const questions = answerModelQuestions(dgca, new SeededRandom(`${seed}:items`));

  const agencyIds = new Map(sumwhereAgencies.map((profile) => [profile.key, ids.uuid()]));
  const agencies = sumwhereAgencies.map((profile) => demoAgency(profile, agencyIds));

  const latestTwists = new Map<string, Twists>();
  const latest = generateRound(latestPlan, latestStreams, questions, agencyIds, (profile) => {
    const twists = new Map(
      dgca.dimensions.map((dimension) => [
        dimension.code,
        (profile.strengths?.[dimension.code] ?? 0) + people.normal(0, 0.25),
      ]),
    );
    latestTwists.set(profile.key, twists);
    return twists;
  });
  const baseline = generateRound(baselinePlan, baselineStreams, questions, agencyIds, (profile) => {
    const twists = latestTwists.get(profile.key);
    if (!twists)
      throw new Error(`agency ${profile.key} is in the baseline but not the latest round`);
    return new Map(
      [...twists].map(([code, twist]) => [
        code,
        twist + baselineStreams.people.normal(0, twistDriftSd),
      ]),
    );
  });

  return {
    workspace: {
      id: 'sumwhere',
      name: 'Republic of Sumwhere',
      defaultLanguage: 'en',
      languages: ['en', 'es'],
    },
    agencies,
    ...latest,
    baseline,
    consensus: workshopConsensus(dgca, agencies, latest, new SeededRandom(`${seed}:workshop`)),
  };
}

/** The invitations, responses and answers of one round, agency by agency in the seed's order. */
function generateRound(
  plan: RoundPlan,
  { ids, people, answering }: RoundStreams,
  questions: readonly Question[],
  agencyIds: ReadonlyMap<string, string>,
  twistsOf: (profile: AgencyProfile) => Twists,
): DemoRoundRecords {
  const inScope = sumwhereAgencies.filter(
    (profile) => (profile.firstAssessed ?? plan.year) <= plan.year,
  );
  const round: DemoRound = {
    id: ids.uuid(),
    name: plan.name,
    opensOn: plan.opensOn,
    closesOn: plan.closesOn,
    status: 'closed',
    agencyIds: inScope.map((profile) => agencyIds.get(profile.key) as string),
  };

  const invitations: DemoInvitation[] = [];
  const responses: DemoResponse[] = [];
  const answers: DemoAnswer[] = [];

  for (const profile of inScope) {
    const agencyId = agencyIds.get(profile.key) as string;
    const twists = twistsOf(profile);
    const [fewest, most] = invitationsBySize[profile.size];
    const invitationCount = people.integer(fewest, most);

    for (let officer = 1; officer <= invitationCount; officer++) {
      const invitation: DemoInvitation = {
        id: ids.uuid(),
        roundId: round.id,
        agencyId,
        email: `${plan.mailbox}.${String(officer).padStart(3, '0')}@${profile.key}.${mailDomain}`,
        tokenHash: createHash('sha256').update(ids.hex(32)).digest('hex'),
      };
      invitations.push(invitation);
      if (!people.chance(plan.responseRate)) continue;

      const submitted = people.chance(plan.submissionRate);
      const response: DemoResponse = {
        id: ids.uuid(),
        invitationId: invitation.id,
        roundId: round.id,
        agencyId,
        status: submitted ? 'submitted' : 'draft',
        ...responseTimes(people, plan, submitted),
      };
      responses.push(response);

      // A draft stops part-way through the questionnaire, which is answered in order.
      const answeredCount = submitted
        ? questions.length
        : Math.round(questions.length * (0.3 + 0.5 * people.next()));
      const bias = people.normal(0, respondentBiasSd);
      for (const question of questions.slice(0, answeredCount)) {
        const circumstances: AnswerCircumstances = {
          personalShift: (twists.get(question.dimensionCode) ?? 0) + bias,
          dimensionShift: plan.dimensionShifts[question.dimensionCode] ?? 0,
          comments: plan.comments,
        };
        answers.push(answer(answering, response.id, question, profile, circumstances));
      }
    }
  }
  return { round, invitations, responses, answers };
}

function demoAgency(profile: AgencyProfile, agencyIds: ReadonlyMap<string, string>): DemoAgency {
  const parentId = profile.parentKey === null ? null : agencyIds.get(profile.parentKey);
  if (parentId === undefined)
    throw new Error(`agency ${profile.key} names an unknown parent ${profile.parentKey}`);
  return {
    id: agencyIds.get(profile.key) as string,
    name: profile.name,
    acronym: profile.acronym,
    level: profile.level,
    sector: profile.sector,
    parentId,
    focalPointEmail:
      profile.focalPoint === null ? null : `${profile.focalPoint}@${profile.key}.${mailDomain}`,
  };
}

/** When a respondent started, last saved and (if so) submitted, all inside the round. */
function responseTimes(random: SeededRandom, plan: RoundPlan, submitted: boolean) {
  const opens = Date.parse(`${plan.opensOn}T00:00:00Z`);
  const closes = Date.parse(`${plan.closesOn}T23:59:59Z`);
  const lastDay = Math.round((closes - opens) / day) - 1;
  // Officers open the link in office hours; a third come back on a later day.
  const started =
    opens + random.integer(0, lastDay) * day + random.integer(7 * 60, 17 * 60) * minute;
  const returnsLater = random.chance(1 / 3);
  const spent = returnsLater
    ? random.integer(1, 10) * day + random.integer(-120, 120) * minute
    : random.integer(20, 150) * minute;
  const finished = Math.min(closes, Math.max(started + 10 * minute, started + spent));
  return {
    startedAt: new Date(started),
    updatedAt: new Date(finished),
    submittedAt: submitted ? new Date(finished) : null,
  };
}
