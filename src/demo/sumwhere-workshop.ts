// The consensus of the workshops that followed Sumwhere's latest round (see
// sumwhere-workshop-sessions.ts), each with the note the facilitator wrote.
// Pure. Values follow the mean self-assessment, except where the room found
// it optimistic (the highest-rated items of each dimension, set a point or
// more lower) or, now and then, too modest (a step higher).

import type { Framework, Scale } from '../assessment/frameworks/index.ts';
import { frameworkItems, itemScale, scaleValues } from '../assessment/frameworks/index.ts';
import {
  type AnswerCount,
  type ItemStatistics,
  itemStatistics,
} from '../assessment/workshop/index.ts';
import type { DemoAgency, DemoRoundRecords } from './demo-records.ts';
import type { SeededRandom } from './random.ts';
import { type Verdict, workshopSessions } from './sumwhere-workshop-sessions.ts';

export interface DemoConsensus {
  id: string;
  roundId: string;
  itemCode: string;
  /** null: the whole of government. */
  agencyId: string | null;
  value: number;
  rationale: string;
  recordedAt: Date;
}

// The share of each dimension's items, its highest-rated ones, that the room
// found optimistic: the claims participants asked to see evidence for.
const loweredShare = 0.2;

// An agency's mean is quoted in a note only from this many answers, as on the
// results pages, so no officer's answer can be read from it.
const fewestAnswersQuoted = 3;

/** The facts a note is written from. */
interface NoteFacts {
  /** The agreed value, with its label where the scale has one: "2 (Disagree)". */
  agreed: string;
  mean: string;
  answers: number;
  /** Shares of the answers with a value above and below the middle of the scale, in per cent. */
  agreeing: number;
  disagreeing: number;
  evidence: string;
  /** For the whole of government: the agencies whose answers were lowest and highest. */
  range?: { lowest: string; highest: string };
}

type Note = (facts: NoteFacts) => string;

// biome-ignore format: one note to a line
const notes: Readonly<Record<Verdict, readonly Note[]>> = {
  lowered: [
    (f) => `Lowered to ${f.agreed}. Officers rated this ${f.mean} on average (${f.answers} answers, ${f.agreeing}% agreeing), but ${f.evidence}. The room judged the self-assessments optimistic.`,
    (f) => `Agreed at ${f.agreed}, below the self-assessments (mean ${f.mean}): ${f.evidence}. The statement may hold in a few units, not in general.`,
    (f) => `The self-assessments (mean ${f.mean} from ${f.answers} officers) did not survive the discussion: ${f.evidence}. Agreed at ${f.agreed}.`,
    (f) => `The room asked for the evidence behind the self-assessments (mean ${f.mean}) and found that ${f.evidence}. Agreed at ${f.agreed}.`,
  ],
  kept: [
    (f) => `Agreed at ${f.agreed}, in line with the self-assessments (mean ${f.mean}, ${f.answers} answers). ${f.evidence}`,
    (f) => `${f.evidence} Agreed at ${f.agreed}; the self-assessments average ${f.mean}.`,
    (f) => `Kept at ${f.agreed}, close to the mean self-assessment of ${f.mean}. ${f.evidence}`,
  ],
  raised: [
    (f) => `Raised to ${f.agreed}. The self-assessments average ${f.mean}, but ${f.evidence}.`,
    (f) => `Agreed at ${f.agreed}, above the self-assessments (mean ${f.mean}): ${f.evidence}.`,
  ],
};

// biome-ignore format: one note to a line
const wholeOfGovernmentNotes: Readonly<Record<Verdict, readonly Note[]>> = {
  lowered: [
    (f) => `Lowered to ${f.agreed} from a mean self-assessment of ${f.mean}. Even the highest answers, from ${f.range?.highest}, were not borne out: ${f.evidence}.`,
  ],
  kept: [
    (f) => `Agreed at ${f.agreed}; the self-assessments average ${f.mean}, lowest at ${f.range?.lowest} and highest at ${f.range?.highest}. ${f.evidence}`,
  ],
  raised: [],
};

// Widely spread answers get a note that says so, whatever the verdict.
const spreadNote: Note = (f) =>
  `Answers were spread widely (${f.disagreeing}% disagree, ${f.agreeing}% agree, mean ${f.mean}), so the room talked it through. ${f.evidence} Agreed at ${f.agreed}.`;

