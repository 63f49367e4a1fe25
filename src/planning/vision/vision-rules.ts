// The rules a vision's entries meet, for the forms and the API alike: the
// statement, principles (one of CEPA's with strategies of its own, or written
// by the team), goals with their links to the SDGs and to the evidence they
// answer, and priorities under a goal.
import { findCepaPrinciple } from './cepa-principles.ts';
import { findSdgGoal, findSdgTarget, goalOfTarget } from './sdg-goals.ts';

export const STATEMENT_MAX = 2000;
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 4000;
export const PRIORITY_MAX = 500;
/** More links than this on one goal is a paste, not a choice. */
export const LINKS_MAX = 200;

export const priorityTerms = ['short', 'long'] as const;
export type PriorityTerm = (typeof priorityTerms)[number];

/** One thing wrong with one field; `rule` names a message `vision.error.<rule>`. */
export interface VisionProblem {
  field: string;
  rule: string;
  values?: Record<string, string | number>;
}

export type Checked<T> =
  | { fields: T; problems: [] }
  | { fields?: undefined; problems: VisionProblem[] };

const tidy = (text: string | undefined) => (text ?? '').trim().replace(/[ \t]+/g, ' ');

function checkText(
  problems: VisionProblem[],
  field: string,
  raw: string | undefined,
  max: number,
  required: boolean,
): string {
  const text = tidy(raw);
  if (required && !text) problems.push({ field, rule: 'missing' });
  else if (text.length > max) problems.push({ field, rule: 'tooLong', values: { max } });
  return text;
}

const done = <T>(problems: VisionProblem[], fields: T): Checked<T> =>
  problems.length > 0 ? { problems } : { fields, problems: [] };

export function checkStatement(raw: {
  statement?: string | undefined;
}): Checked<{ statement: string }> {
  const problems: VisionProblem[] = [];
  const statement = checkText(problems, 'statement', raw.statement, STATEMENT_MAX, false);
  return done(problems, { statement });
}

export interface PrincipleFields {
  /** One of CEPA's principles; null for one the team wrote. */
  cepaKey: string | null;
  /** The team's own title; null for one of CEPA's, whose name comes from the reference data. */
  title: string | null;
  description: string;
  strategyNumbers: number[];
}

export interface RawPrincipleFields {
  cepaKey?: string | null | undefined;
  title?: string | null | undefined;
  description?: string | undefined;
  strategyNumbers?: readonly (string | number)[] | undefined;
}

/** Checks a principle; `taken` are the CEPA principles the plan already holds (besides this one). */
export function checkPrinciple(
  raw: RawPrincipleFields,
  taken: ReadonlySet<string>,
): Checked<PrincipleFields> {
  const problems: VisionProblem[] = [];
  const description = checkText(problems, 'description', raw.description, DESCRIPTION_MAX, false);
  const cepaKey = tidy(raw.cepaKey ?? '') || null;
  const strategies = [...new Set((raw.strategyNumbers ?? []).map((value) => Number(value)))];
  if (cepaKey) {
    const principle = findCepaPrinciple(cepaKey);
    if (!principle) problems.push({ field: 'cepaKey', rule: 'principleUnknown' });
    else if (taken.has(cepaKey)) problems.push({ field: 'cepaKey', rule: 'principleTaken' });
    if (tidy(raw.title ?? '')) problems.push({ field: 'title', rule: 'titleWithCepa' });
    const own = new Set(principle?.strategies.map((strategy) => strategy.number));
    if (principle && strategies.some((number) => !own.has(number)))
      problems.push({ field: 'strategyNumbers', rule: 'strategyUnknown' });
    return done(problems, {
      cepaKey,
      title: null,
      description,
      strategyNumbers: strategies.sort((a, b) => a - b),
    });
  }
  const title = checkText(problems, 'title', raw.title ?? '', TITLE_MAX, true);
  if (strategies.length > 0) problems.push({ field: 'strategyNumbers', rule: 'strategiesOwn' });
  return done(problems, { cepaKey: null, title, description, strategyNumbers: [] });
}

