// Horizontal bars of scores, one row per named thing (sub-dimensions, items,
// agencies) in the caller's order, with an optional second series to compare.
import type { BarSeriesOption } from 'echarts';
import { lineColour, mutedTextColour, seriesColours, textColour } from './chart-colours.ts';
import type { ChartFrame, ChartSeries, ScoreScale } from './chart-input.ts';
import { renderChart } from './render-chart.ts';

export interface BarChartInput extends ChartFrame {
  /** The rows, top to bottom. */
  categories: string[];
  /** The first series is drawn solid; a second, for comparison, hollow. */
  series: [ChartSeries] | [ChartSeries, ChartSeries];
  scale: ScoreScale;
  /** The text after a value at the end of its bar; the formatted value when absent. */
  valueLabel?: (value: number, seriesIndex: number, categoryIndex: number) => string;
}

const barHeight = 14;
const legendHeight = 28;
const labelWidth = 180;

export function barChart(input: BarChartInput): string {
  return horizontalBars(input, 1);
}

/** The bars, with the series at `hollowSeries` drawn as outlines. */
export function horizontalBars(input: BarChartInput, hollowSeries: number): string {
  const seriesCount = input.series.length;
  const rowHeight = seriesCount * barHeight + 14;
  const hasLegend = seriesCount > 1;
  const height =
    input.height ?? input.categories.length * rowHeight + 40 + (hasLegend ? legendHeight : 0);
  const series: BarSeriesOption[] = input.series.map((bars, seriesIndex) => {
    // The solid series takes the first colour, the hollow one the second; solid
    // against hollow tells them apart without their colours.
    const hollow = seriesIndex === hollowSeries;
    const colour = seriesColours[hollow ? 1 : 0];
    const itemStyle = hollow
      ? { color: '#ffffff', borderColor: colour, borderWidth: 2 }
      : { color: colour };
    return {
      type: 'bar',
      name: bars.name,
      barWidth: barHeight,
      barGap: '20%',
      itemStyle,
      label: {
        show: true,
        position: 'right',
        color: textColour,
        formatter: ({ value, dataIndex }) =>
          input.valueLabel
            ? input.valueLabel(Number(value), seriesIndex, dataIndex)
            : input.formatNumber(Number(value)),
      },
      data: input.categories.map((_, index) => bars.values[index] ?? '-'),
    };
  });
  return renderChart(
    { ...input, height },
    {
      ...(hasLegend
        ? {
            legend: {
              top: 0,
              itemWidth: 20,
              itemHeight: 12,
              textStyle: { color: textColour },
              data: input.series.map((bars) => bars.name),
            },
          }
        : {}),
      grid: {
        top: hasLegend ? legendHeight + 8 : 8,
        bottom: 28,
        left: labelWidth + 12,
        // Room for the value labels after the longest bar.
        right: 72,
      },
      xAxis: {
        type: 'value',
        min: input.scale.min,
        max: input.scale.max,
        interval: 1,
        axisLabel: {
          color: mutedTextColour,
          formatter: (value: number) => input.formatNumber(value),
        },
        splitLine: { lineStyle: { color: lineColour } },
      },
      yAxis: {
        type: 'category',
        // The first category at the top, as the caller reads its list.
        inverse: true,
        data: input.categories,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: lineColour } },
        axisLabel: {
          color: textColour,
          width: labelWidth,
          overflow: 'break',
        },
      },
      series,
    },
  );
}
