// Password hashing with argon2id at the library's defaults (OWASP's minimum:
// 19 MiB, 2 passes), and the rule a new password must meet.
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(
  passwordHash: string | null,
  password: string,
): Promise<boolean> {
  // An account without a password (single sign-on only) never matches; hashing
  // anyway keeps the answer as slow as for a wrong password.
  if (!passwordHash) {
    await hash(password);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
