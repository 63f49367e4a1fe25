// The latest-change rule of save-decision.ts (supersedes) as a condition
// inside the statement that writes answers, so the answers of a whole group
// of saves are decided where they are written, without reading them first.
// Written here once: the table of cases that holds it equal to supersedes
// (test/save-rule-cases.ts) tests what the store runs.
import { type RawBuilder, sql } from 'kysely';

/**
 * True when the answer of row `incoming` replaces the answer of row `stored`:
 * unless the stored one was changed later. Equal times replace, as in
 * supersedes.
 */
export function supersedesSql(incoming: string, stored: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(`${stored}.changed_at`)} <= ${sql.ref(`${incoming}.changed_at`)}`;
}
