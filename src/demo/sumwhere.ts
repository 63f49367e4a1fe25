// The demo workspace: the Republic of Sumwhere after one closed round of the dgca
// framework, with answers drawn from a latent model so the results tell the seed's story.
import { createHash } from 'node:crypto';
import { frameworkItems } from '../frameworks/framework.ts';
import type { Framework, Item } from '../frameworks/framework-schema.ts';
import { SeededRandom } from './random.ts';
import {
  type AgencyProfile,
  type AgencySize,
  mailDomain,
  sumwhereAgencies,
} from './sumwhere-agencies.ts';

export interface DemoAgency {
  id: string;
  name: string;
  acronym: string | null;
  level: 'national' | 'subnational' | 'local';
  sector: string;
  parentId: string | null;
  focalPointEmail: string | null;
}

export interface DemoRound {
  id: string;
  name: string;
  /** YYYY-MM-DD */
  opensOn: string;
  closesOn: string;
  status: 'closed';
  agencyIds: string[];
}

export interface DemoInvitation {
  id: string;
  roundId: string;
  agencyId: string;
  email: string;
  /** sha256 of the link's secret, as 64 hex characters; the secret itself is never kept. */
  tokenHash: string;
}

export interface DemoResponse {
  id: string;
  invitationId: string;
  roundId: string;
  agencyId: string;
  status: 'draft' | 'submitted';
  startedAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
}

export interface DemoAnswer {
  responseId: string;
  itemCode: string;
  value: number | null;
  notApplicable: boolean;
  comment: string | null;
}

export interface SumwhereDemo {
  workspace: { id: 'sumwhere'; name: string; defaultLanguage: 'en'; languages: ['en', 'es'] };
  agencies: DemoAgency[];
  round: DemoRound;
  invitations: DemoInvitation[];
  responses: DemoResponse[];
  answers: DemoAnswer[];
}

const roundOpensOn = '2025-03-03';
const roundClosesOn = '2025-04-30';
const minute = 60_000;
const day = 24 * 60 * minute;

const invitationsBySize: Record<AgencySize, [min: number, max: number]> = {
  large: [12, 16],
  medium: [8, 12],
  small: [4, 6],
};

const responseRate = 0.85;
const submissionRate = 0.88;

// Points above or below the middle of the scale, across the whole of government.
// Seed 001: computers and broadband were bought for every office, so technology
// is strong, while strategy (16 projects planned, 1 finished), governance (no
// coordination between offices) and the workforce (no HR development, officials
// afraid for their jobs, no change management) lag behind.
const dimensionEffects: Readonly<Record<string, number>> = {
  LEA: 0.1,
  STR: -0.45,
  GOV: -0.55,
  LEG: -0.1,
  TEC: 0.75,
  PWD: -0.8,
};

// Respondents in one agency disagree: a personal leaning plus noise per answer
// together spread answers by about 0.7 of a point.
const respondentBiasSd = 0.35;
const answerNoiseSd = 0.6;
const contestedItemShare = 0.2;
const contestedItemNoiseFactor = 1.6;

const notApplicableRate = 0.025;
// Legal framework items often concern powers an agency does not hold, and
// councils do not run many of the national functions the framework asks about.
const notApplicableFactorByDimension: Readonly<Record<string, number>> = { LEG: 3 };
const notApplicableFactorLocal = 2;
const commentRate = 0.02;

const comments = {
  low: [
    'Nobody has been told who owns this across the ministries.',
    'There is a plan on paper, but it was never funded or followed up.',
    'Colleagues fear the new systems will replace them, so they avoid using them.',
    'The new software arrived without any training for the people who use it.',
    'Each directorate does this its own way; we do not talk to each other.',
  ],
  middle: [
    'It depends on the department; a few do this well, most do not.',
    'Started last year, so it is too early to tell whether it works.',
    'I am not sure this is written down anywhere.',
  ],
  high: [
    'The equipment is good and the network is reliable, even outside the capital.',
    'Our unit has a clear mandate and its own budget for this.',
    'This improved a great deal once the shared platform was in place.',
  ],
  notApplicable: [
    'Our office does not carry out this function.',
    'This is handled by the parent ministry, not by us.',
  ],
} as const;

