// Accounts inside a consortium: list, create, edit, disable, reset passwords, add and remove memberships.
// Authorization is decided by the routes through AccessControl; this file enforces the domain rules
// (who may hand out which role, which units a role sits in, never lose the last secretariat).
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/access.core.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findUnit } from '../consortium/consortium.repo.ts';
import { auditUser } from './identity.presenter.ts';
import * as repo from './identity.repo.ts';
import { assertPasswordStrong, hashPassword } from './password.ts';

export async function getUserInConsortium(db: Db, consortiumId: string, userId: string) {
  const user = await repo.findUserById(db, userId);
  const memberships = user ? await repo.listMembershipDetails(db, userId, consortiumId) : [];
  if (!user || memberships.length === 0) throw new AppError('USER_NOT_FOUND', 'User not found.');
  return { user, memberships };
}

/** Checks that `actor` may give `roleCode` in unit `memberUnitId` of the consortium. */
async function checkAssignment(
  db: Db,
  actor: Actor,
  consortiumId: string,
  roleCode: string,
  memberUnitId?: string,
) {
  const role = await repo.findRole(db, roleCode);
  if (!role) {
    throw new AppError('ROLE_NOT_FOUND', `Unknown role ${roleCode}.`, {
      issues: [{ path: 'body.roleCode', code: 'unknown', message: `unknown role ${roleCode}` }],
    });
  }
  const held = new Set(
    actor.memberships
      .filter((m) => m.consortiumId === null || m.consortiumId === consortiumId)
      .map((m) => m.roleCode),
  );
  if (!role.assignableBy.some((r) => held.has(r))) {
    throw new AppError('FORBIDDEN', `Your role may not hand out the role ${roleCode}.`, { roleCode });
  }
  if (role.level === 'platform') {
    throw new AppError('ROLE_NOT_ALLOWED', `${roleCode} is a platform role, not held inside a consortium.`, {
      issues: [{ path: 'body.roleCode', code: 'platform_role', message: 'a platform role' }],
    });
  }
  if (role.unitRequirement === 'none' && memberUnitId) {
    throw new AppError('ROLE_NOT_ALLOWED', `The role ${roleCode} is not held in a member unit.`, {
      issues: [{ path: 'body.memberUnitId', code: 'not_allowed', message: 'this role takes no member unit' }],
    });
  }
  if (role.unitRequirement === 'required' && !memberUnitId) {
    throw new AppError('ROLE_NOT_ALLOWED', `The role ${roleCode} must name a member unit.`, {
      issues: [{ path: 'body.memberUnitId', code: 'required', message: 'this role needs a member unit' }],
    });
  }
  if (memberUnitId) {
    const unit = await findUnit(db, consortiumId, memberUnitId);
    if (!unit) throw new AppError('MEMBER_UNIT_NOT_FOUND', 'Member unit not found.');
    if (role.unitTypes && !role.unitTypes.includes(unit.type)) {
      throw new AppError(
        'ROLE_NOT_ALLOWED',
        `The role ${roleCode} cannot sit in a unit of type ${unit.type}.`,
        {
          issues: [
            {
              path: 'body.memberUnitId',
              code: 'unit_type',
              message: `allowed unit types: ${role.unitTypes.join(', ')}`,
            },
          ],
        },
      );
    }
  }
}

export async function createUser(
  db: Db,
  actor: Actor,
  consortiumId: string,
  input: {
    username: string;
    displayName: string;
    password: string;
    phone?: string | undefined;
    email?: string | undefined;
    roleCode: string;
    memberUnitId?: string | undefined;
  },
  requestId?: string,
) {
  await checkAssignment(db, actor, consortiumId, input.roleCode, input.memberUnitId);
  assertPasswordStrong(input.password, input.username);
  if (await repo.findUserByUsername(db, input.username)) {
    throw new AppError('USERNAME_TAKEN', `The username ${input.username} is taken.`, {
      issues: [{ path: 'body.username', code: 'taken', message: 'taken' }],
    });
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const user = await repo.insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      phone: input.phone ?? null,
      email: input.email ?? null,
    });
    await repo.insertMembership(tx, {
      userId: user.id,
      consortiumId,
      memberUnitId: input.memberUnitId ?? null,
      roleCode: input.roleCode,
    });
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'user',
      entityId: user.id,
      action: 'create',
      after: { ...auditUser(user), roleCode: input.roleCode, memberUnitId: input.memberUnitId ?? null },
      requestId,
    });
    return user;
  });
}