export interface GoalFields {
  title: string;
  description: string;
  sdgGoals: number[];
  sdgTargets: string[];
  subdimensionCodes: string[];
  recommendationCodes: string[];
  swotEntryIds: string[];
}

export interface RawGoalFields {
  title?: string | undefined;
  description?: string | undefined;
  sdgGoals?: readonly (string | number)[] | undefined;
  sdgTargets?: readonly string[] | undefined;
  subdimensionCodes?: readonly string[] | undefined;
  recommendationCodes?: readonly string[] | undefined;
  swotEntryIds?: readonly string[] | undefined;
}

/** What a goal may link to besides the SDGs: the codes of the baseline's framework and the plan's SWOT entries. */
export interface GoalEvidence {
  subdimensionCodes: ReadonlySet<string>;
  recommendationCodes: ReadonlySet<string>;
  swotEntryIds: ReadonlySet<string>;
}

export function checkGoal(raw: RawGoalFields, evidence: GoalEvidence): Checked<GoalFields> {
  const problems: VisionProblem[] = [];
  const title = checkText(problems, 'title', raw.title, TITLE_MAX, true);
  const description = checkText(problems, 'description', raw.description, DESCRIPTION_MAX, false);
  const unique = <T>(values: readonly T[] | undefined) => [...new Set(values ?? [])];
  const sdgGoals = unique((raw.sdgGoals ?? []).map((value) => Number(value))).sort((a, b) => a - b);
  const sdgTargets = unique(raw.sdgTargets);
  const lists = {
    sdgGoals,
    sdgTargets,
    subdimensionCodes: unique(raw.subdimensionCodes),
    recommendationCodes: unique(raw.recommendationCodes),
    swotEntryIds: unique(raw.swotEntryIds),
  };
  for (const [field, values] of Object.entries(lists))
    if (values.length > LINKS_MAX)
      problems.push({ field, rule: 'tooMany', values: { max: LINKS_MAX } });
  if (sdgGoals.some((number) => !findSdgGoal(number)))
    problems.push({ field: 'sdgGoals', rule: 'sdgUnknown' });
  const unknownTarget = sdgTargets.find((code) => !findSdgTarget(code));
  const orphan = sdgTargets.find((code) => !sdgGoals.includes(goalOfTarget(code)));
  if (unknownTarget)
    problems.push({ field: 'sdgTargets', rule: 'targetUnknown', values: { code: unknownTarget } });
  else if (orphan)
    problems.push({
      field: 'sdgTargets',
      rule: 'targetGoalNotChosen',
      values: { code: orphan, goal: goalOfTarget(orphan) },
    });
  const outside = (values: string[], known: ReadonlySet<string>) =>
    values.some((value) => !known.has(value));
  if (outside(lists.subdimensionCodes, evidence.subdimensionCodes))
    problems.push({ field: 'subdimensionCodes', rule: 'subdimensionUnknown' });
  if (outside(lists.recommendationCodes, evidence.recommendationCodes))
    problems.push({ field: 'recommendationCodes', rule: 'recommendationUnknown' });
  if (outside(lists.swotEntryIds, evidence.swotEntryIds))
    problems.push({ field: 'swotEntryIds', rule: 'swotUnknown' });
  return done(problems, { title, description, ...lists });
}

export interface PriorityFields {
  text: string;
  term: PriorityTerm;
}

export function checkPriority(raw: {
  text?: string | undefined;
  term?: string | undefined;
}): Checked<PriorityFields> {
  const problems: VisionProblem[] = [];
  const text = checkText(problems, 'text', raw.text, PRIORITY_MAX, true);
  const term = priorityTerms.find((candidate) => candidate === raw.term);
  if (!term) problems.push({ field: 'term', rule: 'termUnknown' });
  return term ? done(problems, { text, term }) : { problems };
}
