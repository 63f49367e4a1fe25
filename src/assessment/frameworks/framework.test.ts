import { describe, expect, it } from 'vitest';
import { compareVersions, localized, maturityLevelOf } from './framework.ts';

const levels = [
  { key: 'initial', name: { en: 'Initial' }, minScore: 1 },
  { key: 'developing', name: { en: 'Developing' }, minScore: 1.8 },
  { key: 'optimised', name: { en: 'Optimised' }, minScore: 4.2 },
];

describe('maturity levels', () => {
  it('place a score on a level boundary in the higher level', () => {
    expect(maturityLevelOf(1.8, levels)?.key).toBe('developing');
    expect(maturityLevelOf(4.2, levels)?.key).toBe('optimised');
  });

  it('place a score just below a boundary in the lower level', () => {
    expect(maturityLevelOf(1.7999, levels)?.key).toBe('initial');
    expect(maturityLevelOf(1, levels)?.key).toBe('initial');
    expect(maturityLevelOf(5, levels)?.key).toBe('optimised');
  });

  it('give no level to a score below the scale', () => {
    expect(maturityLevelOf(0.5, levels)).toBeUndefined();
  });
});

describe('localized text', () => {
  it('is shown in the reader’s language, else the framework’s default, else any', () => {
    expect(localized({ en: 'Vision', es: 'Visión' }, 'es', 'en')).toBe('Visión');
    expect(localized({ en: 'Vision' }, 'es', 'en')).toBe('Vision');
    expect(localized({ fr: 'Vision' }, 'es', 'en')).toBe('Vision');
    expect(localized(undefined, 'es', 'en')).toBe('');
  });
});

describe('version numbers', () => {
  it('order numerically, part by part', () => {
    expect(['1.10.0', '1.2', '1.9.2', '2.0.0'].sort(compareVersions)).toEqual([
      '1.2',
      '1.9.2',
      '1.10.0',
      '2.0.0',
    ]);
  });
});