export async function updateUser(
  db: Db,
  actor: Actor,
  consortiumId: string,
  userId: string,
  patch: {
    displayName?: string | undefined;
    phone?: string | null | undefined;
    email?: string | null | undefined;
    status?: 'active' | 'disabled' | undefined;
  },
  requestId?: string,
) {
  const { user } = await getUserInConsortium(db, consortiumId, userId);
  if (patch.status === 'disabled' && userId === actor.userId) {
    throw new AppError('FORBIDDEN', 'You cannot disable your own account.');
  }
  return db.transaction(async (tx) => {
    const updated = await repo.updateUser(tx, userId, patch);
    if (!updated) throw new AppError('USER_NOT_FOUND', 'User not found.');
    if (patch.status === 'disabled') {
      if ((await repo.countRoleHolders(tx, consortiumId, 'secretariat')) === 0) {
        throw new AppError(
          'LAST_SECRETARIAT',
          'A consortium must keep at least one active secretariat account.',
        );
      }
      await repo.revokeUserSessions(tx, userId, new Date());
    }
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'user',
      entityId: userId,
      action:
        patch.status && patch.status !== user.status
          ? patch.status === 'disabled'
            ? 'disable'
            : 'enable'
          : 'update',
      before: auditUser(user),
      after: auditUser(updated),
      requestId,
    });
    return updated;
  });
}

/** An administrator sets a new password: all the user's sessions end. */
export async function resetPassword(
  db: Db,
  actor: Actor,
  consortiumId: string,
  userId: string,
  newPassword: string,
  requestId?: string,
) {
  const { user } = await getUserInConsortium(db, consortiumId, userId);
  assertPasswordStrong(newPassword, user.username);
  const passwordHash = await hashPassword(newPassword);
  const now = new Date();
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, userId, {
      passwordHash,
      passwordChangedAt: now,
      failedLoginCount: 0,
      lockedUntil: null,
    });
    await repo.revokeUserSessions(tx, userId, now);
    await repo.recordSecurityEvent(tx, { userId, username: user.username, kind: 'password.reset' });
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'user',
      entityId: userId,
      action: 'reset_password',
      requestId,
    });
  });
}

export async function addMembership(
  db: Db,
  actor: Actor,
  consortiumId: string,
  userId: string,
  input: { roleCode: string; memberUnitId?: string | undefined },
  requestId?: string,
) {
  await getUserInConsortium(db, consortiumId, userId);
  await checkAssignment(db, actor, consortiumId, input.roleCode, input.memberUnitId);
  return db.transaction(async (tx) => {
    const created = await repo.insertMembership(tx, {
      userId,
      consortiumId,
      memberUnitId: input.memberUnitId ?? null,
      roleCode: input.roleCode,
    });
    if (!created) {
      throw new AppError('VALIDATION_FAILED', 'The user already holds this role in this unit.', {
        issues: [{ path: 'body.roleCode', code: 'duplicate', message: 'already held' }],
      });
    }
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'membership',
      entityId: created.id,
      action: 'create',
      after: { userId, roleCode: created.roleCode, memberUnitId: created.memberUnitId },
      requestId,
    });
    return created;
  });
}

export async function removeMembership(
  db: Db,
  actor: Actor,
  consortiumId: string,
  userId: string,
  membershipId: string,
  requestId?: string,
) {
  const m = await repo.findMembership(db, consortiumId, userId, membershipId);
  if (!m) throw new AppError('NOT_FOUND', 'Membership not found.');
  await checkAssignment(db, actor, consortiumId, m.roleCode, m.memberUnitId ?? undefined);
  await db.transaction(async (tx) => {
    await repo.deleteMembership(tx, m.id);
    if (
      m.roleCode === 'secretariat' &&
      (await repo.countRoleHolders(tx, consortiumId, 'secretariat')) === 0
    ) {
      throw new AppError(
        'LAST_SECRETARIAT',
        'A consortium must keep at least one active secretariat account.',
      );
    }
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'membership',
      entityId: m.id,
      action: 'delete',
      before: { userId, roleCode: m.roleCode, memberUnitId: m.memberUnitId },
      requestId,
    });
  });
}