export function generateSumwhere(dgca: Framework, seed = 2026): SumwhereDemo {
  // Separate streams, so that changing how answers are drawn does not move the ids.
  const ids = new SeededRandom(`${seed}:ids`);
  const people = new SeededRandom(`${seed}:people`);
  const answering = new SeededRandom(`${seed}:answers`);

  const questions = answerModelQuestions(dgca, new SeededRandom(`${seed}:items`));

  const agencyIds = new Map(sumwhereAgencies.map((profile) => [profile.key, ids.uuid()]));
  const agencies = sumwhereAgencies.map((profile) => demoAgency(profile, agencyIds));

  const round: DemoRound = {
    id: ids.uuid(),
    name: 'Digital capability assessment 2025',
    opensOn: roundOpensOn,
    closesOn: roundClosesOn,
    status: 'closed',
    agencyIds: agencies.map((agency) => agency.id),
  };

  const invitations: DemoInvitation[] = [];
  const responses: DemoResponse[] = [];
  const answers: DemoAnswer[] = [];

  sumwhereAgencies.forEach((profile, index) => {
    const agency = agencies[index] as DemoAgency;
    const twists = new Map(
      dgca.dimensions.map((dimension) => [
        dimension.code,
        (profile.strengths?.[dimension.code] ?? 0) + people.normal(0, 0.25),
      ]),
    );
    const [fewest, most] = invitationsBySize[profile.size];
    const invitationCount = people.integer(fewest, most);

    for (let officer = 1; officer <= invitationCount; officer++) {
      const invitation: DemoInvitation = {
        id: ids.uuid(),
        roundId: round.id,
        agencyId: agency.id,
        email: `officer.${String(officer).padStart(3, '0')}@${profile.key}.${mailDomain}`,
        tokenHash: createHash('sha256').update(ids.hex(32)).digest('hex'),
      };
      invitations.push(invitation);
      if (!people.chance(responseRate)) continue;

      const submitted = people.chance(submissionRate);
      const response: DemoResponse = {
        id: ids.uuid(),
        invitationId: invitation.id,
        roundId: round.id,
        agencyId: agency.id,
        status: submitted ? 'submitted' : 'draft',
        ...responseTimes(people, submitted),
      };
      responses.push(response);

      // A draft stops part-way through the questionnaire, which is answered in order.
      const answeredCount = submitted
        ? questions.length
        : Math.round(questions.length * (0.3 + 0.5 * people.next()));
      const bias = people.normal(0, respondentBiasSd);
      for (const question of questions.slice(0, answeredCount)) {
        const twist = twists.get(question.dimensionCode) ?? 0;
        answers.push(answer(answering, response.id, question, profile, twist + bias));
      }
    }
  });

  return {
    workspace: {
      id: 'sumwhere',
      name: 'Republic of Sumwhere',
      defaultLanguage: 'en',
      languages: ['en', 'es'],
    },
    agencies,
    round,
    invitations,
    responses,
    answers,
  };
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

/** What the model needs to know about one item: where it sits, its scale and its own pull. */
interface Question {
  itemCode: string;
  dimensionCode: string;
  min: number;
  max: number;
  allowsNotApplicable: boolean;
  /** Points this item sits above or below its dimension, e.g. an easy or a demanding statement. */
  effect: number;
  /** How much more respondents disagree on this item than on a typical one. */
  noiseFactor: number;
}

function answerModelQuestions(framework: Framework, random: SeededRandom): Question[] {
  const subdimensionEffects = new Map<string, number>();
  return frameworkItems(framework).map(({ item, dimension, subdimension }) => {
    if (!subdimensionEffects.has(subdimension.code)) {
      subdimensionEffects.set(subdimension.code, random.normal(0, 0.15));
    }
    const { min, max, allowsNotApplicable } = likertRange(framework, item);
    return {
      itemCode: item.code,
      dimensionCode: dimension.code,
      min,
      max,
      allowsNotApplicable,
      effect: (subdimensionEffects.get(subdimension.code) ?? 0) + random.normal(0, 0.25),
      noiseFactor: random.chance(contestedItemShare) ? contestedItemNoiseFactor : 1,
    };
  });
}

function likertRange(framework: Framework, item: Item) {
  const scale = framework.scales.find((candidate) => candidate.key === item.scale);
  if (!scale)
    throw new Error(
      `item ${item.code} uses the scale "${item.scale}", which the framework does not define`,
    );
  if (scale.type !== 'likert') {
    throw new Error(
      `the Sumwhere demo answers Likert items only; item ${item.code} uses a ${scale.type} scale`,
    );
  }
  return { min: scale.min, max: scale.max, allowsNotApplicable: scale.notApplicable };
}

function answer(
  random: SeededRandom,
  responseId: string,
  question: Question,
  agency: AgencyProfile,
  personalShift: number,
): DemoAnswer {
  const naFactor =
    (notApplicableFactorByDimension[question.dimensionCode] ?? 1) *
    (agency.level === 'local' ? notApplicableFactorLocal : 1);
  if (question.allowsNotApplicable && random.chance(notApplicableRate * naFactor)) {
    const comment = random.chance(commentRate * 5) ? random.pick(comments.notApplicable) : null;
    return { responseId, itemCode: question.itemCode, value: null, notApplicable: true, comment };
  }

  // The model speaks in points of a 1–5 scale; other Likert ranges are stretched to fit.
  const point = (question.max - question.min) / 4;
  const middle = (question.min + question.max) / 2;
  const shift =
    agency.maturity +
    (dimensionEffects[question.dimensionCode] ?? 0) +
    question.effect +
    personalShift +
    random.normal(0, answerNoiseSd * question.noiseFactor);
  const value = Math.round(Math.min(question.max, Math.max(question.min, middle + shift * point)));

  let comment: string | null = null;
  if (random.chance(commentRate)) {
    const pool =
      value <= middle - point
        ? comments.low
        : value >= middle + point
          ? comments.high
          : comments.middle;
    comment = random.pick(pool);
  }
  return { responseId, itemCode: question.itemCode, value, notApplicable: false, comment };
}

/** When a respondent started, last saved and (if so) submitted, all inside the round. */
function responseTimes(random: SeededRandom, submitted: boolean) {
  const opens = Date.parse(`${roundOpensOn}T00:00:00Z`);
  const closes = Date.parse(`${roundClosesOn}T23:59:59Z`);
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
