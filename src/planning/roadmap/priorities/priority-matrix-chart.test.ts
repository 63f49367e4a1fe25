import { describe, expect, it } from 'vitest';
import { svgElements, textsOf } from '../../../../test/svg.ts';
import { dotPositions, priorityMatrixChart } from './priority-matrix-chart.ts';

const input = {
  id: 'matrix',
  title: 'Initiatives by value and feasibility',
  description: '3 initiatives',
  xTitle: 'Feasibility',
  yTitle: 'Value',
  quadrants: {
    do_first: 'Do first',
    plan_carefully: 'Plan carefully',
    quick_wins: 'Quick wins',
    reconsider: 'Reconsider',
  },
  points: [
    { marker: '1', x: 4.5, y: 4.5 },
    { marker: '2', x: 1.5, y: 4 },
    { marker: '3', x: 1.5, y: 4 },
  ],
};

describe('the value × feasibility matrix', () => {
  const svg = priorityMatrixChart(input);

  it('is an image with a name and a description, and no style the CSP would refuse', () => {
    const [root] = svgElements(svg);
    expect(root?.attrs).toMatchObject({
      role: 'img',
      'aria-labelledby': 'matrix-title',
      'aria-describedby': 'matrix-desc',
    });
    expect(svg).not.toMatch(/style|<script/);
  });

  it('names the quadrants and numbers each dot as in the table', () => {
    const texts = textsOf(svg).map((text) => text.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Do first',
        'Plan carefully',
        'Quick wins',
        'Reconsider',
        '1',
        '2',
        '3',
      ]),
    );
    expect(svg.match(/<circle /g)).toHaveLength(3);
  });

  it('puts high value and feasibility top right, and spreads dots sharing a spot', () => {
    const [first, second, third] = dotPositions(input.points);
    // Feasibility grows to the right, value upwards.
    expect(first?.cx).toBeGreaterThan(second?.cx ?? Infinity);
    expect(first?.cy).toBeLessThan(second?.cy ?? -Infinity);
    expect(third).not.toEqual(second);
  });

  it('draws the dividing lines where the quadrants change, at the middle of the scale', () => {
    // The dividing lines: one path, down at x then across at y.
    const [, x = '', y = ''] =
      /d="M([\d.]+) [\d.]+V[\d.]+M[\d.]+ ([\d.]+)H[\d.]+" stroke="[^"]+" stroke-width="2"/.exec(
        svg,
      ) ?? [];
    const [justLow, onTheLine] = dotPositions([
      { marker: 'a', x: 2.9, y: 2.9 },
      { marker: 'b', x: 3, y: 3 },
    ]);
    // 2.9 is low on both axes (reconsider): left of and below the lines; 3 is on them.
    expect(justLow?.cx).toBeLessThan(Number(x));
    expect(justLow?.cy).toBeGreaterThan(Number(y));
    expect(onTheLine).toEqual({ cx: Number(x), cy: Number(y) });
  });

  it('escapes the words it is given', () => {
    expect(priorityMatrixChart({ ...input, title: 'A <b> & "c"' })).toContain(
      'A &lt;b&gt; &amp; &quot;c&quot;',
    );
  });
});
