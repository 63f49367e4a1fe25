// The distribution of answers: for each item, a bar split by how many
// respondents gave each answer, from the scale's lowest to its highest, then
// "not applicable".
import type { BarSeriesOption } from 'echarts';
import {
  lineColour,
  mutedTextColour,
  outsideScaleColour,
  sequentialColour,
  textColour,
  textColourOn,
} from './chart-colours.ts';
import type { ChartFrame } from './chart-input.ts';
import { renderChart } from './render-chart.ts';

export interface AnswerCounts {
  /** The answer as respondents saw it, e.g. "1 Strongly disagree" or "Not applicable". */
  label: string;
  /** Respondents giving this answer, one count per item, in the items' order. */
  counts: number[];
  /** True for an answer outside the scale ("not applicable"): grey, not a colour of the scale. */
  outsideScale?: boolean;
}

export interface DistributionChartInput extends ChartFrame {
  /** The bars, top to bottom, e.g. item codes. */
  items: string[];
  /** The answers in the scale's order, lowest first; those outside the scale last. */
  answers: AnswerCounts[];
}

const barHeight = 20;
const rowHeight = 32;
const labelWidth = 120;
const legendHeight = 28;
// A count is written inside its segment when the segment is at least this wide.
const minSegmentWidthForCount = 22;

export function distributionChart(input: DistributionChartInput): string {
  const width = input.width ?? 640;
  const legendRows = Math.ceil(input.answers.length / 3);
  const height = input.height ?? input.items.length * rowHeight + 40 + legendRows * legendHeight;
  const gridLeft = labelWidth + 12;
  const gridRight = 24;
  const totals = input.items.map((_, item) =>
    input.answers.reduce((sum, answer) => sum + (answer.counts[item] ?? 0), 0),
  );
  const largestTotal = Math.max(1, ...totals);
  const pixelsPerAnswer = (width - gridLeft - gridRight) / largestTotal;
  const onScale = input.answers.filter((answer) => !answer.outsideScale).length;

  // Colours follow the scale's order on viridis, so the stack reads low to
  // high; the stack's order and the counts written in it carry it without colour.
  const series: BarSeriesOption[] = input.answers.map((answer, index) => {
    const colour = answer.outsideScale
      ? outsideScaleColour
      : sequentialColour(onScale > 1 ? index / (onScale - 1) : 0);
    return {
      type: 'bar',
      name: answer.label,
      stack: 'answers',
      barWidth: barHeight,
      itemStyle: { color: colour, borderColor: '#ffffff', borderWidth: 1 },
      label: {
        show: true,
        position: 'inside',
        color: textColourOn(colour),
        formatter: ({ value }) => input.formatNumber(Number(value)),
      },
      data: input.items.map((_, item) => {
        const count = answer.counts[item] ?? 0;
        return {
          value: count,
          label: { show: count > 0 && count * pixelsPerAnswer >= minSegmentWidthForCount },
        };
      }),
    };
  });
  return renderChart(
    { ...input, width, height },
    {
      legend: {
        top: 0,
        left: 12,
        itemWidth: 20,
        itemHeight: 14,
        textStyle: { color: textColour },
        data: input.answers.map((answer) => answer.label),
      },
      grid: {
        top: legendRows * legendHeight + 8,
        bottom: 28,
        left: gridLeft,
        right: gridRight,
      },
      xAxis: {
        type: 'value',
        max: largestTotal,
        minInterval: 1,
        axisLabel: {
          color: mutedTextColour,
          formatter: (value: number) => input.formatNumber(value),
        },
        splitLine: { lineStyle: { color: lineColour } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: input.items,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: lineColour } },
        axisLabel: { color: textColour, width: labelWidth, overflow: 'break' },
      },
      series,
    },
  );
}
