import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../lib/errors.ts';

// argon2id with the library's defaults (19 MiB, t=2), the OWASP-recommended minimum.
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing anyone knows, verified against when the user does not exist (equal timing). */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hash('not-a-real-password-' + Math.random());
  await verifyPassword(await dummyHash, password);
}

/** Returns the rule the password breaks, or null. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < 8) return 'at least 8 characters';
  if (password.length > 128) return 'at most 128 characters';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return 'must contain a letter and a digit';
  if (username && password.toLowerCase() === username.toLowerCase()) return 'must differ from the username';
  return null;
}

export function assertPasswordStrong(password: string, username?: string): void {
  const problem = passwordProblem(password, username);
  if (problem) {
    throw new AppError('PASSWORD_TOO_WEAK', `Password: ${problem}.`, {
      issues: [{ path: 'body.password', code: 'weak', message: problem }],
    });
  }
}
