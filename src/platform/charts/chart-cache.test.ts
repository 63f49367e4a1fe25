import { describe, expect, it } from 'vitest';
import { buildHeatmapInput } from '../../../test/charts.ts';
import { cachedChart } from './chart-cache.ts';
import { drawHeatmap, type HeatmapChartInput } from './heatmap-chart.ts';

/** A heatmap drawn through the cache, counting how many times it was really drawn. */
function countedHeatmap() {
  const drawn = { count: 0 };
  const chart = cachedChart((input: HeatmapChartInput) => {
    drawn.count += 1;
    return drawHeatmap(input);
  });
  return { chart, drawn };
}

const english = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

describe('charts drawn once', () => {
  it('gives the same chart for the same data without drawing it again', () => {
    const { chart, drawn } = countedHeatmap();
    const first = chart(buildHeatmapInput());
    const again = chart(buildHeatmapInput());
    expect(again).toBe(first);
    expect(first).toBe(drawHeatmap(buildHeatmapInput()));
    expect(drawn.count).toBe(1);
  });

  it('draws the chart again when a score changes', () => {
    const { chart, drawn } = countedHeatmap();
    const before = chart(buildHeatmapInput());
    const cells = buildHeatmapInput().cells.map((row) => [...row]);
    (cells[0] as (number | undefined)[])[0] = 4.8;
    const after = chart(buildHeatmapInput({ cells }));
    expect(drawn.count).toBe(2);
    expect(after).toContain('4,8');
    expect(before).not.toContain('4,8');
  });

  it('draws the chart again for a reader whose language writes numbers differently', () => {
    const { chart, drawn } = countedHeatmap();
    const spanish = chart(buildHeatmapInput());
    const inEnglish = chart(buildHeatmapInput({ formatNumber: (value) => english.format(value) }));
    expect(drawn.count).toBe(2);
    expect(spanish).toContain('2,5');
    expect(inEnglish).toContain('2.5');
  });

  it('keeps only the charts shown lately', () => {
    const { chart, drawn } = countedHeatmap();
    const input = (index: number) => buildHeatmapInput({ title: `Organismos ${index}` });
    chart(input(0));
    for (let index = 1; index <= 100; index++) chart(input(index));
    chart(input(100));
    expect(drawn.count).toBe(101);
    chart(input(0));
    expect(drawn.count).toBe(102);
  });
});
