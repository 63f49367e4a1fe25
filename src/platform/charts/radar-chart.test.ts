import { describe, expect, it } from 'vitest';
import { buildRadarInput } from '../../../test/charts.ts';
import { svgElements, textsOf } from '../../../test/svg.ts';
import { seriesColours } from './chart-colours.ts';
import { radarChart, wrapName } from './radar-chart.ts';

const lines = (svg: string) => svgElements(svg).filter((element) => element.tag === 'polyline');

describe('the radar chart', () => {
  it('names every axis and every series', () => {
    const texts = textsOf(radarChart(buildRadarInput())).map((text) => text.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Estrategia',
        'Liderazgo',
        'Datos',
        'Servicios',
        'Competencias',
        'Tecnología',
        'Conjunto del gobierno',
        'Ministerio de Salud',
      ]),
    );
  });

  it('breaks a long axis name over lines instead of cutting it at the edge', () => {
    expect(wrapName('Professional and workforce development', 18)).toBe(
      'Professional and\nworkforce\ndevelopment',
    );
    expect(wrapName('Leadership', 18)).toBe('Leadership');
    const svg = radarChart({
      ...buildRadarInput(),
      axes: ['Professional and workforce development', 'B', 'C', 'D', 'E', 'F'],
    });
    const texts = textsOf(svg).map((text) => text.text);
    expect(texts).toEqual(expect.arrayContaining(['Professional and', 'workforce', 'development']));
  });

  it('runs its scale from the lowest to the highest answer, in the reader’s numbers', () => {
    const stages = textsOf(radarChart(buildRadarInput({ scale: { min: 1, max: 4 } }))).map(
      (text) => text.text,
    );
    expect(stages).toEqual(expect.arrayContaining(['1,0', '2,0', '3,0', '4,0']));
    expect(stages).not.toContain('5,0');
    expect(stages).not.toContain('0,0');
  });

  it('draws one closed line per series, each in its own colour, dash and marker', () => {
    const series = ['A', 'B', 'C', 'D'].map((name, index) => ({
      name,
      values: [1 + index, 2, 3, 4, 5, 3],
    }));
    const svg = radarChart(buildRadarInput({ series }));
    const drawn = lines(svg);
    expect(drawn).toHaveLength(4);
    expect(new Set(drawn.map((line) => line.attrs.stroke)).size).toBe(4);
    expect(drawn[0]!.attrs.stroke).toBe(seriesColours[0]);
    expect(new Set(drawn.map((line) => line.attrs['stroke-dasharray'] ?? 'solid')).size).toBe(4);
    for (const line of drawn) {
      const points = line.attrs.points!.split(' ');
      expect(points.slice(0, 2)).toEqual(points.slice(-2));
    }
    // The markers at the points, and the legend's, differ in shape as well as colour.
    const markerShapes = series.map(
      (_, index) =>
        new Set(
          svgElements(svg)
            .filter(
              (element) => element.tag === 'path' && element.attrs.fill === seriesColours[index],
            )
            .map((element) => element.attrs.d),
        ),
    );
    markerShapes.forEach((shapes, index) => {
      expect(shapes.size).toBeGreaterThan(0);
      for (const other of markerShapes.slice(index + 1))
        expect([...shapes].filter((d) => other.has(d))).toEqual([]);
    });
  });

  it('puts a higher score further from the centre', () => {
    const svg = radarChart(
      buildRadarInput({
        series: [
          { name: 'Low', values: [2, 2, 2, 2, 2, 2] },
          { name: 'High', values: [4, 2, 2, 2, 2, 2] },
        ],
      }),
    );
    // The first axis points up: a higher score is a smaller y.
    const [low, high] = lines(svg).map((line) => Number(line.attrs.points!.split(' ')[1]));
    expect(high).toBeLessThan(low!);
  });
});
