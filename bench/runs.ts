// A load run several times: each figure is the median run's value, with the
// worst run's beside it (`<name>_max` for a time, `<name>_min` for a rate), so
// that one noisy run on a shared machine decides no figure, and a spread
// between the two says how far to trust it.
import type { Figure } from './page-weight.ts';

export interface RunFigure extends Figure {
  /** Whether a higher value is better (a rate) or worse (a time). */
  better: 'higher' | 'lower';
}

/** How many times each load runs: BENCH_RUNS, 5 unless set. */
export const benchRuns = Math.max(1, Number(process.env.BENCH_RUNS ?? 5) || 5);

export async function medianOfRuns(
  runs: number,
  run: (index: number) => Promise<RunFigure[]>,
): Promise<Figure[]> {
  const results: RunFigure[][] = [];
  for (let index = 0; index < runs; index++) results.push(await run(index));
  const first = results[0] ?? [];
  return first.flatMap(({ name, unit, better }) => {
    const values = results
      .map((figures) => figures.find((figure) => figure.name === name)?.value)
      .filter((value): value is number => value !== undefined)
      .sort((a, b) => a - b);
    const median = values[Math.floor((values.length - 1) / 2)] ?? Number.NaN;
    const worst = better === 'higher' ? values[0] : values[values.length - 1];
    return [
      { name, value: median, unit },
      { name: `${name}_${better === 'higher' ? 'min' : 'max'}`, value: worst ?? Number.NaN, unit },
    ];
  });
}

/** The value below which `share` of the sorted values lie (nearest rank). */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(share * sorted.length)));
  return sorted[rank - 1] as number;
}

/** Milliseconds to one decimal, as figures print them. */
export const roundMs = (ms: number) => Math.round(ms * 10) / 10;
