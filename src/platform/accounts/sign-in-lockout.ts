// The per-account sign-in lockout: after a few wrong passwords for one
// address, signing in with it pauses for a while, and each further failure
// doubles the pause. It stops a slow guesser that changes address (which the
// per-address limit cannot), yet lets the person in after a short wait, or at
// once with a reset link. Addresses without an account are counted the same
// way, so the lockout never tells whether an address has one.

/** Wrong passwords in a row before the first pause. */
export const FAILURES_BEFORE_LOCKOUT = 5;
export const FIRST_LOCKOUT_MS = 60 * 1000;
/** The pause stops doubling here: longer would only help someone lock a person out. */
export const LONGEST_LOCKOUT_MS = 60 * 60 * 1000;
/** Failures older than this are forgotten: a mistyped password last week starts nothing. */
export const FAILURES_FORGOTTEN_AFTER_MS = 24 * 60 * 60 * 1000;

/** How long signing in pauses after `failures` wrong passwords in a row (0: no pause). */
export function lockoutAfter(failures: number): number {
  if (failures < FAILURES_BEFORE_LOCKOUT) return 0;
  const doublings = failures - FAILURES_BEFORE_LOCKOUT;
  // 2^6 minutes already passes the longest pause; stop before the number grows without bound.
  return Math.min(FIRST_LOCKOUT_MS * 2 ** Math.min(doublings, 10), LONGEST_LOCKOUT_MS);
}

/** Until when signing in pauses after the failure at `failedAt`, the `failures`th in a row. */
export function lockedUntilAfter(failures: number, failedAt: Date): Date | undefined {
  const pause = lockoutAfter(failures);
  return pause > 0 ? new Date(failedAt.getTime() + pause) : undefined;
}

/** Failures before this moment no longer count towards a pause. */
export function forgetFailuresBefore(now: Date): Date {
  return new Date(now.getTime() - FAILURES_FORGOTTEN_AFTER_MS);
}

/** Whole minutes left until `until`, at least 1, for telling a person when to try again. */
export function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
