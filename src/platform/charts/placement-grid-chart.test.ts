import { describe, expect, it } from 'vitest';
import { textsOf } from '../../../test/svg.ts';
import {
  markerSlots,
  type PlacementGridInput,
  placementGridChart,
} from './placement-grid-chart.ts';

const input = (points: PlacementGridInput['points']): PlacementGridInput => ({
  id: 'grid',
  title: 'Stakeholders by interest and influence',
  description: 'Each stakeholder numbered as in the table.',
  size: 5,
  highFrom: 3,
  xTitle: 'Interest',
  yTitle: 'Influence',
  quadrants: {
    highHigh: 'Manage closely',
    lowXHighY: 'Keep satisfied',
    highXLowY: 'Keep informed',
    lowLow: 'Monitor',
  },
  points,
});

describe('the placement grid', () => {
  it('names its axes and quadrants and places each numbered marker', () => {
    const texts = textsOf(
      placementGridChart(
        input([
          { marker: '1', x: 5, y: 5 },
          { marker: '2', x: 1, y: 1 },
        ]),
      ),
    ).map((text) => text.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Interest',
        'Influence',
        'Manage closely',
        'Keep satisfied',
        'Keep informed',
        'Monitor',
        '1',
        '2',
      ]),
    );
  });

  it('sets markers that share a cell side by side, and counts those that do not fit', () => {
    const crowd = Array.from({ length: 30 }, (_, index) => ({
      marker: String(index + 1),
      x: 4,
      y: 4,
    }));
    const texts = textsOf(placementGridChart(input(crowd))).map((text) => text.text);
    const slots = markerSlots(30, { width: 112, height: 89.6 - 16 });
    expect(slots.more).toBeGreaterThan(0);
    expect(texts).toContain(`+${slots.more}`);
    expect(texts).toContain(String(slots.shown));
    expect(texts).not.toContain(String(slots.shown + 1));
    expect(markerSlots(3, { width: 112, height: 73 })).toEqual({ shown: 3, more: 0, perRow: 4 });
  });
});
