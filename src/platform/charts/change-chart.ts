// Change between two rounds: for each category (a dimension, an agency), the
// earlier score as a hollow bar above the later one, solid, which is labelled
// with its score and the change.
import { horizontalBars } from './bar-chart.ts';
import type { ChartFrame, ChartSeries, ScoreScale } from './chart-input.ts';

export interface ChangeChartInput extends ChartFrame {
  /** The rows, top to bottom. */
  categories: string[];
  /** Named for its round, e.g. "2024". */
  earlier: ChartSeries;
  later: ChartSeries;
  scale: ScoreScale;
}

export function changeChart(input: ChangeChartInput): string {
  const { earlier, later, formatNumber } = input;
  return horizontalBars(
    {
      ...input,
      series: [earlier, later],
      valueLabel: (value, seriesIndex, categoryIndex) => {
        const before = earlier.values[categoryIndex];
        if (seriesIndex === 0 || before === undefined) return formatNumber(value);
        const change = value - before;
        return `${formatNumber(value)} (${change > 0 ? '+' : ''}${formatNumber(change)})`;
      },
    },
    0,
  );
}
