// The heatmap of scores: rows (agencies) by columns (sub-dimensions), each
// cell coloured on a sequential scale, or empty where there is no score or the
// score is withheld to protect a small number of respondents.
import type { GraphicComponentOption, HeatmapSeriesOption } from 'echarts';
import { cachedChart } from './chart-cache.ts';
import {
  emptyCellColour,
  lineColour,
  mutedTextColour,
  sequentialColour,
  sequentialColours,
  textColour,
  textColourOn,
} from './chart-colours.ts';
import type { ChartFrame, ScoreScale } from './chart-input.ts';
import { renderChart } from './render-chart.ts';

export interface HeatmapChartInput extends ChartFrame {
  /** Top to bottom, e.g. agencies. */
  rows: string[];
  /** Left to right, e.g. sub-dimension codes: short labels keep the columns narrow. */
  columns: string[];
  /** cells[row][column]: a score, or undefined when there is none or it is withheld. */
  cells: (number | undefined)[][];
  scale: ScoreScale;
  /** The legend's words for an empty cell, e.g. "No score, or too few respondents to show". */
  emptyLabel: string;
}

const rowHeight = 22;
const rowLabelWidth = 180;
const legendHeight = 44;
// Average width of a character of 12px text, to tell whether column labels fit.
const characterWidth = 7.2;
// Below this a cell is too narrow for its number: the colour and the table carry it.
const minCellWidthForValues = 28;

const emptyCell = { color: emptyCellColour, borderColor: lineColour, borderWidth: 1 };

/** The colour of a score on the scale. */
export function scoreColour(value: number, scale: ScoreScale): string {
  return sequentialColour((value - scale.min) / (scale.max - scale.min));
}

/** The heatmap as SVG, drawn once per input (chart-cache.ts). */
export const heatmapChart = cachedChart(drawHeatmap);

/** Draws the heatmap, every time: for measuring it (bench/chart-render.ts). */
export function drawHeatmap(input: HeatmapChartInput): string {
  const width = input.width ?? 640;
  const gridLeft = rowLabelWidth + 12;
  const gridRight = 12;
  const cellWidth = (width - gridLeft - gridRight) / Math.max(1, input.columns.length);
  const showValues = cellWidth >= minCellWidthForValues;
  // Labels too wide for their column stand upright above it.
  const longestColumnLabel =
    Math.max(0, ...input.columns.map((column) => column.length)) * characterWidth;
  const upright = longestColumnLabel > cellWidth - 4;
  const columnLabelHeight = upright ? longestColumnLabel + 16 : 40;
  const height =
    input.height ?? input.rows.length * rowHeight + columnLabelHeight + legendHeight + 16;

  const scored: NonNullable<HeatmapSeriesOption['data']> = [];
  const empty: NonNullable<HeatmapSeriesOption['data']> = [];
  input.rows.forEach((_, row) => {
    input.columns.forEach((_, column) => {
      const value = input.cells[row]?.[column];
      if (value === undefined) {
        empty.push({ value: [column, row, input.scale.min], itemStyle: emptyCell });
        return;
      }
      const colour = scoreColour(value, input.scale);
      scored.push({
        value: [column, row, value],
        itemStyle: { color: colour },
        label: { color: textColourOn(colour) },
      });
    });
  });

  const cellBorder = { borderColor: '#ffffff', borderWidth: 1 };
  return renderChart(
    { ...input, width, height },
    {
      grid: {
        top: columnLabelHeight,
        left: gridLeft,
        right: gridRight,
        bottom: legendHeight,
      },
      xAxis: {
        type: 'category',
        position: 'top',
        data: input.columns,
        splitArea: { show: false },
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { color: textColour, interval: 0, rotate: upright ? 90 : 0 },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: input.rows,
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { color: textColour, width: rowLabelWidth, overflow: 'truncate', interval: 0 },
      },
      // echarts draws heatmaps only under a visual map; the cells carry their
      // own colours (the same scale), so that a cell's number can be given a
      // text colour that reads on it, and the legend is drawn below.
      visualMap: {
        show: false,
        seriesIndex: [0, 1],
        min: input.scale.min,
        max: input.scale.max,
        inRange: { color: [...sequentialColours] },
      },
      graphic: legend(input, 12, height - 26),
      series: [
        {
          type: 'heatmap',
          name: 'scores',
          itemStyle: cellBorder,
          label: {
            show: showValues,
            formatter: ({ value }) => input.formatNumber(Number((value as number[])[2])),
          },
          data: scored,
        },
        {
          type: 'heatmap',
          name: input.emptyLabel,
          itemStyle: emptyCell,
          // A dash as well as the blank: an empty cell reads as empty without colour.
          label: { show: showValues, color: mutedTextColour, formatter: '–' },
          data: empty,
        },
      ],
    },
  );
}

const legendScaleLength = 160;

/**
 * The scale from its lowest to its highest score, then the empty cell and its
 * words, from the chart's edge: the words may be long in some languages.
 */
function legend(input: HeatmapChartInput, left: number, top: number): GraphicComponentOption[] {
  const scaleStart = left + 36;
  const scaleEnd = scaleStart + legendScaleLength;
  const emptyStart = scaleEnd + 56;
  const text = { fill: textColour, fontSize: 12, verticalAlign: 'middle' } as const;
  return [
    {
      type: 'text',
      x: scaleStart - 6,
      y: top + 7,
      style: { ...text, text: input.formatNumber(input.scale.min), align: 'right' },
    },
    {
      type: 'rect',
      x: scaleStart,
      y: top,
      shape: { width: legendScaleLength, height: 14 },
      style: {
        fill: {
          type: 'linear',
          x: 0,
          y: 0,
          x2: 1,
          y2: 0,
          colorStops: sequentialColours.map((color, index) => ({
            offset: index / (sequentialColours.length - 1),
            color,
          })),
        },
      },
    },
    {
      type: 'text',
      x: scaleEnd + 6,
      y: top + 7,
      style: { ...text, text: input.formatNumber(input.scale.max), align: 'left' },
    },
    {
      type: 'rect',
      x: emptyStart,
      y: top,
      shape: { width: 20, height: 14 },
      style: { fill: emptyCellColour, stroke: lineColour, lineWidth: 1 },
    },
    {
      type: 'text',
      x: emptyStart + 26,
      y: top + 7,
      style: { ...text, text: input.emptyLabel, align: 'left' },
    },
  ];
}
