import { describe, expect, it } from 'vitest';
import {
  contrast,
  mutedTextColour,
  outsideScaleColour,
  sequentialColour,
  sequentialColours,
  seriesColours,
  textColour,
  textColourOn,
} from './chart-colours.ts';

describe('the charts’ colours', () => {
  it('give the first five series lines that stand out against white', () => {
    for (const colour of seriesColours.slice(0, 5))
      expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  it('write text that reads on white', () => {
    expect(contrast(textColour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(mutedTextColour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('pick a text colour that reads on every colour of the scale and on “not applicable”', () => {
    for (let step = 0; step <= 100; step++) {
      const background = sequentialColour(step / 100);
      expect(contrast(textColourOn(background), background)).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(textColourOn(outsideScaleColour), outsideScaleColour)).toBeGreaterThanOrEqual(
      4.5,
    );
  });

  it('run the scale from its first stop to its last, lighter as it rises', () => {
    expect(sequentialColour(0)).toBe(sequentialColours[0]);
    expect(sequentialColour(1)).toBe(sequentialColours.at(-1));
    expect(sequentialColour(-1)).toBe(sequentialColours[0]);
    expect(sequentialColour(0.5)).toBe(sequentialColours[4]);
    const steps = Array.from({ length: 11 }, (_, step) =>
      contrast(sequentialColour(step / 10), '#000000'),
    );
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });
});
