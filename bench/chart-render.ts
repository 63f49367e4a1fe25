// Chart rendering: the time to draw each kind of chart once echarts is warm
// (median of 50), and its gzipped size, at the sizes of the demo's results.
import { gzipSync } from 'node:zlib';
import { barChart } from '../src/platform/charts/bar-chart.ts';
import { changeChart } from '../src/platform/charts/change-chart.ts';
import { distributionChart } from '../src/platform/charts/distribution-chart.ts';
import { drawHeatmap } from '../src/platform/charts/heatmap-chart.ts';
import { radarChart } from '../src/platform/charts/radar-chart.ts';
import {
  buildBarInput,
  buildChangeInput,
  buildDistributionInput,
  buildHeatmapInput,
  buildRadarInput,
} from '../test/charts.ts';
import type { Figure } from './page-weight.ts';

// Scores from a fixed sequence, so that every run draws the same charts.
function scores(count: number, seed: number): number[] {
  return Array.from({ length: count }, (_, index) => 1 + ((index * 37 + seed * 11) % 41) / 10);
}

const subdimensions = Array.from({ length: 20 }, (_, index) => `Sub-dimension ${index + 1}`);
const agencies = Array.from({ length: 38 }, (_, index) => `Agency ${index + 1}`);

const charts: Record<string, () => string> = {
  radar: () =>
    radarChart(
      buildRadarInput({
        series: [
          { name: 'Whole of government', values: scores(6, 1) },
          { name: 'Agency', values: scores(6, 2) },
          { name: 'Peers', values: scores(6, 3) },
        ],
      }),
    ),
  bars: () =>
    barChart(
      buildBarInput({
        categories: subdimensions,
        series: [
          { name: 'Agency', values: scores(20, 4) },
          { name: 'Whole of government', values: scores(20, 5) },
        ],
      }),
    ),
  // Drawn, not taken from the pages' cache of drawn heatmaps (chart-cache.ts).
  heatmap: () =>
    drawHeatmap(
      buildHeatmapInput({
        rows: agencies,
        columns: subdimensions.map((_, index) => `S${index + 1}`),
        // Every seventh agency withheld, as small-number protection would.
        cells: agencies.map((_, row) =>
          row % 7 === 3 ? subdimensions.map(() => undefined) : scores(20, row),
        ),
      }),
    ),
  distribution: () =>
    distributionChart(
      buildDistributionInput({
        items: ['LEA01', 'LEA02', 'LEA03', 'LEA04', 'LEA05', 'LEA06'],
        answers: [1, 2, 3, 4, 5, 0].map((answer) => ({
          label: answer === 0 ? 'Not applicable' : String(answer),
          counts: scores(6, answer).map((score) => Math.round(score * 4)),
          outsideScale: answer === 0,
        })),
      }),
    ),
  change: () => changeChart(buildChangeInput()),
};

export function chartRenders(): Figure[] {
  return Object.entries(charts).flatMap(([kind, draw]) => {
    for (let warm = 0; warm < 20; warm++) draw();
    const times = Array.from({ length: 50 }, () => {
      const start = performance.now();
      draw();
      return performance.now() - start;
    }).sort((a, b) => a - b);
    const median = times[times.length >> 1] ?? 0;
    return [
      { name: `chart_${kind}_ms`, value: Number(median.toFixed(1)), unit: 'ms' },
      { name: `chart_${kind}_gzip_bytes`, value: gzipSync(draw()).length, unit: 'bytes' },
    ];
  });
}
