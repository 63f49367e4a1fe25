// The rules of a workspace's membership: who may be added (an email, a name,
// a role, and agencies for a focal point), and that the workspace always keeps
// at least one admin, so no one is locked out of managing it.
import { z } from 'zod';
import { type Role, roles } from './access.ts';

export const PERSON_NAME_MAX = 200;
export const EMAIL_MAX = 320;

/** One thing wrong; `rule` names `members.error.<rule>` in the catalogue. */
export interface MemberProblem {
  field: 'email' | 'name' | 'role' | 'agencyIds' | 'member';
  rule: string;
  values?: Record<string, string | number>;
}

export interface RawMembership {
  role?: string | undefined;
  agencyIds?: readonly string[] | undefined;
}

export interface MembershipFields {
  role: Role;
  /** The agencies a focal point answers for; empty for every other role. */
  agencyIds: string[];
}

/** Checks a role and, for a focal point, the agencies it covers. */
export function checkMembership(
  raw: RawMembership,
  knownAgencyIds: ReadonlySet<string>,
): { fields?: MembershipFields; problems: MemberProblem[] } {
  const problems: MemberProblem[] = [];
  const role = (raw.role ?? '').trim();
  if (!roles.includes(role as Role)) problems.push({ field: 'role', rule: 'roleInvalid' });
  const agencyIds = role === 'focal_point' ? [...new Set(raw.agencyIds ?? [])] : [];
  if (role === 'focal_point' && agencyIds.length === 0)
    problems.push({ field: 'agencyIds', rule: 'agenciesMissing' });
  else if (agencyIds.some((id) => !knownAgencyIds.has(id)))
    problems.push({ field: 'agencyIds', rule: 'agencyUnknown' });
  if (problems.length > 0) return { problems };
  return { problems, fields: { role: role as Role, agencyIds } };
}

export interface RawPerson {
  email?: string | undefined;
  name?: string | undefined;
}

/** Checks the person to add: an email address and a name. */
export function checkPerson(raw: RawPerson): {
  person?: { email: string; name: string };
  problems: MemberProblem[];
} {
  const problems: MemberProblem[] = [];
  const email = (raw.email ?? '').trim();
  if (!email) problems.push({ field: 'email', rule: 'emailMissing' });
  else if (email.length > EMAIL_MAX || !z.email().safeParse(email).success)
    problems.push({ field: 'email', rule: 'emailInvalid' });
  const name = (raw.name ?? '').trim().replace(/\s+/g, ' ');
  if (!name) problems.push({ field: 'name', rule: 'nameMissing' });
  else if (name.length > PERSON_NAME_MAX)
    problems.push({ field: 'name', rule: 'tooLong', values: { max: PERSON_NAME_MAX } });
  if (problems.length > 0) return { problems };
  return { problems, person: { email, name } };
}

/**
 * Whether changing `userId` to `newRole` (or removing them: undefined) would
 * leave the workspace without an admin.
 */
export function lastAdminProblem(
  members: readonly { userId: string; role: Role }[],
  userId: string,
  newRole: Role | undefined,
): MemberProblem | undefined {
  const target = members.find((member) => member.userId === userId);
  if (target?.role !== 'admin' || newRole === 'admin') return undefined;
  const otherAdmins = members.filter(
    (member) => member.role === 'admin' && member.userId !== userId,
  );
  return otherAdmins.length === 0 ? { field: 'role', rule: 'lastAdmin' } : undefined;
}

/**
 * Whether the problems conflict with the workspace as it stands (a member
 * already there, the last admin), which a page and the API answer with 409,
 * rather than being wrong input (400).
 */
export function isConflict(problems: readonly MemberProblem[]): boolean {
  return problems.every(
    (problem) => problem.rule === 'lastAdmin' || problem.rule === 'alreadyMember',
  );
}
