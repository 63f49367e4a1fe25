// Which round, agency and invitation a request may act on: programme leads on
// every agency of the round, a focal point only on the agencies they answer for
// (memberCoversAgency). Called first by every invitation page and API handler.
import type { Kysely } from 'kysely';
import { type Member, memberCoversAgency } from '../../platform/accounts/access.ts';
import type { SignedIn } from '../../platform/accounts/account-store.ts';
import { actorOf } from '../../platform/audit/audit.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { requireWorkspace, type Workspace } from '../../platform/workspaces/workspace-store.ts';
import { findAgency } from '../agencies/index.ts';
import { findRound, type RoundSummary } from '../rounds/index.ts';
import { findInvitationScope, isAgencyInRound } from './round-invitations-store.ts';

function requireMember(signedIn: SignedIn | undefined): Member {
  // Access hooks have already refused anyone without a membership; this narrows the type.
  if (!signedIn?.member) throw new AppError('forbidden', 'Your role does not allow this');
  return signedIn.member;
}

function requireCovered(member: Member, agencyId: string, field: string) {
  if (!memberCoversAgency(member, agencyId)) {
    throw new AppError('forbidden', 'You manage the respondents of your own agencies only', [
      { path: field, message: 'is not one of your agencies' },
    ]);
  }
}

export interface RoundScope {
  workspace: Workspace;
  round: RoundSummary;
  member: Member;
  actor: ReturnType<typeof actorOf>;
  /** The agencies the member may act on; undefined: all of them. */
  agencyIds: readonly string[] | undefined;
}

export async function requireRoundScope(
  db: Kysely<Schema>,
  signedIn: SignedIn | undefined,
  roundId: string,
): Promise<RoundScope> {
  const member = requireMember(signedIn);
  const workspace = await requireWorkspace(db);
  const round = await findRound(db, workspace.id, roundId);
  if (!round) throw new AppError('not_found', `There is no round ${roundId}`);
  return {
    workspace,
    round,
    member,
    actor: actorOf(signedIn),
    agencyIds: member.role === 'focal_point' ? member.agencyIds : undefined,
  };
}

/** The round and one of its agencies, when the member may act on that agency. */
export async function requireAgencyScope(
  db: Kysely<Schema>,
  signedIn: SignedIn | undefined,
  roundId: string,
  agencyId: string,
  field = 'params.agencyId',
) {
  const scope = await requireRoundScope(db, signedIn, roundId);
  requireCovered(scope.member, agencyId, field);
  const agency = await findAgency(db, scope.workspace.id, agencyId);
  if (!agency || !(await isAgencyInRound(db, roundId, agencyId))) {
    throw new AppError('not_found', `The agency ${agencyId} is not in this round`, [
      { path: field, message: 'is not an agency of this round' },
    ]);
  }
  return { ...scope, agency: { id: agency.id, name: agency.name } };
}

/** An invitation the member may act on. */
export async function requireInvitationScope(
  db: Kysely<Schema>,
  signedIn: SignedIn | undefined,
  invitationId: string,
) {
  const member = requireMember(signedIn);
  const workspace = await requireWorkspace(db);
  const invitation = await findInvitationScope(db, invitationId);
  if (!invitation || invitation.workspaceId !== workspace.id)
    throw new AppError('not_found', `There is no invitation ${invitationId}`);
  requireCovered(member, invitation.agencyId, 'params.id');
  return { workspace, invitation, actor: actorOf(signedIn) };
}
