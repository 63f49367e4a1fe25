// Whether an invitation link lets its holder answer today: a pure decision
// over the invitation and its round, so pages and API refuse alike.

export type RoundStatus = 'draft' | 'open' | 'closed';

export interface LinkFacts {
  revokedAt: Date | null;
  round: { status: RoundStatus; opensOn: string; closesOn: string };
}

/**
 * `valid`: the respondent may answer. Otherwise why not: the link is unknown,
 * it was revoked, the round has not opened yet, or it has closed.
 */
export type LinkState = 'valid' | 'unknown' | 'revoked' | 'not_yet_open' | 'closed';

/**
 * Dates are ISO days (YYYY-MM-DD) and inclusive: a round that closes on the
 * 30th takes answers all that day. Revocation is checked first: a withdrawn
 * link says so even after the round has closed.
 */
export function decideLink(facts: LinkFacts | undefined, today: string): LinkState {
  if (!facts) return 'unknown';
  if (facts.revokedAt) return 'revoked';
  const { status, opensOn, closesOn } = facts.round;
  if (status === 'closed' || today > closesOn) return 'closed';
  if (status === 'draft' || today < opensOn) return 'not_yet_open';
  return 'valid';
}
