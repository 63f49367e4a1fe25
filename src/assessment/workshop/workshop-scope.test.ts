import { describe, expect, it } from 'vitest';
import { decideDisclosure } from '../results/protection/disclosure.ts';
import { workshopStatistics } from './workshop-scope.ts';

const agency = (id: string, respondents: number, nodes?: string[]) => ({
  id,
  level: 'national' as const,
  sector: 'health',
  respondents,
  ...(nodes ? { nodes: () => ({ scored: new Set(nodes), answered: new Set(nodes) }) } : {}),
});
const itemCodes = ['A01', 'A02'];

describe('whose answers the workshop sees', () => {
  it('shows an agency its own answers when the results show it', () => {
    const disclosure = decideDisclosure([agency('a', 3), agency('b', 4), agency('c', 9)], 3);
    expect(workshopStatistics({ agencyId: 'a', disclosure, itemCodes }).from).toBe('agency');
  });

  it('follows the configured threshold, and hides an agency hidden to protect another', () => {
    const agencies = [agency('a', 5), agency('b', 2), agency('c', 9), agency('d', 12)];
    const atEight = decideDisclosure(agencies, 8);
    expect(workshopStatistics({ agencyId: 'a', disclosure: atEight, itemCodes }).from).toBe(
      'whole_of_government',
    );
    const atThree = decideDisclosure(agencies, 3);
    // b is small; two more are hidden with it on the results pages, and here too.
    const protecting = [...atThree.hidden].find(([, why]) => why === 'protects_another');
    expect(protecting).toBeDefined();
    expect(
      workshopStatistics({ agencyId: protecting?.[0] ?? '', disclosure: atThree, itemCodes }).from,
    ).toBe('whole_of_government');
  });

  it('withholds the whole of government’s figures of an item the results withhold', () => {
    // c answered only A01: at A02 the total would hide a and b alone.
    const disclosure = decideDisclosure(
      [
        agency('a', 1, ['overall', 'item:A01', 'item:A02']),
        agency('b', 1, ['overall', 'item:A01', 'item:A02']),
        agency('c', 1, ['overall', 'item:A01']),
        agency('d', 9),
      ],
      3,
    );
    const statistics = workshopStatistics({ agencyId: null, disclosure, itemCodes });
    expect(statistics.from).toBe('whole_of_government');
    expect([...statistics.withheldItems]).toEqual(['A02']);
  });

  it('withholds every item when the whole of government is too small to show', () => {
    const disclosure = decideDisclosure([agency('a', 2)], 3);
    expect([
      ...workshopStatistics({ agencyId: null, disclosure, itemCodes }).withheldItems,
    ]).toEqual(itemCodes);
  });
});
