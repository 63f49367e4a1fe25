// Adding a dated entry to an initiative's timeline. An entry with a progress
// that is the latest by date also becomes the initiative's reported progress
// (raising its version) in the same transaction, so the roadmap reads what
// the timeline last says; an entry dated before the latest only records the past.
import type { Kysely } from 'kysely';
import type { ChangedBy } from '../../../platform/audit/changed-by.ts';
import type { Schema } from '../../../platform/db/schema.ts';
import { isoToday } from '../../../platform/iso-day.ts';
import { audit, userOf } from '../initiative-changes.ts';
import type { Initiative } from '../initiative-store.ts';
import {
  type ActionPlanProblem,
  checkUpdate,
  isLatestEntry,
  type RawFields,
} from './action-plan-rules.ts';
import {
  insertTimelineEntry,
  lockInitiative,
  reportProgress,
  timelineDates,
} from './timeline-store.ts';

export type TimelineOutcome =
  | {
      ok: true;
      id: string /** Whether the initiative's reported progress was set. */;
      reported: boolean;
    }
  | { ok: false; problems: ActionPlanProblem[] };

export async function addTimelineEntry(
  db: Kysely<Schema>,
  initiative: Pick<Initiative, 'id' | 'planId' | 'title'>,
  input: RawFields,
  by: ChangedBy,
): Promise<TimelineOutcome> {
  const { fields, problems } = checkUpdate(input, isoToday());
  if (!fields) return { ok: false, problems };
  return db.transaction().execute(async (tx) => {
    await lockInitiative(tx, initiative.id);
    const latest = isLatestEntry(fields.happenedOn, await timelineDates(tx, initiative.id));
    const id = await insertTimelineEntry(tx, initiative.id, fields, userOf(by));
    const reported = latest && fields.progress !== null;
    if (reported && fields.progress !== null)
      await reportProgress(tx, initiative.id, fields.progress, userOf(by));
    await audit(tx, by, 'initiative.update_added', initiative.id, {
      planId: initiative.planId,
      title: initiative.title,
      happenedOn: fields.happenedOn,
      entryId: id,
      ...(fields.progress === null ? {} : { progress: fields.progress }),
    });
    return { ok: true, id, reported };
  });
}
