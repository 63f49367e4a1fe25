// Prioritisation (seed 002 chapter 7): each member scores an initiative from 1
// to 5 on weighted criteria of value and of feasibility; an initiative's value
// and feasibility are the means of the members' weighted scores, shown with
// their spread, placed on the value × feasibility matrix and ranked. Pure.

export const axes = ['value', 'feasibility'] as const;
export type Axis = (typeof axes)[number];

export interface Criterion {
  key: string;
  axis: Axis;
  /** The workspace's own words; null for a default criterion, labelled from the catalogue. */
  label: string | null;
  weight: number;
}

/**
 * Value and feasibility, and the other criteria the seed names (people left
 * behind, trust and transparency, learning, culture, time to results) as parts of them.
 */
export const defaultCriteria: readonly Criterion[] = [
  { key: 'public_value', axis: 'value', label: null, weight: 3 },
  { key: 'left_behind', axis: 'value', label: null, weight: 2 },
  { key: 'trust', axis: 'value', label: null, weight: 1 },
  { key: 'learning', axis: 'value', label: null, weight: 1 },
  { key: 'culture', axis: 'value', label: null, weight: 1 },
  { key: 'cost', axis: 'feasibility', label: null, weight: 2 },
  { key: 'capacity', axis: 'feasibility', label: null, weight: 2 },
  { key: 'readiness', axis: 'feasibility', label: null, weight: 1 },
  { key: 'timeframe', axis: 'feasibility', label: null, weight: 1 },
];

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
/** The matrix's dividing line: the middle of the 1–5 scale. */
export const MIDPOINT = 3;

/** One member's scores of one initiative, by criterion key. */
export type ScoreSheet = ReadonlyMap<string, number>;

export interface AxisScore {
  /** Mean of the members' weighted scores. */
  mean: number;
  /** Lowest and highest member's score: how far the team agrees. */
  min: number;
  max: number;
  /** Population standard deviation of the members' scores. */
  deviation: number;
  /** Members who scored at least one criterion of this axis. */
  scorers: number;
}

export interface Priority {
  value: AxisScore | undefined;
  feasibility: AxisScore | undefined;
  quadrant: Quadrant | undefined;
}

export const quadrants = ['do_first', 'plan_carefully', 'quick_wins', 'reconsider'] as const;
export type Quadrant = (typeof quadrants)[number];

/** One member's score on an axis: the weighted mean of the criteria they scored. */
export function sheetScore(
  criteria: readonly Criterion[],
  sheet: ScoreSheet,
  axis: Axis,
): number | undefined {
  let weights = 0;
  let sum = 0;
  for (const criterion of criteria) {
    const score = sheet.get(criterion.key);
    if (criterion.axis !== axis || score === undefined) continue;
    weights += criterion.weight;
    sum += criterion.weight * score;
  }
  return weights > 0 ? sum / weights : undefined;
}

function axisScore(
  criteria: readonly Criterion[],
  sheets: readonly ScoreSheet[],
  axis: Axis,
): AxisScore | undefined {
  const scores = sheets
    .map((sheet) => sheetScore(criteria, sheet, axis))
    .filter((score): score is number => score !== undefined);
  if (scores.length === 0) return undefined;
  const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
  const variance = scores.reduce((sum, score) => sum + (score - mean) ** 2, 0) / scores.length;
  return {
    mean,
    min: Math.min(...scores),
    max: Math.max(...scores),
    deviation: Math.sqrt(variance),
    scorers: scores.length,
  };
}

/**
 * High value and feasibility: do first (where the seed says most value lies);
 * high value, hard: plan carefully; easy, low value: quick wins; neither: reconsider.
 */
export function quadrantOf(value: number, feasibility: number): Quadrant {
  if (value >= MIDPOINT) return feasibility >= MIDPOINT ? 'do_first' : 'plan_carefully';
  return feasibility >= MIDPOINT ? 'quick_wins' : 'reconsider';
}

export function priorityOf(
  criteria: readonly Criterion[],
  sheets: readonly ScoreSheet[],
): Priority {
  const value = axisScore(criteria, sheets, 'value');
  const feasibility = axisScore(criteria, sheets, 'feasibility');
  return {
    value,
    feasibility,
    quadrant: value && feasibility ? quadrantOf(value.mean, feasibility.mean) : undefined,
  };
}

/**
 * Highest value × feasibility first; a tie goes to the higher value; then by
 * title, so the order never depends on storage. Initiatives not scored on
 * both axes come last, by title.
 */
export function rankByPriority<T extends { title: string; priority: Priority }>(
  items: readonly T[],
): T[] {
  const product = (item: T) =>
    item.priority.value && item.priority.feasibility
      ? item.priority.value.mean * item.priority.feasibility.mean
      : -1;
  return [...items].sort(
    (a, b) =>
      product(b) - product(a) ||
      (b.priority.value?.mean ?? 0) - (a.priority.value?.mean ?? 0) ||
      a.title.localeCompare(b.title),
  );
}