export function workshopConsensus(
  framework: Framework,
  agencies: readonly DemoAgency[],
  { round, responses, answers }: DemoRoundRecords,
  random: SeededRandom,
): DemoConsensus[] {
  const agencyOfSubmitted = new Map(
    responses
      .filter((response) => response.status === 'submitted')
      .map((response) => [response.id, response.agencyId]),
  );
  const items = frameworkItems(framework);
  const consensus: DemoConsensus[] = [];
  for (const session of workshopSessions) {
    const agencyId = session.agency === null ? null : agencyIdOf(agencies, session.agency);
    const inScope = agencyId === null ? [...agencyOfSubmitted.values()] : [agencyId];
    const counts = answerCounts(answers, agencyOfSubmitted, new Set(inScope));
    const assessed = items
      .filter(({ dimension }) => dimension.code in session.evidence)
      .flatMap(({ item, dimension }) => {
        const scale = itemScale(framework, item);
        const ofAgencies = counts.get(item.code) ?? new Map<string, AnswerCount[]>();
        const statistics = itemStatistics(scale, [...ofAgencies.values()].flat());
        if (statistics.mean === null) return [];
        return [{ item, dimension, scale, statistics, mean: statistics.mean, ofAgencies }];
      });

    const verdicts = new Map<string, Verdict>();
    for (const dimensionCode of Object.keys(session.evidence)) {
      const ofDimension = assessed.filter(({ dimension }) => dimension.code === dimensionCode);
      const lowered = ofDimension
        .filter(({ scale, mean }) => lowerValue(scale, mean) !== undefined)
        .toSorted((a, b) => b.mean - a.mean)
        .slice(0, Math.max(1, Math.round(loweredShare * ofDimension.length)));
      for (const { item } of lowered) verdicts.set(item.code, 'lowered');
    }
    const raisable = assessed.filter(
      ({ item, scale, mean }) => !verdicts.has(item.code) && higherValue(scale, mean) !== undefined,
    );
    for (let raised = 0; raised < session.raised && raisable.length > 0; raised++) {
      const [pick] = raisable.splice(random.integer(0, raisable.length - 1), 1);
      if (pick) verdicts.set(pick.item.code, 'raised');
    }

    const takeNext = cycler(random);
    // The workshop starts at half past nine and takes a few minutes per item.
    let recordedAt =
      Date.parse(`${round.closesOn}T09:30:00Z`) + session.daysAfterClose * 24 * 60 * 60_000;
    for (const { item, dimension, scale, statistics, mean, ofAgencies } of assessed) {
      const verdict = verdicts.get(item.code) ?? 'kept';
      const value =
        verdict === 'lowered'
          ? lowerValue(scale, mean)
          : verdict === 'raised'
            ? higherValue(scale, mean)
            : nearestValue(scale, mean);
      if (value === undefined) throw new Error(`no value to agree for ${item.code}`);
      const range = agencyId === null ? agencyRange(scale, ofAgencies, agencies) : undefined;
      const facts: NoteFacts = {
        agreed: labelled(scale, value),
        mean: mean.toFixed(1),
        answers: statistics.answers,
        ...agreement(scale, statistics),
        evidence: takeNext(
          `${dimension.code}:${verdict}`,
          session.evidence[dimension.code]?.[verdict] ?? [],
        ),
        ...(range && { range }),
      };
      const choices = range
        ? [...notes[verdict], ...wholeOfGovernmentNotes[verdict]]
        : notes[verdict];
      const note =
        verdict === 'kept' && statistics.divergent
          ? spreadNote
          : takeNext(`note:${verdict}`, choices);
      recordedAt += random.integer(6, 15) * 60_000;
      consensus.push({
        id: random.uuid(),
        roundId: round.id,
        itemCode: item.code,
        agencyId,
        value,
        rationale: note(facts),
        recordedAt: new Date(recordedAt),
      });
    }
  }
  return consensus;
}

function agencyIdOf(agencies: readonly DemoAgency[], name: string): string {
  const agency = agencies.find((candidate) => candidate.name === name);
  if (!agency) throw new Error(`The demo has no agency named ${name}`);
  return agency.id;
}

