import { describe, expect, it } from 'vitest';
import { type AgencyProgress, responseRate, totalProgress } from './round-progress.ts';

const agency = (overrides: Partial<AgencyProgress>): AgencyProgress => ({
  agencyId: 'a',
  agencyName: 'Ministry',
  acronym: null,
  level: 'national',
  sector: 'health',
  invited: 0,
  started: 0,
  submitted: 0,
  ...overrides,
});

describe('round progress', () => {
  it('counts the response rate as submitted responses per invitation', () => {
    expect(responseRate({ invited: 8, submitted: 6 })).toBe(0.75);
  });

  it('has no response rate before anyone is invited, rather than a misleading 0%', () => {
    expect(responseRate({ invited: 0, submitted: 0 })).toBeUndefined();
  });

  it('adds agencies up and counts those with at least one submission', () => {
    const totals = totalProgress([
      agency({ invited: 10, started: 8, submitted: 5 }),
      agency({ invited: 4, started: 1, submitted: 0 }),
      agency({}),
    ]);
    expect(totals).toEqual({
      agencies: 3,
      invited: 14,
      started: 9,
      submitted: 5,
      agenciesResponding: 1,
    });
  });
});
