// An attacker of small-number protection, for the tests: reads every total
// the results publish (every filter of level and sector, as each page, export
// and API answer gets it from selectResults), subtracts the agencies shown,
// and combines what is left to solve for hidden agencies' scores: by
// subtraction (one agency left), by a total's mean and spread (two agencies:
// their sum and sum of squares), and by agency means against the pooled
// counts of answers (two agencies: their sum, and how many answers gave what).
// It is told which hidden agencies have a value at each node, which a real
// reader can only guess: the worst case. Written apart from the protection's
// own code, so that a mistake there shows up here as numbers recovered.
// Other views of the results (a crosswalk's reading) add their numbers as
// further equations: a view publishes numbers about each total and each
// shown agency, and the attacker solves for hidden agencies' own numbers.
import {
  type AgencyFilter,
  displayableFilters,
  matchesFilter,
} from '../src/assessment/results/protection/disclosure.ts';
import type { ItemScore, Score, ScoreTree } from '../src/assessment/results/scoring/scoring.ts';
import {
  disclosureOf,
  type ResultsSelection,
  type RoundAgencies,
  selectResults,
} from '../src/assessment/results/store/results-selection.ts';

export interface Recovery {
  agencyId: string;
  /** A node of the framework, or a view's key (`view:key`). */
  node: string;
  truth: number;
  guess: number;
  attack: 'subtraction' | 'mean and spread' | 'means and counts';
}

/** How close a guess must come to count as recovered. */
export const RECOVERED_WITHIN = 0.05;

interface Node {
  key: string;
  of: (tree: ScoreTree) => Score;
}

function nodesOf(round: RoundAgencies): Node[] {
  const nodes: Node[] = [{ key: 'overall', of: (tree) => tree }];
  round.framework.dimensions.forEach((dimension, d) => {
    const dimensionOf = (tree: ScoreTree) => tree.dimensions[d] as ScoreTree['dimensions'][0];
    nodes.push({ key: dimension.code, of: dimensionOf });
    dimension.subdimensions.forEach((subdimension, s) => {
      const subdimensionOf = (tree: ScoreTree) =>
        dimensionOf(tree).subdimensions[s] as ScoreTree['dimensions'][0]['subdimensions'][0];
      nodes.push({ key: subdimension.code, of: subdimensionOf });
      subdimension.items.forEach((item, i) => {
        nodes.push({ key: item.code, of: (tree) => subdimensionOf(tree).items[i] as ItemScore });
      });
    });
  });
  return nodes;
}

/** One published total at one node, less the agencies shown: equations about hidden agencies. */
interface Equation {
  /** The hidden agencies with a value here, inside the total. */
  members: string[];
  sum: number;
  squares: number;
  /** Answers with a value, and the sum of their values (items only, from the pooled counts). */
  answers?: number;
  answerSum?: number;
}

const countsOf = (score: Score) => (score as Partial<ItemScore>).counts;

function equationOf(
  selection: ResultsSelection,
  node: Node,
  hiddenWithValue: (agencyId: string) => boolean,
  hiddenIds: readonly string[],
): Equation | undefined {
  const total = selection.total && node.of(selection.total);
  if (total?.value === undefined || total.spread === undefined) return undefined;
  const k = total.agencies;
  let sum = total.value * k;
  let squares = (total.spread ** 2 + total.value ** 2) * k;
  let answers = 0;
  let answerSum = 0;
  const pooled = selection.pooled && countsOf(node.of(selection.pooled));
  for (const { value, count } of pooled ?? []) {
    answers += count;
    answerSum += value * count;
  }
  for (const { tree } of selection.shown) {
    const score = node.of(tree);
    if (score.value === undefined) continue;
    sum -= score.value;
    squares -= score.value ** 2;
    for (const { value, count } of countsOf(score) ?? []) {
      answers -= count;
      answerSum -= value * count;
    }
  }
  const members = hiddenIds.filter(
    (id) =>
      hiddenWithValue(id) &&
      selection.shown.every(({ agency }) => agency.id !== id) &&
      inFilter(selection, id),
  );
  if (members.length === 0) return undefined;
  return pooled
    ? { members, sum, squares, answers: Math.round(answers), answerSum: Math.round(answerSum) }
    : { members, sum, squares };
}

const filterMembers = new WeakMap<ResultsSelection, Set<string>>();
function inFilter(selection: ResultsSelection, id: string) {
  return filterMembers.get(selection)?.has(id) ?? false;
}

/** Numbers a view publishes, by key; undefined where it publishes no number. */
export type Published = ReadonlyMap<string, number | undefined>;

/** Another view of the results whose numbers the attacker reads as well. */
export interface PublishedView {
  name: string;
  /** What the view publishes for one selection: its total's numbers and each shown agency's, by agency id. */
  publish(selection: ResultsSelection): {
    total: Published | undefined;
    agencies: ReadonlyMap<string, Published>;
  };
  /** An agency's own numbers, as the view would publish them were it shown: what the attacker is after. */
  truth(tree: ScoreTree): Published;
}

/**
 * Every hidden agency's score that the published totals give away, on every
 * node, and every number of theirs the `views` give away.
 */
