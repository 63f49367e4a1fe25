// Changing who belongs to a workspace: add a person (creating their account,
// without a password, if they have none), change a role, remove a member;
// each checked and written with its audit entry in one transaction.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-store.ts';
import type { ChangedBy } from '../audit/changed-by.ts';
import type { Schema } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { listAgencyRefs } from '../workspaces/agency-directory.ts';
import { createUser, findUserByEmail, setMembership } from './account-store.ts';
import {
  checkMembership,
  checkPerson,
  lastAdminProblem,
  type MemberProblem,
  type RawMembership,
  type RawPerson,
} from './member-rules.ts';
import { deleteMembership, listMembers, lockMembers } from './member-store.ts';

export type MemberOutcome = { ok: true; userId: string } | { ok: false; problems: MemberProblem[] };

async function checkedMembership(tx: Kysely<Schema>, workspaceId: string, raw: RawMembership) {
  const agencies = await listAgencyRefs(tx, workspaceId);
  return checkMembership(raw, new Set(agencies.map((agency) => agency.id)));
}

const notMember = (userId: string) =>
  new AppError('not_found', `There is no member ${userId} in this workspace`);

export async function addMember(
  db: Kysely<Schema>,
  raw: RawPerson & RawMembership,
  by: ChangedBy,
): Promise<MemberOutcome> {
  return db.transaction().execute(async (tx) => {
    await lockMembers(tx, by.workspaceId);
    const { person, problems } = checkPerson(raw);
    const membership = await checkedMembership(tx, by.workspaceId, raw);
    problems.push(...membership.problems);
    if (!person || !membership.fields) return { ok: false, problems };

    const existing = await findUserByEmail(tx, person.email);
    const members = await listMembers(tx, by.workspaceId);
    if (existing && members.some((member) => member.userId === existing.id))
      return {
        ok: false,
        problems: [{ field: 'email', rule: 'alreadyMember', values: { email: person.email } }],
      };
    // A new person gets an account without a password; they set one through a reset link.
    const userId = existing?.id ?? (await createUser(tx, { ...person, passwordHash: null }));
    await setMembership(tx, { workspaceId: by.workspaceId, userId, ...membership.fields });
    await recordAudit(tx, {
      workspaceId: by.workspaceId,
      actor: by.actor,
      action: 'membership.added',
      entityType: 'membership',
      entityId: userId,
      details: {
        email: existing?.email ?? person.email,
        ...membership.fields,
        newAccount: !existing,
      },
    });
    return { ok: true, userId };
  });
}

export async function changeMember(
  db: Kysely<Schema>,
  userId: string,
  raw: RawMembership,
  by: ChangedBy,
): Promise<MemberOutcome> {
  return db.transaction().execute(async (tx) => {
    await lockMembers(tx, by.workspaceId);
    const members = await listMembers(tx, by.workspaceId);
    const member = members.find((candidate) => candidate.userId === userId);
    if (!member) throw notMember(userId);
    const { fields, problems } = await checkedMembership(tx, by.workspaceId, raw);
    if (!fields) return { ok: false, problems };
    const lastAdmin = lastAdminProblem(members, userId, fields.role);
    if (lastAdmin) return { ok: false, problems: [lastAdmin] };
    await setMembership(tx, { workspaceId: by.workspaceId, userId, ...fields });
    await recordAudit(tx, {
      workspaceId: by.workspaceId,
      actor: by.actor,
      action: 'membership.changed',
      entityType: 'membership',
      entityId: userId,
      details: { email: member.email, ...fields, was: member.role },
    });
    return { ok: true, userId };
  });
}

export async function removeMember(
  db: Kysely<Schema>,
  userId: string,
  by: ChangedBy,
): Promise<MemberOutcome> {
  return db.transaction().execute(async (tx) => {
    await lockMembers(tx, by.workspaceId);
    const members = await listMembers(tx, by.workspaceId);
    const member = members.find((candidate) => candidate.userId === userId);
    if (!member) throw notMember(userId);
    const lastAdmin = lastAdminProblem(members, userId, undefined);
    if (lastAdmin) return { ok: false, problems: [{ ...lastAdmin, field: 'member' }] };
    await deleteMembership(tx, by.workspaceId, userId);
    await recordAudit(tx, {
      workspaceId: by.workspaceId,
      actor: by.actor,
      action: 'membership.removed',
      entityType: 'membership',
      entityId: userId,
      details: { email: member.email, role: member.role },
    });
    return { ok: true, userId };
  });
}
