// The secret of an invitation link: unguessable, handed to one respondent, and
// stored only as its hash, so a copy of the database opens no questionnaire.
import { hashSecret, newSecret } from '../../platform/config/secrets.ts';

export interface InvitationToken {
  /** The secret that goes into the link, /r/<token>. */
  token: string;
  /** What is stored in invitations.token_hash. */
  tokenHash: string;
}

/** A new link secret: 32 random bytes, base64url (43 characters). */
export function newInvitationToken(): InvitationToken {
  const token = newSecret();
  return { token, tokenHash: hashInvitationToken(token) };
}

/** The SHA-256 (hex) of a link secret, as stored. */
export function hashInvitationToken(token: string): string {
  return hashSecret(token);
}

/**
 * Whether a string could be a link secret at all. Checked before hashing so a
 * mistyped or truncated link is refused without a database lookup.
 */
export function looksLikeInvitationToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{20,128}$/.test(token);
}
