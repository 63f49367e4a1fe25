// decideLink's `valid` (invitation-link.ts) as a condition inside a SQL
// statement, for statements that must check a link in the same breath as they
// write: a save of answers, the claim of reminders. Written here once, so the
// table of cases that holds it equal to decideLink (test/save-rule-cases.ts)
// tests what those statements run.
import { type RawBuilder, sql } from 'kysely';

/** The aliases (or table names) of the statement's invitation and round rows. */
export interface LinkRows {
  invitation: string;
  round: string;
}

/**
 * True when the invitation lets its holder answer on `today` (an ISO day, as
 * decideLink takes it): not revoked, its round open, today between the round's
 * opening and closing dates, both included.
 */
export function linkOpensOn({ invitation, round }: LinkRows, today: string): RawBuilder<boolean> {
  const ofRound = (column: string) => sql.ref(`${round}.${column}`);
  return sql<boolean>`(${sql.ref(`${invitation}.revoked_at`)} is null
    and ${ofRound('status')} = 'open'
    and ${ofRound('opens_on')} <= ${today}::date
    and ${ofRound('closes_on')} >= ${today}::date)`;
}
