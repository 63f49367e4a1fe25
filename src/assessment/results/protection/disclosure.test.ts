import { describe, expect, it } from 'vitest';
import {
  type AgencyInResults,
  decideDisclosure,
  displayableFilters,
  isolatedSets,
  matchesFilter,
} from './disclosure.ts';

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

  it('hides an agency below the threshold, and two more so the total does not give it away', () => {
    // With one other hidden, the total's mean and spread would solve both.
    const disclosure = decideDisclosure([
      agency('a', 2),
      agency('b', 12),
      agency('c', 5),
      agency('d', 7),
    ]);
    expect(disclosure.hidden.get('a')).toBe('few_respondents');
    expect(disclosure.hidden.get('c')).toBe('protects_another');
    expect(disclosure.hidden.get('d')).toBe('protects_another');
    expect(disclosure.hidden.has('b')).toBe(false);
    expect(disclosure.totalShown({})).toBe(true);
  });

  it('needs no extra hiding when three small agencies together reach the threshold', () => {
    const disclosure = decideDisclosure([
      agency('a', 2),
      agency('b', 1),
      agency('c', 1),
      agency('d', 9),
    ]);
    expect([...disclosure.hidden.keys()].sort()).toEqual(['a', 'b', 'c']);
  });

  it('hides more when the hidden agencies together are still too few to hide behind', () => {
    const disclosure = decideDisclosure([
      agency('a', 1),
      agency('b', 1),
      agency('c', 9),
      agency('d', 12),
    ]);
    expect([...disclosure.hidden.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(disclosure.totalShown({})).toBe(true);
  });

  it('withholds a total made only of too few respondents, or of fewer than three agencies', () => {
    expect(decideDisclosure([agency('a', 2)]).totalShown({})).toBe(false);
    expect(decideDisclosure([agency('a', 2), agency('b', 9)]).totalShown({})).toBe(false);
  });

  it('protects an agency a filter would single out, or two filters would between them', () => {
    const agencies = [
      agency('n1', 10, 'national', 'health'),
      agency('n2', 8, 'national', 'health'),
      agency('n3', 9, 'national', 'education'),
      agency('l1', 2, 'local', 'health'),
      agency('l2', 6, 'local', 'education'),
      agency('l3', 7, 'local', 'education'),
    ];
    const disclosure = decideDisclosure(agencies);
    expect(disclosure.hidden.get('l1')).toBe('few_respondents');
    // Local health is l1 alone, and local education l2 and l3: a mean and a spread.
    expect(disclosure.totalShown({ level: 'local', sector: 'health' })).toBe(false);
    expect(disclosure.totalShown({ level: 'local', sector: 'education' })).toBe(false);
    expect(disclosure.hidden.size).toBeGreaterThanOrEqual(3);
    expect(disclosure.totalShown({})).toBe(true);
    expectNothingIsolated(agencies, disclosure);
  });

  it('catches agencies isolated by subtracting one filtered total from another', () => {
    const agencies = [
      agency('h1', 2, 'national', 'health'),
      agency('h2', 2, 'local', 'health'),
      agency('e1', 2, 'local', 'education'),
      agency('big', 20, 'national', 'education'),
      agency('big2', 20, 'national', 'education'),
    ];
    const disclosure = decideDisclosure(agencies);
    // The national total holds h1 beside the two big ones: both are hidden with it.
    expect([...disclosure.hidden.keys()].sort()).toEqual(['big', 'big2', 'e1', 'h1', 'h2']);
    expect(disclosure.totalShown({})).toBe(true);
    expectNothingIsolated(agencies, disclosure);
  });

  it('leaves agencies without respondents out of it: they have nothing to reveal', () => {
    const disclosure = decideDisclosure([agency('a', 0), agency('b', 4), agency('c', 7)]);
    expect([...disclosure.hidden]).toEqual([]);
  });

  it('takes the threshold from configuration', () => {
    const agencies = [agency('a', 4), agency('b', 5), agency('c', 12), agency('d', 15)];
    expect([...decideDisclosure(agencies, 5).hidden.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect([...decideDisclosure(agencies, 1).hidden]).toEqual([]);
  });
});

describe('protection at each item', () => {
  const at =
    (scored: string[], answered = scored) =>
    () => ({
      scored: new Set(scored),
      answered: new Set(answered),
    });
  const everywhere = ['overall', 'item:A', 'item:B'];

  it('withholds a total at an item where only two of its hidden agencies have a value', () => {
    // c answered B "not applicable" only: at B, the total hides a and b alone.
    const agencies: AgencyInResults[] = [
      { ...agency('a', 1), nodes: at(everywhere) },
      { ...agency('b', 1), nodes: at(everywhere) },
      { ...agency('c', 1), nodes: at(['overall', 'item:A'], everywhere) },
      agency('big', 9),
    ];
    const disclosure = decideDisclosure(agencies);
    expect([...disclosure.hidden.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect([...disclosure.withheldNodes({})]).toEqual(['item:B']);
  });

  it('withholds nothing where every hidden agency has a value', () => {
    const agencies: AgencyInResults[] = [
      { ...agency('a', 1), nodes: at(everywhere) },
      { ...agency('b', 1), nodes: at(everywhere) },
      { ...agency('c', 1), nodes: at(everywhere) },
      agency('big', 9),
    ];
    expect(decideDisclosure(agencies).withheldNodes({}).size).toBe(0);
  });
});

/** No combination of the totals shown comes down to one or two hidden agencies. */
function expectNothingIsolated(
  agencies: readonly AgencyInResults[],
  disclosure: ReturnType<typeof decideDisclosure>,
) {
  const hiddenIds = [...disclosure.hidden.keys()].sort();
  const rows = displayableFilters(agencies)
    .filter((filter) => disclosure.totalShown(filter))
    .map((filter) =>
      hiddenIds.map((id) => {
        const member = agencies.find((candidate) => candidate.id === id);
        return member && matchesFilter(member, filter) ? 1 : 0;
      }),
    );
  expect(isolatedSets(rows)).toEqual([]);
}

describe('combining totals', () => {
  it('finds a single hidden agency in the difference of two totals', () => {
    // Totals over {x, y} and over {y}: their difference isolates x.
    expect(
      isolatedSets([
        [1, 1],
        [0, 1],
      ]),
    ).toContainEqual([0]);
  });

  it('finds two hidden agencies a total holds alone: its mean and spread solve them', () => {
    expect(isolatedSets([[1, 1, 0]])).toContainEqual([0, 1]);
  });

  it('finds two agencies in the difference of two totals of three', () => {
    // {a, b, c} − {b, c, d} = a − d: with the squares from the spreads, a and d follow.
    expect(
      isolatedSets([
        [1, 1, 1, 0],
        [0, 1, 1, 1],
      ]),
    ).toContainEqual([0, 3]);
  });

  it('finds nothing when every combination mixes at least three agencies', () => {
    expect(isolatedSets([[1, 1, 1, 0, 0]])).toEqual([]);
    expect(
      isolatedSets([
        [1, 1, 1, 0, 0],
        [0, 0, 1, 1, 1],
      ]),
    ).toEqual([]);
  });
});
