// A grid of rating × rating (e.g. stakeholders by interest and influence):
// cells shaded by quadrant with the quadrants' names, and each thing placed in
// its cell as a numbered marker, side by side when several share a cell, the
// number keying it to the table beside the chart.
import type { GraphicComponentOption } from 'echarts';
import { lineColour, mutedTextColour, textColour } from './chart-colours.ts';
import type { ChartFrame } from './chart-input.ts';
import { renderChart } from './render-chart.ts';

export interface PlacementGridInput extends Omit<ChartFrame, 'formatNumber'> {
  /** Ratings run from 1 to this, along both axes. */
  size: number;
  /** Ratings from here up fall in the high half of an axis. */
  highFrom: number;
  xTitle: string;
  yTitle: string;
  /** The quadrants' names: high x and high y first. */
  quadrants: { highHigh: string; lowXHighY: string; highXLowY: string; lowLow: string };
  /** What is placed: its marker's text (a number from the table) and its ratings. */
  points: { marker: string; x: number; y: number }[];
}

const margin = { top: 16, right: 16, bottom: 56, left: 64 };
const MARKER_RADIUS = 11;
const MARKER_GAP = 4;
// Light tints, each far enough from the markers' dark fill for the white
// numbers on them and the quadrant names to read (contrast ≥ 4.5:1).
const quadrantFills = {
  highHigh: '#e3eef8',
  lowXHighY: '#f3f2f1',
  highXLowY: '#f3f2f1',
  lowLow: '#ffffff',
};
const markerFill = '#1d4f91';

/** Where the markers of one cell go: rows from the top left; the last shows "+n" when they do not all fit. */
export function markerSlots(
  count: number,
  cell: { width: number; height: number },
): { shown: number; more: number; perRow: number } {
  const step = MARKER_RADIUS * 2 + MARKER_GAP;
  const perRow = Math.max(1, Math.floor((cell.width - MARKER_GAP) / step));
  // The top row of a cell is left to its quadrant's name where the cell has one.
  const rows = Math.max(1, Math.floor((cell.height - MARKER_GAP) / step));
  const capacity = perRow * rows;
  if (count <= capacity) return { shown: count, more: 0, perRow };
  return { shown: capacity - 1, more: count - (capacity - 1), perRow };
}

export function placementGridChart(input: PlacementGridInput): string {
  const width = input.width ?? 640;
  const height = input.height ?? 520;
  const gridWidth = width - margin.left - margin.right;
  const gridHeight = height - margin.top - margin.bottom;
  const cell = { width: gridWidth / input.size, height: gridHeight / input.size };
  // Column x (1…size) left to right; row y (1…size) bottom to top.
  const cellLeft = (x: number) => margin.left + (x - 1) * cell.width;
  const cellTop = (y: number) => margin.top + (input.size - y) * cell.height;
  const elements: GraphicComponentOption[] = [];
  const text = { fill: textColour, fontSize: 12 } as const;

  for (let x = 1; x <= input.size; x++)
    for (let y = 1; y <= input.size; y++) {
      const quadrant =
        x >= input.highFrom
          ? y >= input.highFrom
            ? 'highHigh'
            : 'highXLowY'
          : y >= input.highFrom
            ? 'lowXHighY'
            : 'lowLow';
      elements.push({
        type: 'rect',
        x: cellLeft(x),
        y: cellTop(y),
        shape: { width: cell.width, height: cell.height },
        style: { fill: quadrantFills[quadrant], stroke: lineColour, lineWidth: 1 },
      });
    }
  // The quadrants' borders, heavier than the cells'.
  const splitX = cellLeft(input.highFrom);
  const splitY = cellTop(input.highFrom - 1);
  elements.push(
    {
      type: 'line',
      shape: { x1: splitX, y1: margin.top, x2: splitX, y2: margin.top + gridHeight },
      style: { stroke: mutedTextColour, lineWidth: 2 },
    },
    {
      type: 'line',
      shape: { x1: margin.left, y1: splitY, x2: margin.left + gridWidth, y2: splitY },
      style: { stroke: mutedTextColour, lineWidth: 2 },
    },
  );
  // Each quadrant's name along the bottom of its lowest row of cells.
  const quadrantName = (name: string, x: number, y: number) =>
    elements.push({
      type: 'text',
      x: cellLeft(x) + 4,
      y: cellTop(y) + cell.height - 4,
      style: { ...text, fill: mutedTextColour, text: name, verticalAlign: 'bottom', fontSize: 11 },
    });
  quadrantName(input.quadrants.lowXHighY, 1, input.highFrom);
  quadrantName(input.quadrants.highHigh, input.highFrom, input.highFrom);
  quadrantName(input.quadrants.lowLow, 1, 1);
  quadrantName(input.quadrants.highXLowY, input.highFrom, 1);

  for (let rating = 1; rating <= input.size; rating++) {
    elements.push(
      {
        type: 'text',
        x: cellLeft(rating) + cell.width / 2,
        y: margin.top + gridHeight + 6,
        style: { ...text, text: String(rating), align: 'center', verticalAlign: 'top' },
      },
      {
        type: 'text',
        x: margin.left - 8,
        y: cellTop(rating) + cell.height / 2,
        style: { ...text, text: String(rating), align: 'right', verticalAlign: 'middle' },
      },
    );
  }
  elements.push(
    {
      type: 'text',
      x: margin.left + gridWidth / 2,
      y: height - 8,
      style: { ...text, text: input.xTitle, align: 'center', verticalAlign: 'bottom' },
    },
    {
      type: 'text',
      x: 16,
      y: margin.top + gridHeight / 2,
      rotation: Math.PI / 2,
      style: { ...text, text: input.yTitle, align: 'center', verticalAlign: 'middle' },
    },
  );

  const byCell = new Map<string, PlacementGridInput['points']>();
  for (const point of input.points) {
    const key = `${point.x}|${point.y}`;
    byCell.set(key, [...(byCell.get(key) ?? []), point]);
  }
  // The bottom strip of a cell holds its quadrant's name in the cells that have one.
  const markerArea = { width: cell.width, height: cell.height - 16 };
  for (const points of byCell.values()) {
    const first = points[0];
    if (!first) continue;
    const { shown, more, perRow } = markerSlots(points.length, markerArea);
    const labels = points.slice(0, shown).map((point) => point.marker);
    if (more > 0) labels.push(`+${more}`);
    labels.forEach((label, index) => {
      const step = MARKER_RADIUS * 2 + MARKER_GAP;
      const cx = cellLeft(first.x) + MARKER_GAP + MARKER_RADIUS + (index % perRow) * step;
      const cy = cellTop(first.y) + MARKER_GAP + MARKER_RADIUS + Math.floor(index / perRow) * step;
      elements.push(
        {
          type: 'circle',
          shape: { cx, cy, r: MARKER_RADIUS },
          style: { fill: markerFill, stroke: '#ffffff', lineWidth: 1 },
        },
        {
          type: 'text',
          x: cx,
          y: cy,
          style: {
            fill: '#ffffff',
            fontSize: label.length > 2 ? 9 : 11,
            fontWeight: 'bold',
            text: label,
            align: 'center',
            verticalAlign: 'middle',
          },
        },
      );
    });
  }
  return renderChart({ ...input, width, height }, { graphic: elements });
}
