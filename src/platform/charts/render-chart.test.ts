import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  buildBarInput,
  buildChangeInput,
  buildDistributionInput,
  buildHeatmapInput,
  buildRadarInput,
} from '../../../test/charts.ts';
import { svgElements, textsOf } from '../../../test/svg.ts';
import { barChart } from './bar-chart.ts';
import { changeChart } from './change-chart.ts';
import { contrast } from './chart-colours.ts';
import { distributionChart } from './distribution-chart.ts';
import { heatmapChart } from './heatmap-chart.ts';
import { radarChart } from './radar-chart.ts';

// Every kind of chart, drawn from the same kind of data a results page passes.
const kinds = {
  radar: (id: string) => radarChart(buildRadarInput({ id })),
  bars: (id: string) =>
    barChart(
      buildBarInput({
        id,
        series: [
          { name: 'Ministerio de Salud', values: [4.2, 3.7, 3.1, 2.6, 1.9] },
          { name: 'Conjunto del gobierno', values: [3.9, 3.5, 3.3, 2.8, 2.4] },
        ],
      }),
    ),
  heatmap: (id: string) => heatmapChart(buildHeatmapInput({ id })),
  distribution: (id: string) => distributionChart(buildDistributionInput({ id })),
  change: (id: string) => changeChart(buildChangeInput({ id })),
};

describe.each(Object.entries(kinds))('the %s chart', (_, draw) => {
  it('carries nothing the pages’ Content-Security-Policy would block', () => {
    const svg = draw('chart');
    expect(svg).not.toMatch(/\sstyle\s*=/i);
    expect(svg).not.toMatch(/<style/i);
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/\son[a-z]+\s*=/i);
    expect(svg).not.toMatch(/javascript:/i);
    expect(svg).not.toMatch(/<foreignObject/i);
  });

  it('is an image named by its title and described by its description', () => {
    const elements = svgElements(draw('chart-a'));
    const root = elements[0]!;
    expect(root.tag).toBe('svg');
    expect(root.attrs.role).toBe('img');
    const title = elements.find((element) => element.attrs.id === root.attrs['aria-labelledby']);
    const description = elements.find(
      (element) => element.attrs.id === root.attrs['aria-describedby'],
    );
    expect(title?.tag).toBe('title');
    expect(title?.text).not.toBe('');
    expect(description?.tag).toBe('desc');
    expect(description?.text).not.toBe('');
  });

  it('shares no id with another chart on the same page, and points only at its own', () => {
    const page = [draw('first'), draw('second')];
    const ids = page.map((svg) =>
      svgElements(svg).flatMap((element) => (element.attrs.id ? [element.attrs.id] : [])),
    );
    expect(ids[0]!.filter((id) => ids[1]!.includes(id))).toEqual([]);
    page.forEach((svg, index) => {
      for (const [, id] of svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids[index]).toContain(id);
      for (const element of svgElements(svg)) {
        for (const name of ['aria-labelledby', 'aria-describedby'])
          if (element.attrs[name]) expect(ids[index]).toContain(element.attrs[name]);
      }
    });
  });

  it('draws the same data the same way each time', () => {
    const first = draw('chart');
    radarChart(buildRadarInput());
    expect(draw('chart')).toBe(first);
  });

  it('writes its text at 12px or more, dark enough to read on white', () => {
    const svg = draw('chart');
    const rootSize = Number(svgElements(svg)[0]!.attrs['font-size']);
    for (const text of textsOf(svg)) {
      expect(Number.parseFloat(text.attrs['font-size'] ?? String(rootSize))).toBeGreaterThanOrEqual(
        12,
      );
      // White or black text sits on a coloured bar or cell: its own tests check it.
      const fill = text.attrs.fill?.toLowerCase() ?? '#000000';
      if (fill !== '#ffffff' && fill !== '#000000')
        expect(contrast(fill, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('stays light for a slow connection', () => {
    expect(gzipSync(draw('chart')).length).toBeLessThan(3000);
  });
});

describe('a chart’s labels', () => {
  it('reach the page as text, never as markup', () => {
    const svg = radarChart(
      buildRadarInput({
        title: 'Scores <b>"bold"</b> & more',
        axes: ['<script>alert(1)</script>', 'B', 'C'],
        series: [{ name: 'A "quoted" name', values: [1, 2, 3] }],
      }),
    );
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    const texts = svgElements(svg).map((element) => element.text);
    expect(texts).toContain('Scores <b>"bold"</b> & more');
    expect(texts).toContain('<script>alert(1)</script>');
    expect(texts).toContain('A "quoted" name');
  });
});
