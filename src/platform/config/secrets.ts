// Secrets handed to people in links and cookies: long, random, and stored only
// as a hash, so a copy of the database opens no session and no questionnaire.
import { createHash, randomBytes } from 'node:crypto';

/** A new secret: 32 random bytes, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The SHA-256 of a secret, as stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
