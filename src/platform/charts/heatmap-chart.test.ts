import { describe, expect, it } from 'vitest';
import { buildHeatmapInput } from '../../../test/charts.ts';
import { type Box, boxOf, positionOf, svgElements, textsOf } from '../../../test/svg.ts';
import {
  contrast,
  emptyCellColour,
  lineColour,
  sequentialColour,
  sequentialColours,
} from './chart-colours.ts';
import { heatmapChart, scoreColour } from './heatmap-chart.ts';

interface Cell extends Box {
  fill: string;
  stroke: string | undefined;
}

function cellsOf(svg: string): Cell[] {
  return svgElements(svg).flatMap((element) => {
    const box = boxOf(element);
    return box && element.attrs.fill
      ? [{ ...box, fill: element.attrs.fill, stroke: element.attrs.stroke }]
      : [];
  });
}

const inside = (point: { x: number; y: number }, box: Box) =>
  point.x > box.x && point.x < box.x + box.width && point.y > box.y && point.y < box.y + box.height;

function rgbDistance(first: string, second: string): number {
  const channels = (hex: string) =>
    [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
  const a = channels(first);
  const b = channels(second);
  return Math.hypot(...a.map((value, index) => value - (b[index] ?? 0)));
}

describe('the heatmap', () => {
  it('colours each score from the scale, lowest dark, highest light', () => {
    const svg = heatmapChart(buildHeatmapInput());
    const fills = cellsOf(svg).map((cell) => cell.fill);
    expect(scoreColour(1, { min: 1, max: 5 })).toBe(sequentialColours[0]);
    expect(scoreColour(5, { min: 1, max: 5 })).toBe(sequentialColours.at(-1));
    for (const score of [1, 2.5, 3.5, 5, 4.2, 1.6, 3])
      expect(fills).toContain(scoreColour(score, { min: 1, max: 5 }));
  });

  it('shows a cell without a score blank with a dash, in no colour of the scale', () => {
    const svg = heatmapChart(buildHeatmapInput());
    const empty = cellsOf(svg).filter((cell) => cell.fill === emptyCellColour);
    // Four withheld cells of one agency, one without answers, and the legend's sample.
    expect(empty).toHaveLength(6);
    for (const cell of empty) expect(cell.stroke).toBe(lineColour);
    for (let step = 0; step <= 100; step++)
      expect(rgbDistance(emptyCellColour, sequentialColour(step / 100))).toBeGreaterThan(100);
    const dashes = textsOf(svg).filter((text) => text.text === '–');
    expect(dashes).toHaveLength(5);
    for (const dash of dashes)
      expect(empty.some((cell) => inside(positionOf(dash), cell))).toBe(true);
  });

  it('writes each score in its cell in the reader’s numbers, readable on the cell’s colour', () => {
    const svg = heatmapChart(buildHeatmapInput());
    const cells = cellsOf(svg);
    const scores = textsOf(svg).filter((text) => /^\d,\d$/.test(text.text));
    expect(scores.map((text) => text.text)).toEqual(
      expect.arrayContaining(['1,0', '2,5', '3,5', '5,0', '4,2', '1,6', '3,0']),
    );
    const inCells = scores.flatMap((text) => {
      const cell = cells.find((candidate) => inside(positionOf(text), candidate));
      return cell ? [{ text, cell }] : [];
    });
    expect(inCells).toHaveLength(7);
    for (const { text, cell } of inCells)
      expect(contrast(text.attrs.fill!, cell.fill)).toBeGreaterThanOrEqual(4.5);
  });

  it('names its rows and columns, and explains its colours in a legend', () => {
    const input = buildHeatmapInput();
    const texts = textsOf(heatmapChart(input)).map((text) => text.text);
    expect(texts).toEqual(expect.arrayContaining([...input.rows, ...input.columns]));
    expect(texts).toEqual(expect.arrayContaining(['1,0', '5,0', input.emptyLabel]));
  });

  it('leaves the numbers to the table when the cells are too narrow for them', () => {
    const columns = Array.from({ length: 24 }, (_, index) => `S${index + 1}`);
    const svg = heatmapChart(
      buildHeatmapInput({
        columns,
        cells: [columns.map(() => 3.3), columns.map(() => undefined), columns.map(() => 2)],
      }),
    );
    const texts = textsOf(svg).map((text) => text.text);
    expect(texts).not.toContain('3,3');
    expect(texts).not.toContain('–');
    expect(
      cellsOf(svg).filter((cell) => cell.fill === scoreColour(3.3, { min: 1, max: 5 })),
    ).toHaveLength(24);
  });

  it('stands column labels upright when they are wider than their columns', () => {
    const upright = (columns: string[]) =>
      textsOf(
        heatmapChart(
          buildHeatmapInput({ columns, cells: [columns.map(() => 3), [], columns.map(() => 2)] }),
        ),
      )
        .filter((text) => columns.includes(text.text))
        .map((text) => /^matrix\(0,-?1,-?1,0,/.test(text.attrs.transform ?? ''));
    expect(upright(['EST1', 'LID1', 'DAT1', 'SER1'])).toEqual([false, false, false, false]);
    const many = Array.from({ length: 20 }, (_, index) => `S${index + 1}`);
    expect(upright(many)).toEqual(many.map(() => true));
  });
});
