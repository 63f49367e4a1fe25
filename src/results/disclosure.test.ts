import { describe, expect, it } from 'vitest';
import { type AgencyInResults, decideDisclosure, rowSpace } from './disclosure.ts';

const agency = (
  id: string,
  respondents: number,
  level: AgencyInResults['level'] = 'national',
  sector = 'health',
): AgencyInResults => ({ id, level, sector, respondents });

describe('small-number protection', () => {
  it('shows every agency when each has at least the threshold of respondents', () => {
    const disclosure = decideDisclosure([agency('a', 3), agency('b', 12), agency('c', 5)]);
    expect([...disclosure.hidden]).toEqual([]);
    expect(disclosure.totalShown({})).toBe(true);
  });

  it('hides an agency below the threshold, and one more so the total does not give it away', () => {
    // Shown: the total of a, b, c and the scores of b and c would give a's.
    const disclosure = decideDisclosure([agency('a', 2), agency('b', 12), agency('c', 5)]);
    expect(disclosure.hidden.get('a')).toBe('few_respondents');
    expect(disclosure.hidden.get('c')).toBe('protects_another');
    expect(disclosure.hidden.has('b')).toBe(false);
    expect(disclosure.totalShown({})).toBe(true);
  });

  it('needs no extra hiding when the hidden agencies together reach the threshold', () => {
    const disclosure = decideDisclosure([agency('a', 2), agency('b', 1), agency('c', 9)]);
    expect([...disclosure.hidden.keys()].sort()).toEqual(['a', 'b']);
  });

  it('hides more when the hidden agencies together are still too few to hide behind', () => {
    const disclosure = decideDisclosure([agency('a', 1), agency('b', 1), agency('c', 9)]);
    expect([...disclosure.hidden.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(disclosure.totalShown({})).toBe(true);
  });

  it('withholds a total made only of too few respondents', () => {
    const disclosure = decideDisclosure([agency('a', 2)]);
    expect(disclosure.totalShown({})).toBe(false);
  });

  it('protects an agency a filter would single out, or two filters would between them', () => {
    const agencies = [
      agency('n1', 10, 'national', 'health'),
      agency('n2', 8, 'national', 'health'),
      agency('l1', 2, 'local', 'health'),
      agency('l2', 6, 'local', 'education'),
    ];
    const disclosure = decideDisclosure(agencies);
    expect(disclosure.hidden.get('l1')).toBe('few_respondents');
    // Local health is l1 alone.
    expect(disclosure.totalShown({ level: 'local', sector: 'health' })).toBe(false);
    // The local total minus l2, and the health total minus n1 and n2, would be l1:
    // l2 and n2 are hidden with it, and what still isolates it is withheld
    // (health minus national, local minus education).
    expect(disclosure.hidden.get('l2')).toBe('protects_another');
    expect(disclosure.hidden.get('n2')).toBe('protects_another');
    expect(disclosure.hidden.has('n1')).toBe(false);
    expect(disclosure.totalShown({ sector: 'health' })).toBe(false);
    expect(disclosure.totalShown({ level: 'local' })).toBe(false);
    // The whole of government and national totals stay: l1 is only ever mixed with others.
    expect(disclosure.totalShown({})).toBe(true);
    expect(disclosure.totalShown({ level: 'national' })).toBe(true);
  });

  it('catches an agency isolated by subtracting one filtered total from another', () => {
    const agencies = [
      agency('h1', 2, 'national', 'health'),
      agency('h2', 2, 'local', 'health'),
      agency('e1', 2, 'local', 'education'),
      agency('big', 20, 'national', 'education'),
    ];
    const disclosure = decideDisclosure(agencies);
    // The national total is h1 and big: big is hidden to protect h1. Then the
    // national education total would be big alone, so it is withheld, as are
    // the one-agency totals of the small agencies.
    expect(disclosure.hidden.get('big')).toBe('protects_another');
    expect(disclosure.totalShown({ level: 'national', sector: 'education' })).toBe(false);
    expect(disclosure.totalShown({ level: 'local', sector: 'health' })).toBe(false);
    // What is left can only be combined into mixtures of two or more agencies.
    for (const filter of [
      {},
      { level: 'national' },
      { level: 'local' },
      { sector: 'health' },
    ] as const)
      expect(disclosure.totalShown(filter)).toBe(true);
  });

  it('leaves agencies without respondents out of it: they have nothing to reveal', () => {
    const disclosure = decideDisclosure([agency('a', 0), agency('b', 4), agency('c', 7)]);
    expect([...disclosure.hidden]).toEqual([]);
  });

  it('takes the threshold from configuration', () => {
    const agencies = [agency('a', 4), agency('b', 5), agency('c', 12)];
    expect([...decideDisclosure(agencies, 5).hidden.keys()].sort()).toEqual(['a', 'b']);
    expect([...decideDisclosure(agencies, 1).hidden]).toEqual([]);
  });
});

describe('combining totals', () => {
  it('finds a single hidden agency in the difference of two totals', () => {
    // Totals over {x, y} and over {y}: their difference isolates x.
    expect(
      rowSpace([
        [1, 1],
        [0, 1],
      ]).contains([1, 0]),
    ).toBe(true);
  });

  it('cannot isolate one of two agencies that only ever appear together', () => {
    const totals = rowSpace([
      [1, 1, 0],
      [1, 1, 1],
    ]);
    expect(totals.contains([1, 0, 0])).toBe(false);
    expect(totals.contains([0, 0, 1])).toBe(true);
  });
});