export function attack(
  round: RoundAgencies,
  threshold: number,
  views: readonly PublishedView[] = [],
): Recovery[] {
  const disclosure = disclosureOf(round, threshold);
  const answering = round.agencies.filter(
    (agency) => (round.trees.get(agency.id)?.respondents ?? 0) > 0,
  );
  const selections = displayableFilters(
    answering.map((agency) => ({ ...agency, respondents: 1 })),
  ).map((filter: AgencyFilter) => {
    const selection = selectResults(round, disclosure, filter);
    filterMembers.set(
      selection,
      new Set(answering.filter((agency) => matchesFilter(agency, filter)).map((a) => a.id)),
    );
    return selection;
  });
  const shownIds = new Set(selections.flatMap((s) => s.shown.map(({ agency }) => agency.id)));
  const hiddenIds = answering.map((agency) => agency.id).filter((id) => !shownIds.has(id));
  if (hiddenIds.length === 0) return [];

  const recoveries: Recovery[] = [];
  const combinations = new Map<string, Combination[]>();
  for (const node of nodesOf(round)) {
    const truthOf = (id: string) => {
      const tree = round.trees.get(id);
      return tree && node.of(tree).value;
    };
    const withValue = (id: string) => truthOf(id) !== undefined;
    const equations = selections.flatMap(
      (selection) => equationOf(selection, node, withValue, hiddenIds) ?? [],
    );
    const columns = hiddenIds.filter(withValue);
    for (const found of solve(equations, columns, combinations)) {
      const truth = truthOf(found.agencyId);
      if (truth === undefined) continue;
      const guess = found.candidates.find(
        (candidate) => Math.abs(candidate - truth) <= RECOVERED_WITHIN,
      );
      if (guess !== undefined)
        recoveries.push({
          agencyId: found.agencyId,
          node: node.key,
          truth,
          guess,
          attack: found.attack,
        });
    }
  }
  for (const view of views)
    recoveries.push(...attackView(round, view, selections, hiddenIds, combinations));
  return recoveries;
}

/**
 * A view's total at one key, less the shown agencies' numbers, is the sum of
 * the hidden agencies' numbers there (the total being the mean over the
 * agencies with a number, as a mean of means is when every agency has every
 * part); with no spread published, only subtraction is tried.
 */
function attackView(
  round: RoundAgencies,
  view: PublishedView,
  selections: readonly ResultsSelection[],
  hiddenIds: readonly string[],
  combinations: Map<string, Combination[]>,
): Recovery[] {
  const truths = new Map(
    hiddenIds.map((id) => {
      const tree = round.trees.get(id);
      return [id, tree ? view.truth(tree) : new Map<string, number | undefined>()] as const;
    }),
  );
  const published = selections.map((selection) => ({ selection, ...view.publish(selection) }));
  const keys = new Set<string>();
  for (const truth of truths.values()) for (const key of truth.keys()) keys.add(key);
  const recoveries: Recovery[] = [];
  for (const key of keys) {
    const withValue = (id: string) => truths.get(id)?.get(key) !== undefined;
    const equations = published.flatMap(({ selection, total, agencies }) => {
      const value = total?.get(key);
      if (value === undefined) return [];
      const members = hiddenIds.filter((id) => withValue(id) && inFilter(selection, id));
      if (members.length === 0) return [];
      let sum = 0;
      let count = members.length;
      for (const numbers of agencies.values()) {
        const shown = numbers.get(key);
        if (shown === undefined) continue;
        sum -= shown;
        count += 1;
      }
      return [{ members, sum: sum + value * count, squares: Number.NaN }];
    });
    const columns = hiddenIds.filter(withValue);
    for (const found of solve(equations, columns, combinations)) {
      const truth = truths.get(found.agencyId)?.get(key);
      if (truth === undefined) continue;
      const guess = found.candidates.find(
        (candidate) => Math.abs(candidate - truth) <= RECOVERED_WITHIN,
      );
      if (guess !== undefined)
        recoveries.push({
          agencyId: found.agencyId,
          node: `${view.name}:${key}`,
          truth,
          guess,
          attack: found.attack,
        });
    }
  }
  return recoveries;
}

interface Found {
  agencyId: string;
  candidates: number[];
  attack: Recovery['attack'];
}

const TOLERANCE = 1e-7;

/** Weights of the equations that add up to an equation about the `target` agencies only. */
interface Combination {
  target: number[];
  weights: number[];
}

/**
 * Combines the equations into ones about one or two agencies, then solves
 * them. Which combinations exist depends only on which agencies each
 * equation holds, the same at many nodes: `known` keeps them by that pattern.
 */
