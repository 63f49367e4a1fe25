// Charts drawn once and kept for the next page that shows the same data. A
// chart is a function of its input (the same bytes for the same data, see
// render-chart.ts), and drawing it with echarts is the dearest part of a page:
// the heatmap of the results agencies page (38 agencies × 30 sub-dimensions)
// takes ~35 ms, about half of the page, while its input is read and compared
// in well under a millisecond. The results of a closed round, and of an open
// one between saves, draw the same charts page after page.
import type { ChartFrame } from './chart-input.ts';

// A few dozen charts (a round's pages, in each language, filtered a few ways)
// of at most a few hundred KB each.
const capacity = 48;

/**
 * `draw`, remembered by its input: for inputs whose only function is
 * `formatNumber`, which depends on the reader's language and the chart's
 * number of decimals only, and so is known by what it makes of a few numbers.
 */
export function cachedChart<Input extends ChartFrame>(
  draw: (input: Input) => string,
): (input: Input) => string {
  // Least recently used first: a Map keeps the order in which keys were set.
  const drawn = new Map<string, string>();
  return (input) => {
    const key = JSON.stringify([numberFormatOf(input.formatNumber), input]);
    const kept = drawn.get(key);
    if (kept !== undefined) {
      drawn.delete(key);
      drawn.set(key, kept);
      return kept;
    }
    const svg = draw(input);
    drawn.set(key, svg);
    if (drawn.size > capacity) drawn.delete(drawn.keys().next().value as string);
    return svg;
  };
}

// Digits on both sides of the point, a thousands separator, a sign.
const samples = [1234567.891234, -0.5];

function numberFormatOf(format: (value: number) => string): string[] {
  return samples.map(format);
}
