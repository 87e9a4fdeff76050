// Log in, log out, resolve a session, change one's password. Server-side sessions: the cookie holds a
// random token; the database holds its SHA-256, an expiry and a CSRF token.
import crypto from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/access.core.ts';
import * as repo from './identity.repo.ts';
import { assertPasswordStrong, hashPassword, verifyAgainstDummy, verifyPassword } from './password.ts';

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
const TOUCH_EVERY_MS = 60_000;

export type ClientMeta = { ip: string | undefined; userAgent: string | undefined };

export type SessionContext = { id: string; csrfToken: string; expiresAt: Date };

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

function randomToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export async function login(
  db: Db,
  input: { username: string; password: string },
  meta: ClientMeta,
  ttlMs: number,
  now = new Date(),
): Promise<{ token: string; session: SessionContext; userId: string }> {
  const user = await repo.findUserByUsername(db, input.username);
  if (!user) {
    await verifyAgainstDummy(input.password);
    await repo.recordSecurityEvent(db, { username: input.username, kind: 'login.unknown_user', ...meta });
    throw new AppError('INVALID_CREDENTIALS', 'The username or password is incorrect.');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await repo.recordSecurityEvent(db, {
      userId: user.id,
      username: user.username,
      kind: 'login.while_locked',
      ...meta,
    });
    throw new AppError(
      'ACCOUNT_LOCKED',
      `Too many failed logins; the account is locked until ${user.lockedUntil.toISOString()}.`,
      { lockedUntil: user.lockedUntil.toISOString() },
    );
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    const failures = user.failedLoginCount + 1;
    const lock = failures >= LOCKOUT_THRESHOLD;
    await repo.updateUser(db, user.id, {
      failedLoginCount: lock ? 0 : failures,
      lockedUntil: lock ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : user.lockedUntil,
    });
    await repo.recordSecurityEvent(db, {
      userId: user.id,
      username: user.username,
      kind: lock ? 'login.locked' : 'login.failed',
      ...meta,
    });
    throw new AppError('INVALID_CREDENTIALS', 'The username or password is incorrect.', {
      attemptsLeft: lock ? 0 : LOCKOUT_THRESHOLD - failures,
    });
  }
  if (user.status !== 'active') {
    await repo.recordSecurityEvent(db, {
      userId: user.id,
      username: user.username,
      kind: 'login.disabled',
      ...meta,
    });
    throw new AppError('ACCOUNT_DISABLED', 'This account is disabled.');
  }
  const token = randomToken();
  const session: SessionContext = {
    id: hashToken(token),
    csrfToken: randomToken(),
    expiresAt: new Date(now.getTime() + ttlMs),
  };
  await db.transaction(async (tx) => {
    await repo.insertSession(tx, {
      id: session.id,
      userId: user.id,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
      createdAt: now,
      lastSeenAt: now,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
    });
    await repo.updateUser(tx, user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now });
    await repo.recordSecurityEvent(tx, {
      userId: user.id,
      username: user.username,
      kind: 'login.ok',
      ...meta,
    });
  });
  return { token, session, userId: user.id };
}

export async function resolveSession(
  db: Db,
  token: string,
  now = new Date(),
): Promise<{ actor: Actor; session: SessionContext } | null> {
  const found = await repo.findLiveSession(db, hashToken(token), now);
  if (!found || found.user.status !== 'active') return null;
  if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await repo.touchSession(db, found.session.id, now);
  }
  const memberships = await repo.listMembershipsOfUser(db, found.user.id);
  return {
    actor: {
      userId: found.user.id,
      username: found.user.username,
      displayName: found.user.displayName,
      memberships,
    },
    session: { id: found.session.id, csrfToken: found.session.csrfToken, expiresAt: found.session.expiresAt },
  };
}

export async function logout(db: Db, actor: Actor, sessionId: string, meta: ClientMeta): Promise<void> {
  const now = new Date();
  await repo.revokeSession(db, sessionId, now);
  await repo.recordSecurityEvent(db, {
    userId: actor.userId,
    username: actor.username,
    kind: 'logout',
    ...meta,
  });
}

/** Changing one's password ends every other session of the user; the current one stays. */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
  meta: ClientMeta,
): Promise<void> {
  const user = await repo.findUserById(db, actor.userId);
  if (!user) throw new AppError('USER_NOT_FOUND', 'User not found.');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('PASSWORD_INCORRECT', 'The current password is incorrect.', {
      issues: [{ path: 'body.currentPassword', code: 'incorrect', message: 'incorrect' }],
    });
  }
  assertPasswordStrong(input.newPassword, user.username);
  const passwordHash = await hashPassword(input.newPassword);
  const now = new Date();
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { passwordHash, passwordChangedAt: now });
    await repo.revokeUserSessions(tx, user.id, now, sessionId);
    await repo.recordSecurityEvent(tx, {
      userId: user.id,
      username: user.username,
      kind: 'password.changed',
      ...meta,
    });
  });
}

export async function setLocale(db: Db, actor: Actor, locale: 'zh-CN' | 'en'): Promise<void> {
  await repo.updateUser(db, actor.userId, { locale });
}

/** A user and the actor they are (for a response right after login, before the cookie comes back). */
export async function loadActor(
  db: Db,
  userId: string,
): Promise<{ actor: Actor; user: repo.UserRow } | null> {
  const user = await repo.findUserById(db, userId);
  if (!user) return null;
  return {
    user,
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      memberships: await repo.listMembershipsOfUser(db, user.id),
    },
  };
}