function solve(
  equations: readonly Equation[],
  columns: readonly string[],
  known: Map<string, Combination[]>,
): Found[] {
  const index = new Map(columns.map((id, i) => [id, i]));
  // One equation per set of agencies: another over the same set says the same.
  const bySet = new Map<string, { row: number[]; equation: Equation }>();
  for (const equation of equations) {
    const row = new Array<number>(columns.length).fill(0);
    for (const id of equation.members) row[index.get(id) ?? 0] = 1;
    const key = row.join('');
    if (!bySet.has(key)) bySet.set(key, { row, equation });
  }
  const unique = [...bySet.values()];
  if (unique.length === 0) return [];
  const pattern = [...bySet.keys()].join('|');
  const combinations = known.get(pattern) ?? combinationsOf(unique.map(({ row }) => row));
  known.set(pattern, combinations);

  const found: Found[] = [];
  for (const { target, weights } of combinations) {
    const weigh = (pick: (equation: Equation) => number | undefined) =>
      unique.reduce((total, { equation }, r) => {
        const weight = weights[r] ?? 0;
        return weight === 0 ? total : total + weight * (pick(equation) ?? Number.NaN);
      }, 0);
    const coefficient = (column: number) =>
      unique.reduce((total, { row }, r) => total + (weights[r] ?? 0) * (row[column] ?? 0), 0);
    const [i, j] = target as [number, number | undefined];
    const a = coefficient(i);
    const b = j === undefined ? 0 : coefficient(j);
    const sum = weigh((equation) => equation.sum);
    const squares = weigh((equation) => equation.squares);
    if (Math.abs(b) <= TOLERANCE && Math.abs(a) > TOLERANCE) {
      found.push({ agencyId: columns[i] ?? '', candidates: [sum / a], attack: 'subtraction' });
      continue;
    }
    if (j === undefined || Math.abs(a) <= TOLERANCE) continue;
    // a·x + b·y = sum and a·x² + b·y² = squares: y = (sum − a·x) / b.
    const qa = a + (a * a) / b;
    const qb = (-2 * a * sum) / b;
    const qc = (sum * sum) / b - squares;
    const discriminant = Math.max(0, qb * qb - 4 * qa * qc);
    if (Math.abs(qa) > TOLERANCE) {
      const root = Math.sqrt(discriminant);
      const xs = [(-qb + root) / (2 * qa), (-qb - root) / (2 * qa)];
      found.push({ agencyId: columns[i] ?? '', candidates: xs, attack: 'mean and spread' });
      found.push({
        agencyId: columns[j] ?? '',
        candidates: xs.map((x) => (sum - a * x) / b),
        attack: 'mean and spread',
      });
    }
    const answers = weigh((equation) => equation.answers);
    const answerSum = weigh((equation) => equation.answerSum);
    if (Math.abs(a - b) > TOLERANCE || !Number.isFinite(answers)) continue;
    // x + y = s; nx·x + ny·y = answerSum; nx + ny = answers (scaled by a): try every split.
    const s = sum / a;
    const total = Math.round(answers / a);
    const valueSum = answerSum / a;
    const xs: number[] = [];
    const whole = (v: number) => Math.abs(v - Math.round(v)) < 1e-6;
    for (let nx = 1; nx < total; nx++) {
      const ny = total - nx;
      if (nx === ny) continue;
      const x = (valueSum - ny * s) / (nx - ny);
      const y = s - x;
      if (x > 0 && y > 0 && whole(nx * x) && whole(ny * y)) xs.push(x);
    }
    if (xs.length > 0 && xs.length <= 2) {
      found.push({ agencyId: columns[i] ?? '', candidates: xs, attack: 'means and counts' });
      found.push({
        agencyId: columns[j] ?? '',
        candidates: xs.map((x) => s - x),
        attack: 'means and counts',
      });
    }
  }
  return found;
}

/** For each agency and each pair of agencies, a combination of the rows about them alone, if any. */
function combinationsOf(rows: readonly number[][]): Combination[] {
  const width = rows[0]?.length ?? 0;
  // Each row carries the identity after it, so that what it ends as says how it was made.
  const tracked = rows.map((row, r) => [...row, ...rows.map((_, k) => (k === r ? 1 : 0))]);
  const combinations: Combination[] = [];
  for (let i = 0; i < width; i++)
    for (let j = i; j < width; j++) {
      const target = i === j ? [i] : [i, j];
      const row = eliminateAllBut(tracked, width, target);
      if (row) combinations.push({ target, weights: row.slice(width) });
    }
  return combinations;
}

/**
 * A combination of the rows whose coefficients are zero outside `keep` and
 * not all zero inside it, or undefined: Gaussian elimination of every other
 * column, the rest of each row carried along.
 */
function eliminateAllBut(
  rows: readonly number[][],
  width: number,
  keep: readonly number[],
): number[] | undefined {
  let remaining = rows.map((row) => [...row]);
  for (let column = 0; column < width; column++) {
    if (keep.includes(column)) continue;
    const pivotIndex = remaining.findIndex((row) => Math.abs(row[column] ?? 0) > TOLERANCE);
    if (pivotIndex === -1) continue;
    const pivot = remaining[pivotIndex] as number[];
    remaining = remaining
      .filter((_, k) => k !== pivotIndex)
      .map((row) => {
        const factor = (row[column] ?? 0) / (pivot[column] ?? 1);
        return Math.abs(factor) > TOLERANCE
          ? row.map((value, c) => value - factor * (pivot[c] ?? 0))
          : row;
      });
  }
  return remaining.find((row) => keep.some((column) => Math.abs(row[column] ?? 0) > TOLERANCE));
}