/** Per item code and agency, how the submitted responses of the agencies in scope answered. */
function answerCounts(
  answers: DemoRoundRecords['answers'],
  agencyOfSubmitted: ReadonlyMap<string, string>,
  inScope: ReadonlySet<string>,
): Map<string, Map<string, AnswerCount[]>> {
  const counts = new Map<string, Map<string, Map<string, AnswerCount>>>();
  for (const answer of answers) {
    const agencyId = agencyOfSubmitted.get(answer.responseId);
    if (agencyId === undefined || !inScope.has(agencyId)) continue;
    const ofItem = counts.get(answer.itemCode) ?? new Map<string, Map<string, AnswerCount>>();
    counts.set(answer.itemCode, ofItem);
    const ofAgency = ofItem.get(agencyId) ?? new Map<string, AnswerCount>();
    ofItem.set(agencyId, ofAgency);
    const key = answer.notApplicable ? 'na' : String(answer.value);
    const count = ofAgency.get(key) ?? {
      value: answer.value,
      notApplicable: answer.notApplicable,
      count: 0,
    };
    count.count += 1;
    ofAgency.set(key, count);
  }
  return new Map(
    [...counts].map(([itemCode, ofItem]) => [
      itemCode,
      new Map([...ofItem].map(([agencyId, ofAgency]) => [agencyId, [...ofAgency.values()]])),
    ]),
  );
}

/** The agencies with the lowest and highest mean answer, among those with enough answers to quote. */
function agencyRange(
  scale: Scale,
  ofAgencies: ReadonlyMap<string, AnswerCount[]>,
  agencies: readonly DemoAgency[],
) {
  const quoted = [...ofAgencies].flatMap(([agencyId, counts]) => {
    const { answers, mean } = itemStatistics(scale, counts);
    const name = agencies.find((agency) => agency.id === agencyId)?.name;
    return mean === null || answers < fewestAnswersQuoted || name === undefined
      ? []
      : [{ name, mean }];
  });
  // Ties go to the agency first in name order, so the note does not depend on answer order.
  const ordered = quoted.toSorted((a, b) => a.mean - b.mean || a.name.localeCompare(b.name));
  const lowest = ordered.at(0);
  const highest = ordered.toSorted((a, b) => b.mean - a.mean || a.name.localeCompare(b.name)).at(0);
  if (!lowest || !highest || lowest === highest) return undefined;
  const quote = ({ name, mean }: { name: string; mean: number }) =>
    `the ${name} (${mean.toFixed(1)})`;
  return { lowest: quote(lowest), highest: quote(highest) };
}

function nearestValue(scale: Scale, mean: number): number | undefined {
  return scaleValues(scale).reduce<number | undefined>(
    (best, value) =>
      best === undefined || Math.abs(value - mean) < Math.abs(best - mean) ? value : best,
    undefined,
  );
}

/** The highest value a full point or more below the mean: what an optimistic claim comes down to. */
function lowerValue(scale: Scale, mean: number): number | undefined {
  return scaleValues(scale)
    .filter((value) => value <= mean - 1)
    .at(-1);
}

/** The value a step above the one nearest the mean. */
function higherValue(scale: Scale, mean: number): number | undefined {
  const nearest = nearestValue(scale, mean);
  return scaleValues(scale).find((value) => nearest !== undefined && value > nearest);
}

function labelled(scale: Scale, value: number): string {
  const label =
    scale.type === 'likert'
      ? scale.labels.find((candidate) => candidate.value === value)?.label.en
      : undefined;
  return label === undefined ? String(value) : `${value} (${label})`;
}

function agreement(scale: Scale, statistics: ItemStatistics) {
  const values = scaleValues(scale);
  const middle = (Math.min(...values) + Math.max(...values)) / 2;
  const share = (test: (value: number) => boolean) =>
    Math.round(
      (100 *
        statistics.counts
          .filter(({ value }) => test(value))
          .reduce((sum, { count }) => sum + count, 0)) /
        Math.max(1, statistics.answers),
    );
  return {
    agreeing: share((value) => value > middle),
    disagreeing: share((value) => value < middle),
  };
}

/** Takes the entries of each list in turn from a random start, so notes do not repeat one another. */
function cycler(random: SeededRandom) {
  const next = new Map<string, number>();
  return <T>(key: string, list: readonly T[]): T => {
    const index = next.get(key) ?? random.integer(0, Math.max(0, list.length - 1));
    next.set(key, index + 1);
    const entry = list[index % list.length];
    if (entry === undefined) throw new Error(`nothing to say for ${key}`);
    return entry;
  };
}
