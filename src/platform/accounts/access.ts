// Who may do what: the roles of a workspace, the permissions each role holds,
// and the access every route declares. The one place authorization is decided.

export const roles = ['admin', 'coordinator', 'focal_point', 'facilitator', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  /** Read the workspace: agencies, rounds and their progress, aggregate results. */
  'workspace.read',
  /** Create and edit agencies, import them from CSV. */
  'agencies.manage',
  /** Create, open and close rounds; import frameworks. */
  'rounds.manage',
  /** Add respondents, send and revoke invitation links and reminders (focal points: own agencies). */
  'invitations.manage',
  /** Per-respondent answers (focal points: own agencies). */
  'responses.read',
  /** Run the collaborative workshop and record consensus. */
  'workshop.facilitate',
  /** Give and take away roles. */
  'members.manage',
  /** Read and export the audit log. */
  'audit.read',
  /** Set targets; accept or set aside recommendations; create, adopt and close plans. */
  'plans.manage',
  /** Edit a plan's analysis and vision (facilitators too: they run the workshops that write them). */
  'plans.edit',
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  admin: permissions,
  coordinator: [
    'workspace.read',
    'agencies.manage',
    'rounds.manage',
    'invitations.manage',
    'responses.read',
    'workshop.facilitate',
    'plans.manage',
    'plans.edit',
  ],
  focal_point: ['workspace.read', 'invitations.manage', 'responses.read'],
  facilitator: ['workspace.read', 'workshop.facilitate', 'plans.edit'],
  viewer: ['workspace.read'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}

/** The roles an API token may act with: a focal point answers for named agencies, a token for the workspace. */
export const tokenRoles = ['admin', 'coordinator', 'facilitator', 'viewer'] as const;
export type TokenRole = (typeof tokenRoles)[number];

/**
 * The role an API token acts with: its own, while the member who made it still
 * holds every permission of it; otherwise none, and the token does not work.
 * So a token never does more than its role allows, nor more than its maker could.
 */
export function tokenActsAs(tokenRole: TokenRole, makerRole: Role | undefined): Role | undefined {
  if (!makerRole) return undefined;
  return grants[tokenRole].every((permission) => roleHas(makerRole, permission))
    ? tokenRole
    : undefined;
}

/**
 * What a route requires. `public`: anyone. `respondent`: the holder of an
 * invitation link, checked by the route from the link's secret. `operator`:
 * the command line on the server's machine, checked by the route from the
 * secret in the data folder. `signed-in`:
 * anyone signed in, member of the workspace or not (e.g. to sign out). A
 * permission: a signed-in member whose role holds it.
 */
export type Access = 'public' | 'respondent' | 'operator' | 'signed-in' | Permission;

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** For focal points, the agencies they answer for; empty for other roles. */
  agencyIds: readonly string[];
}

/** Whether a member may see or act on data of one agency (focal points: only their own). */
export function memberCoversAgency(member: Member, agencyId: string): boolean {
  return member.role !== 'focal_point' || member.agencyIds.includes(agencyId);
}

export type AccessDecision = 'allow' | 'sign-in' | 'forbidden';

/** Decides a request: `viewer` is who is signed in (undefined: nobody), with their membership if any. */
export function decideAccess(
  access: Access,
  viewer: { member: Member | undefined } | undefined,
): AccessDecision {
  if (access === 'public' || access === 'respondent' || access === 'operator') return 'allow';
  if (!viewer) return 'sign-in';
  if (access === 'signed-in') return 'allow';
  return viewer.member && roleHas(viewer.member.role, access) ? 'allow' : 'forbidden';
}
