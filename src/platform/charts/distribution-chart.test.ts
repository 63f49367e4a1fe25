import { describe, expect, it } from 'vitest';
import { buildDistributionInput } from '../../../test/charts.ts';
import { type Box, boxOf, positionOf, svgElements, textsOf } from '../../../test/svg.ts';
import { contrast, outsideScaleColour, sequentialColour } from './chart-colours.ts';
import { distributionChart } from './distribution-chart.ts';

interface Segment extends Box {
  fill: string;
}

function segmentsOf(svg: string): Segment[] {
  return svgElements(svg).flatMap((element) => {
    const box = boxOf(element);
    return box && box.width > 0 && element.attrs.fill && element.attrs.stroke === '#ffffff'
      ? [{ ...box, fill: element.attrs.fill }]
      : [];
  });
}

const inside = (point: { x: number; y: number }, box: Box) =>
  point.x > box.x && point.x < box.x + box.width && point.y > box.y && point.y < box.y + box.height;

describe('the distribution of answers', () => {
  it('stacks each item’s answers from the lowest to the highest, “not applicable” last', () => {
    const input = buildDistributionInput();
    const svg = distributionChart(input);
    const segments = segmentsOf(svg);
    const firstRow = segments.filter((segment) => segment.y === segments[0]!.y);
    // LID01 has respondents at every answer.
    expect(firstRow).toHaveLength(6);
    const byAnswer = input.answers.map((_, index) =>
      firstRow.find((segment) => segment.fill === colourOfAnswer(index)),
    );
    const xs = byAnswer.map((segment) => segment!.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(byAnswer.at(-1)!.fill).toBe(outsideScaleColour);
  });

  it('makes each bar as long as its number of respondents', () => {
    const svg = distributionChart(buildDistributionInput());
    const rows = new Map<number, number>();
    for (const segment of segmentsOf(svg))
      rows.set(segment.y, (rows.get(segment.y) ?? 0) + segment.width);
    // 38, 30 and 50 respondents.
    const [first, second, third] = [...rows.entries()]
      .sort(([y], [otherY]) => y - otherY)
      .map(([, width]) => width);
    expect(first! / third!).toBeCloseTo(38 / 50, 1);
    expect(second! / third!).toBeCloseTo(30 / 50, 1);
  });

  it('writes each count inside its part of the bar, readable on its colour, and no zeros', () => {
    const svg = distributionChart(buildDistributionInput());
    const segments = segmentsOf(svg);
    const counts = textsOf(svg).flatMap((text) => {
      const segment = segments.find((candidate) => inside(positionOf(text), candidate));
      return segment ? [{ text, segment }] : [];
    });
    expect(counts.map(({ text }) => text.text)).toEqual(
      expect.arrayContaining(['12', '20', '15', '9', '8']),
    );
    expect(counts.map(({ text }) => text.text)).not.toContain('0');
    for (const { text, segment } of counts)
      expect(contrast(text.attrs.fill!, segment.fill)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives “not applicable” a grey that no answer on the scale has, and names every answer', () => {
    const input = buildDistributionInput();
    const svg = distributionChart(input);
    for (let index = 0; index < 5; index++)
      expect(colourOfAnswer(index)).not.toBe(outsideScaleColour);
    const texts = textsOf(svg).map((text) => text.text);
    expect(texts).toEqual(expect.arrayContaining(input.answers.map((answer) => answer.label)));
    expect(texts).toEqual(expect.arrayContaining(input.items));
  });
});

/** The colour of the nth answer of the test's five-point scale plus "not applicable". */
function colourOfAnswer(index: number): string {
  return index < 5 ? sequentialColour(index / 4) : outsideScaleColour;
}
