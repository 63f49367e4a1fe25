// API tokens: what an admin may ask for (a name, a role, an expiry), how a
// token is read from a request, and whether a stored token still works.
import { hashSecret, newSecret } from '../config/secrets.ts';
import { type Role, type TokenRole, tokenActsAs, tokenRoles } from './access.ts';

/** Marks a Transforma token, so a secret scanner or a reader of a config file knows what it is. */
const TOKEN_PREFIX = 'tfa_';

/** A new token and the hash to store; the token itself is shown once and never stored. */
export function newApiToken(): { token: string; hash: string } {
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  return { token, hash: hashSecret(token) };
}

/** The offered lifetimes, in days; the longest is also the furthest date one may choose. */
export const expiryChoices = [30, 90, 365] as const;
const LONGEST_DAYS = 365;
const DAY_MS = 24 * 3600 * 1000;
export const NAME_MAX = 100;

export interface RawTokenRequest {
  name?: string | undefined;
  role?: string | undefined;
  /** A number of days from `expiryChoices`, or "date" for `expiresOn`. */
  expires?: string | undefined;
  /** YYYY-MM-DD: the token works until the start of that day (UTC). */
  expiresOn?: string | undefined;
}

export type TokenField = 'name' | 'role' | 'expires' | 'expiresOn';
export interface TokenProblem {
  field: TokenField;
  rule:
    | 'nameMissing'
    | 'nameTooLong'
    | 'roleInvalid'
    | 'expiresMissing'
    | 'dateInvalid'
    | 'dateNotFuture'
    | 'dateTooFar'
    | 'dateNotChosen';
  values?: Record<string, string | number>;
}

export interface TokenRequest {
  name: string;
  role: TokenRole;
  expiresAt: Date;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Checks every field at once; `now` decides what "in 30 days" and "a past date" mean. */
export function checkTokenRequest(
  raw: RawTokenRequest,
  now: Date,
): { ok: true; request: TokenRequest } | { ok: false; problems: TokenProblem[] } {
  const problems: TokenProblem[] = [];
  const name = (raw.name ?? '').trim();
  if (name === '') problems.push({ field: 'name', rule: 'nameMissing' });
  else if (name.length > NAME_MAX)
    problems.push({ field: 'name', rule: 'nameTooLong', values: { max: NAME_MAX } });

  const role = tokenRoles.find((candidate) => candidate === raw.role);
  if (!role) problems.push({ field: 'role', rule: 'roleInvalid' });

  let expiresAt: Date | undefined;
  const days = expiryChoices.find((choice) => String(choice) === raw.expires);
  if (days !== undefined) {
    // A date typed beside a number of days would be silently dropped: ask which was meant.
    if ((raw.expiresOn ?? '').trim() !== '')
      problems.push({ field: 'expiresOn', rule: 'dateNotChosen', values: { days } });
    else expiresAt = new Date(now.getTime() + days * DAY_MS);
  } else if (raw.expires === 'date') {
    const text = (raw.expiresOn ?? '').trim();
    const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : undefined;
    const latest = isoDay(new Date(now.getTime() + LONGEST_DAYS * DAY_MS));
    if (!date || Number.isNaN(date.getTime()) || isoDay(date) !== text)
      problems.push({ field: 'expiresOn', rule: 'dateInvalid' });
    else if (text <= isoDay(now)) problems.push({ field: 'expiresOn', rule: 'dateNotFuture' });
    else if (text > latest)
      problems.push({ field: 'expiresOn', rule: 'dateTooFar', values: { latest } });
    else expiresAt = date;
  } else {
    problems.push({ field: 'expires', rule: 'expiresMissing' });
  }

  if (problems.length > 0 || !role || !expiresAt) return { ok: false, problems };
  return { ok: true, request: { name, role, expiresAt } };
}

/**
 * The token of an `Authorization: Bearer …` header; undefined without one (or
 * with another scheme); '' for a Bearer header without a token.
 */
export function bearerToken(header: string | undefined): string | undefined {
  // Whatever follows "Bearer" is the token, right or wrong: a malformed one is refused, not ignored.
  const match = /^\s*bearer(?:\s+(.*?))?\s*$/i.exec(header ?? '');
  return match ? (match[1] ?? '') : undefined;
}

/** A stored token as the request that carries it needs it. */
export interface PresentedToken {
  expiresAt: Date;
  revokedAt: Date | null;
  role: TokenRole;
  /** The current role of the member who made it; undefined when they are no longer a member. */
  makerRole: Role | undefined;
}

export type TokenStanding =
  | { ok: true; role: Role }
  | { ok: false; reason: 'unknown' | 'revoked' | 'expired' | 'makerLacksRole' };

export function tokenStanding(token: PresentedToken | undefined, now: Date): TokenStanding {
  if (!token) return { ok: false, reason: 'unknown' };
  if (token.revokedAt) return { ok: false, reason: 'revoked' };
  if (token.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  const role = tokenActsAs(token.role, token.makerRole);
  return role ? { ok: true, role } : { ok: false, reason: 'makerLacksRole' };
}

/** Why a token was refused, as the API says it (the API speaks English, as its other errors do). */
export const refusalMessages: Record<Exclude<TokenStanding, { ok: true }>['reason'], string> = {
  unknown: 'The API token is not known; check that it was copied whole',
  revoked: 'The API token has been revoked',
  expired: 'The API token has expired; ask an admin for a new one',
  makerLacksRole:
    'The admin who made this API token no longer holds its role, so it no longer works',
};

// Every use would otherwise be a write; to the minute is all "last used" needs.
const USE_RECORDED_EVERY_MS = 60 * 1000;

/** Whether a use of a token should be written down as its last. */
export function isNewUse(lastUsedAt: Date | null, now: Date): boolean {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() >= USE_RECORDED_EVERY_MS;
}

/** Whether a token listed for admins still works, has expired, or was revoked. */
export function tokenState(
  token: { expiresAt: Date; revokedAt: Date | null },
  now: Date,
): 'active' | 'expired' | 'revoked' {
  if (token.revokedAt) return 'revoked';
  return token.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}
