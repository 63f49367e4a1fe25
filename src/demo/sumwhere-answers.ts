// The latent model the Sumwhere demo draws each answer from: an agency's
// maturity, the dimension, the item and the respondent, plus noise, so the
// results tell the seed's story. Pure.

import type { Framework, Item } from '../assessment/frameworks/index.ts';
import { frameworkItems } from '../assessment/frameworks/index.ts';
import type { SeededRandom } from './random.ts';
import type { AgencyProfile } from './sumwhere-agencies.ts';

export interface DemoAnswer {
  responseId: string;
  itemCode: string;
  value: number | null;
  notApplicable: boolean;
  comment: string | null;
}

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
export const respondentBiasSd = 0.35;
const answerNoiseSd = 0.6;
const contestedItemShare = 0.2;
const contestedItemNoiseFactor = 1.6;

const notApplicableRate = 0.025;
// Legal framework items often concern powers an agency does not hold, and
// councils do not run many of the national functions the framework asks about.
const notApplicableFactorByDimension: Readonly<Record<string, number>> = { LEG: 3 };
const notApplicableFactorLocal = 2;
const commentRate = 0.02;

/** What officers write beside a low, middling, high or "not applicable" answer. */
export interface CommentPools {
  low: readonly string[];
  middle: readonly string[];
  high: readonly string[];
  notApplicable: readonly string[];
}

export const comments: CommentPools = {
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
};

/** What the model needs to know about one item: where it sits, its scale and its own pull. */
export interface Question {
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

export function answerModelQuestions(framework: Framework, random: SeededRandom): Question[] {
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

/** What, besides the item and the agency, moves one answer. */
export interface AnswerCircumstances {
  /** Points the respondent leans: the agency's twist in this dimension and their own bias. */
  personalShift: number;
  /** Points the whole of government stood apart, in this dimension, from the latest round. */
  dimensionShift: number;
  comments: CommentPools;
}

export function answer(
  random: SeededRandom,
  responseId: string,
  question: Question,
  agency: AgencyProfile,
  { personalShift, dimensionShift, comments }: AnswerCircumstances,
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
    ((dimensionEffects[question.dimensionCode] ?? 0) + dimensionShift) +
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
