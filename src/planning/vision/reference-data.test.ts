// The reference data a vision chooses from: CEPA's 11 principles with 62
// strategies, the 17 SDGs with 169 targets, each named in every catalogue language.
import { describe, expect, it } from 'vitest';
import { supportedLanguages } from '../../platform/i18n/messages.ts';
import { cepaPrinciples, findCepaPrinciple, nameIn } from './cepa-principles.ts';
import { findSdgTarget, goalOfTarget, sdgGoals } from './sdg-goals.ts';

describe('CEPA principles of effective governance', () => {
  it('holds the 11 principles and their 62 strategies, numbered 1 to 62 in order', () => {
    expect(cepaPrinciples).toHaveLength(11);
    const numbers = cepaPrinciples.flatMap((principle) =>
      principle.strategies.map((s) => s.number),
    );
    expect(numbers).toEqual(Array.from({ length: 62 }, (_, index) => index + 1));
    expect(findCepaPrinciple('sound-policymaking')?.strategies.map((s) => s.number)).toEqual([
      9, 10, 11, 12, 13, 14, 15, 16,
    ]);
    expect(cepaPrinciples.filter((principle) => principle.group === 'inclusiveness')).toHaveLength(
      5,
    );
  });

  it('names every principle and strategy in every catalogue language', () => {
    const names = cepaPrinciples.flatMap((principle) => [
      principle.name,
      ...principle.strategies.map((strategy) => strategy.name),
    ]);
    for (const language of supportedLanguages)
      for (const name of names) expect(nameIn(name, language).trim()).not.toBe('');
    expect(nameIn(cepaPrinciples[1]?.name ?? { en: '', es: '' }, 'es')).toBe(
      'Formulación de políticas racional',
    );
  });
});

describe('Sustainable Development Goals', () => {
  const targets = sdgGoals.flatMap((goal) => goal.targets);

  it('holds the 17 goals and their 169 targets, with the UN’s codes', () => {
    expect(sdgGoals.map((goal) => goal.number)).toEqual(
      Array.from({ length: 17 }, (_, index) => index + 1),
    );
    expect(targets).toHaveLength(169);
    expect(new Set(targets.map((target) => target.code)).size).toBe(169);
    expect(sdgGoals.find((goal) => goal.number === 16)?.targets.map((t) => t.code)).toEqual([
      '16.1',
      '16.2',
      '16.3',
      '16.4',
      '16.5',
      '16.6',
      '16.7',
      '16.8',
      '16.9',
      '16.10',
      '16.a',
      '16.b',
    ]);
    expect(sdgGoals.find((goal) => goal.number === 17)?.targets).toHaveLength(19);
    for (const goal of sdgGoals)
      for (const target of goal.targets) expect(goalOfTarget(target.code)).toBe(goal.number);
  });

  it('names every goal and target in every catalogue language', () => {
    for (const language of supportedLanguages)
      for (const named of [...sdgGoals, ...targets])
        expect(nameIn(named.name, language).trim()).not.toBe('');
    expect(findSdgTarget('16.6')?.name.es).toContain('Instituciones eficaces');
    expect(findSdgTarget('16.c')).toBeUndefined();
  });
});
