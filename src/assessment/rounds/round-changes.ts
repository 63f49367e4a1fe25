// Changing rounds: create, edit while draft, open and close, each checked
// against the rules and written with its audit entry in one transaction.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit-store.ts';
import type { ChangedBy } from '../../platform/audit/changed-by.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { isoToday } from '../../platform/iso-day.ts';
import {
  checkRound,
  editProblem,
  nextStatus,
  type RawRound,
  type RoundAction,
  type RoundProblem,
} from './round-rules.ts';
import {
  agenciesWithInvitations,
  insertRound,
  listAgencyIds,
  listFrameworkOptions,
  lockRound,
  setRoundStatus,
  updateRound,
} from './round-write-store.ts';

export type RoundOutcome = { ok: true; id: string } | { ok: false; problems: RoundProblem[] };

const notFound = (roundId: string) => new AppError('not_found', `There is no round ${roundId}`);

/** Creates a draft round, or edits the draft `roundId`; reports every problem instead of saving. */
export async function saveRound(
  db: Kysely<Schema>,
  raw: RawRound,
  by: ChangedBy,
  roundId?: string,
): Promise<RoundOutcome> {
  return db.transaction().execute(async (tx) => {
    const round = roundId ? await lockRound(tx, by.workspaceId, roundId) : undefined;
    if (roundId && !round) throw notFound(roundId);
    const refused = round && editProblem(round.status);
    if (refused) return { ok: false, problems: [refused] };

    const frameworks = await listFrameworkOptions(tx);
    const { fields, problems } = checkRound(raw, {
      frameworkIds: new Set(frameworks.map((framework) => framework.id)),
      agencyIds: await listAgencyIds(tx, by.workspaceId),
    });
    if (!fields) return { ok: false, problems };

    if (!round) {
      const id = await insertRound(tx, by.workspaceId, fields);
      await recordAudit(tx, {
        workspaceId: by.workspaceId,
        actor: by.actor,
        action: 'round.created',
        entityType: 'round',
        entityId: id,
        details: { name: fields.name, agencies: fields.agencyIds.length },
      });
      return { ok: true, id };
    }
    // Taking an agency out of scope would silently delete its invitations.
    const removed = round.agencyIds.filter((id) => !fields.agencyIds.includes(id));
    const invited = await agenciesWithInvitations(tx, round.id, removed);
    if (invited.length > 0)
      return {
        ok: false,
        problems: [
          {
            field: 'agencies',
            rule: 'agencyHasInvitations',
            values: { agencies: invited.join(', ') },
          },
        ],
      };
    await updateRound(tx, round, fields);
    await recordAudit(tx, {
      workspaceId: by.workspaceId,
      actor: by.actor,
      action: 'round.updated',
      entityType: 'round',
      entityId: round.id,
      details: { name: fields.name, agencies: fields.agencyIds.length },
    });
    return { ok: true, id: round.id };
  });
}

/** Opens or closes a round, or says why it cannot. */
export async function changeRoundStatus(
  db: Kysely<Schema>,
  roundId: string,
  action: RoundAction,
  by: ChangedBy,
): Promise<RoundOutcome> {
  return db.transaction().execute(async (tx) => {
    const round = await lockRound(tx, by.workspaceId, roundId);
    if (!round) throw notFound(roundId);
    const next = nextStatus(round.status, action, { closesOn: round.closesOn, today: isoToday() });
    if (!next.ok) return { ok: false, problems: [next.problem] };
    await setRoundStatus(tx, round.id, next.status);
    await recordAudit(tx, {
      workspaceId: by.workspaceId,
      actor: by.actor,
      action: action === 'open' ? 'round.opened' : 'round.closed',
      entityType: 'round',
      entityId: round.id,
      details: { name: round.name },
    });
    return { ok: true, id: round.id };
  });
}
