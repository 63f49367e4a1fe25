import { describe, expect, it } from 'vitest';
import { MIN_RESPONSES_FOR_AGENCY_DISTRIBUTION, statisticsScope } from './workshop-scope.ts';

describe('whose answers the workshop sees', () => {
  it('shows an agency its own answers from three submitted responses', () => {
    expect(MIN_RESPONSES_FOR_AGENCY_DISTRIBUTION).toBe(3);
    expect(statisticsScope({ agencyId: 'a', submittedResponses: 3 })).toBe('agency');
  });

  it('shows the whole of government instead when an agency has fewer', () => {
    expect(statisticsScope({ agencyId: 'a', submittedResponses: 2 })).toBe('whole_of_government');
    expect(statisticsScope({ agencyId: 'a', submittedResponses: 0 })).toBe('whole_of_government');
  });

  it('shows the whole of government when no agency is chosen', () => {
    expect(statisticsScope({ agencyId: null, submittedResponses: 1 })).toBe('whole_of_government');
  });
});
