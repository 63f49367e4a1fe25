// Whose self-assessments the workshop looks at: the whole of government, or
// one agency of the round's scope, and whether that agency's answers may be
// shown at all. Pure.

/**
 * An agency's own distribution is shown only from this many submitted
 * responses: with one or two, a value on screen is a person's answer, and the
 * people in the room may know whose. Below it the workshop sees the whole of
 * government instead, and is told why.
 */
export const MIN_RESPONSES_FOR_AGENCY_DISTRIBUTION = 3;

export interface WorkshopScope {
  /** null: the whole of government. */
  agencyId: string | null;
  /** Submitted responses behind the scope's statistics. */
  submittedResponses: number;
}

/** Whose answers the statistics are drawn from: the agency's, or the whole of government's. */
export function statisticsScope(scope: WorkshopScope): 'agency' | 'whole_of_government' {
  if (scope.agencyId === null) return 'whole_of_government';
  return scope.submittedResponses >= MIN_RESPONSES_FOR_AGENCY_DISTRIBUTION
    ? 'agency'
    : 'whole_of_government';
}
