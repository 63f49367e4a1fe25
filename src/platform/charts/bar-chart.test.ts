import { describe, expect, it } from 'vitest';
import { buildBarInput } from '../../../test/charts.ts';
import { boxesFilled, boxOf, positionOf, svgElements, textsOf } from '../../../test/svg.ts';
import { barChart } from './bar-chart.ts';
import { seriesColours } from './chart-colours.ts';

const comparison = { name: 'Conjunto del gobierno', values: [3.9, 3.5, 3.3, 2.8, 2.4] };

describe('the bar chart', () => {
  it('lists the categories top to bottom in the caller’s order, each bar as long as its score', () => {
    const input = buildBarInput();
    const svg = barChart(input);
    const labels = textsOf(svg).filter((text) => input.categories.includes(text.text));
    expect(labels.map((label) => label.text)).toEqual(input.categories);
    const ys = labels.map((label) => positionOf(label).y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    const bars = boxesFilled(svg, seriesColours[0]);
    expect(bars).toHaveLength(5);
    const widths = bars.map((bar) => bar.width);
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    // From the scale's lowest answer: 4,2 on 1..5 is (4,2 − 1) / (3,2 − 1) times 3,2.
    expect(widths[0]! / widths[2]!).toBeCloseTo(3.2 / 2.1, 1);
  });

  it('writes each score at the end of its bar in the reader’s numbers', () => {
    const texts = textsOf(barChart(buildBarInput())).map((text) => text.text);
    expect(texts).toEqual(expect.arrayContaining(['4,2', '3,7', '3,1', '2,6', '1,9']));
  });

  it('draws a series to compare with as hollow bars, named in a legend', () => {
    const input = buildBarInput({ series: [buildBarInput().series[0], comparison] });
    const svg = barChart(input);
    const solid = boxesFilled(svg, seriesColours[0]);
    const hollow = svgElements(svg).filter(
      (element) =>
        element.attrs.fill === '#ffffff' &&
        element.attrs.stroke === seriesColours[1] &&
        boxOf(element),
    );
    expect(solid).toHaveLength(5);
    expect(hollow).toHaveLength(5);
    const texts = textsOf(svg).map((text) => text.text);
    expect(texts).toContain('Ministerio de Salud');
    expect(texts).toContain('Conjunto del gobierno');
    expect(texts).toContain('3,9');
  });

  it('leaves out the bar of a category without a score', () => {
    const svg = barChart(
      buildBarInput({
        series: [{ name: 'Ministerio de Salud', values: [4.2, undefined, 3.1, 2.6, 1.9] }],
      }),
    );
    expect(boxesFilled(svg, seriesColours[0])).toHaveLength(4);
    expect(textsOf(svg).map((text) => text.text)).not.toContain('NaN');
  });

  it('grows in height with the number of categories', () => {
    const heightOf = (svg: string) => Number(svgElements(svg)[0]!.attrs.height);
    const five = barChart(buildBarInput());
    const ten = barChart(
      buildBarInput({
        categories: Array.from({ length: 10 }, (_, index) => `C${index}`),
        series: [{ name: 'A', values: Array.from({ length: 10 }, () => 3) }],
      }),
    );
    expect(heightOf(ten)).toBeGreaterThan(heightOf(five));
  });
});
