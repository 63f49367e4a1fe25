import { describe, expect, it } from 'vitest';
import { buildChangeInput } from '../../../test/charts.ts';
import { boxesFilled, boxOf, svgElements, textsOf } from '../../../test/svg.ts';
import { changeChart } from './change-chart.ts';
import { seriesColours } from './chart-colours.ts';

describe('the change between two rounds', () => {
  it('labels each later score with its change since the earlier round', () => {
    const texts = textsOf(changeChart(buildChangeInput())).map((text) => text.text);
    expect(texts).toEqual(
      expect.arrayContaining(['3,4 (+0,4)', '3,2 (-0,3)', '2,7 (0,0)', '3,6 (+0,5)']),
    );
    // The earlier scores stand alone.
    expect(texts).toEqual(expect.arrayContaining(['3,0', '3,5', '2,7']));
  });

  it('draws the earlier round hollow above the later one, solid, named in a legend', () => {
    const svg = changeChart(buildChangeInput());
    const later = boxesFilled(svg, seriesColours[0]);
    const earlier = svgElements(svg)
      .filter((element) => element.attrs.fill === '#ffffff' && element.attrs.stroke)
      .flatMap((element) => boxOf(element) ?? []);
    expect(later).toHaveLength(6);
    expect(earlier).toHaveLength(6);
    earlier.forEach((bar, index) => {
      expect(bar.y).toBeLessThan(later[index]!.y);
    });
    const texts = textsOf(svg).map((text) => text.text);
    expect(texts).toContain('2024');
    expect(texts).toContain('2026');
  });

  it('gives a score new since the earlier round no change to show', () => {
    const svg = changeChart(
      buildChangeInput({
        earlier: { name: '2024', values: [3, 3.5, 2.7, 3.1, 2.2, undefined] },
      }),
    );
    const texts = textsOf(svg).map((text) => text.text);
    expect(texts).toContain('3,9');
    expect(texts.filter((text) => text.startsWith('3,9 ('))).toEqual([]);
  });
});
