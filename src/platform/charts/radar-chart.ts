// The radar of dimension scores: one closed line per series (the whole of
// government, an agency, its peers; a self-assessment and its consensus).
import type { RadarSeriesOption } from 'echarts';
import { lineColour, mutedTextColour, seriesColours, textColour } from './chart-colours.ts';
import type { ChartFrame, ChartSeries, ScoreScale } from './chart-input.ts';
import { renderChart } from './render-chart.ts';

export interface RadarChartInput extends ChartFrame {
  /** The axes, e.g. the framework's dimensions, clockwise from the top. */
  axes: string[];
  series: ChartSeries[];
  scale: ScoreScale;
}

// Besides colour, each series has its own line pattern and its own marker,
// and the legend shows the marker: the lines stay apart in grey print and for
// readers who see none of the colours.
const lineDashes: ('solid' | 'dashed' | 'dotted' | number[])[] = [
  'solid',
  [8, 4],
  [2, 3],
  [10, 3, 2, 3],
];
const markers = ['circle', 'rect', 'triangle', 'diamond'];

// Axis names longer than this break over lines, so a long dimension name
// ("Professional and workforce development") is not cut at the chart's edge.
const AXIS_NAME_LINE = 18;

/** Breaks a name between words into lines of at most `width` characters (a longer word stays whole). */
export function wrapName(name: string, width: number): string {
  const lines: string[] = [];
  for (const word of name.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

export function radarChart(input: RadarChartInput): string {
  const steps = input.scale.max - input.scale.min;
  const series: RadarSeriesOption = {
    type: 'radar',
    data: input.series.map((line, index) => ({
      name: line.name,
      // A missing score sits at the centre, the scale's minimum: the table says it is missing.
      value: input.axes.map((_, axis) => line.values[axis] ?? input.scale.min),
      symbol: markers[index % markers.length],
      symbolSize: 7,
      lineStyle: {
        width: 2,
        color: seriesColours[index % seriesColours.length],
        type: lineDashes[index % lineDashes.length],
      },
      itemStyle: { color: seriesColours[index % seriesColours.length] },
    })),
  };
  return renderChart(input, {
    legend: {
      bottom: 0,
      data: input.series.map((line, index) => ({
        name: line.name,
        icon: markers[index % markers.length],
      })),
      itemWidth: 12,
      itemHeight: 12,
      textStyle: { color: textColour },
    },
    radar: {
      center: ['50%', '48%'],
      radius: '62%',
      clockwise: true,
      splitNumber: steps,
      axisName: { color: mutedTextColour, fontSize: 12 },
      axisLine: { lineStyle: { color: lineColour } },
      splitLine: { lineStyle: { color: lineColour } },
      splitArea: { show: false },
      axisLabel: { show: false },
      indicator: input.axes.map((name, axis) => ({
        name: wrapName(name, AXIS_NAME_LINE),
        min: input.scale.min,
        max: input.scale.max,
        // The scale's numbers once, along the first axis.
        ...(axis === 0
          ? {
              axisLabel: {
                show: true,
                color: mutedTextColour,
                fontSize: 12,
                formatter: (value: number) => input.formatNumber(value),
              },
            }
          : {}),
      })),
    },
    series: [series],
  });
}
