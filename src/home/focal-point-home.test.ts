import { describe, expect, it } from 'vitest';
import type { AgencyProgress } from '../assessment/rounds/round-progress.ts';
import { focalPointAgencies, nextSteps, roundsThatMatter } from './focal-point-home.ts';

const round = (id: string, status: 'draft' | 'open' | 'closed', closesOn: string) => ({
  id,
  name: id,
  status,
  closesOn,
});

const progressOf = (agencyId: string, invited: number, started: number, submitted: number) =>
  ({
    agencyId,
    agencyName: agencyId,
    acronym: null,
    level: 'national',
    sector: 'health',
    invited,
    started,
    submitted,
  }) satisfies AgencyProgress;

describe("a focal point's home", () => {
  it('acts on every open round and the latest closed one, never a draft', () => {
    const rounds = [
      round('draft', 'draft', '2027-06-30'),
      round('open', 'open', '2027-03-31'),
      round('closed-2025', 'closed', '2025-12-31'),
      round('closed-2026', 'closed', '2026-12-31'),
    ];
    expect(roundsThatMatter(rounds).map(({ id }) => id)).toEqual(['open', 'closed-2026']);
  });

  it('says what to do next from how far the respondents have come', () => {
    expect(nextSteps('open', { invited: 0, submitted: 0 })).toEqual(['invite']);
    expect(nextSteps('open', { invited: 5, submitted: 2 })).toEqual(['remind', 'inviteMore']);
    expect(nextSteps('open', { invited: 3, submitted: 3 })).toEqual(['inviteMore']);
    expect(nextSteps('closed', { invited: 3, submitted: 1 })).toEqual(['readResults']);
  });

  it('gives each of their agencies the rounds that include it, as counts', () => {
    const open = round('open', 'open', '2027-03-31');
    const agencies = focalPointAgencies(
      [
        { id: 'moh', name: 'Ministry of Health', acronym: 'MOH' },
        { id: 'mof', name: 'Ministry of Finance', acronym: 'MOF' },
      ],
      [{ round: open, progress: [progressOf('moh', 4, 3, 1), progressOf('other', 9, 9, 9)] }],
    );
    expect(agencies).toEqual([
      {
        id: 'moh',
        name: 'Ministry of Health',
        acronym: 'MOH',
        rounds: [
          {
            round: open,
            invited: 4,
            started: 3,
            submitted: 1,
            next: ['remind', 'inviteMore'],
          },
        ],
      },
      { id: 'mof', name: 'Ministry of Finance', acronym: 'MOF', rounds: [] },
    ]);
  });
});
