// Queries of the identity tables. Users are global; their memberships tie them to consortia.
import { and, asc, desc, eq, gt, ilike, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import {
  consortia,
  memberships,
  memberUnits,
  roles,
  securityEvents,
  sessions,
  users,
} from '../../db/schema/index.ts';
import type { Membership } from '../access/access.core.ts';
import { containsPattern } from '../../lib/like.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: Queryable, username: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  return row;
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function listMembershipsOfUser(db: Queryable, userId: string): Promise<Membership[]> {
  return db
    .select({
      consortiumId: memberships.consortiumId,
      memberUnitId: memberships.memberUnitId,
      roleCode: memberships.roleCode,
    })
    .from(memberships)
    .where(eq(memberships.userId, userId));
}

/** Memberships with the names the web shows. */
export async function listMembershipDetails(db: Queryable, userId: string, consortiumId?: string) {
  return db
    .select({
      id: memberships.id,
      consortiumId: memberships.consortiumId,
      consortiumName: consortia.name,
      memberUnitId: memberships.memberUnitId,
      memberUnitName: memberUnits.name,
      memberUnitType: memberUnits.type,
      roleCode: memberships.roleCode,
      roleNameZh: roles.nameZh,
      roleNameEn: roles.nameEn,
    })
    .from(memberships)
    .innerJoin(roles, eq(roles.code, memberships.roleCode))
    .leftJoin(consortia, eq(consortia.id, memberships.consortiumId))
    .leftJoin(
      memberUnits,
      and(
        eq(memberUnits.consortiumId, memberships.consortiumId),
        eq(memberUnits.id, memberships.memberUnitId),
      ),
    )
    .where(
      consortiumId
        ? and(eq(memberships.userId, userId), eq(memberships.consortiumId, consortiumId))
        : eq(memberships.userId, userId),
    )
    .orderBy(asc(consortia.name), asc(roles.code));
}

export async function insertSession(db: Queryable, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

export async function findLiveSession(db: Queryable, id: string, now: Date) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  return row;
}

export async function touchSession(db: Queryable, id: string, now: Date) {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

export async function revokeSession(db: Queryable, id: string, now: Date) {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

/** Revoke every live session of a user, except `keepId` if given. */
export async function revokeUserSessions(db: Queryable, userId: string, now: Date, keepId?: string) {
  const cond = [eq(sessions.userId, userId), isNull(sessions.revokedAt)];
  if (keepId) cond.push(ne(sessions.id, keepId));
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(...cond));
}

export async function recordSecurityEvent(db: Queryable, e: typeof securityEvents.$inferInsert) {
  await db.insert(securityEvents).values(e);
}

export type UserListFilter = {
  consortiumId: string;
  unitIds: string[] | null;
  q?: string | undefined;
  roleCode?: string | undefined;
  memberUnitId?: string | undefined;
  status?: 'active' | 'disabled' | undefined;
  sort: { field: string; desc: boolean };
  page: number;
  pageSize: number;
};

export async function listUsersInConsortium(db: Queryable, f: UserListFilter) {
  const mcond: SQL[] = [eq(memberships.consortiumId, f.consortiumId), eq(memberships.userId, users.id)];
  if (f.unitIds) mcond.push(f.unitIds.length ? inArray(memberships.memberUnitId, f.unitIds) : sql`false`);
  if (f.roleCode) mcond.push(eq(memberships.roleCode, f.roleCode));
  if (f.memberUnitId) mcond.push(eq(memberships.memberUnitId, f.memberUnitId));
  const where: SQL[] = [sql`exists (select 1 from ${memberships} where ${and(...mcond)})`];
  if (f.q) {
    const like = containsPattern(f.q);
    const qc = or(ilike(users.username, like), ilike(users.displayName, like));
    if (qc) where.push(qc);
  }
  if (f.status) where.push(eq(users.status, f.status));
  const cond = and(...where);
  const col =
    f.sort.field === 'displayName'
      ? users.displayName
      : f.sort.field === 'createdAt'
        ? users.createdAt
        : users.username;
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(cond)
      .orderBy(f.sort.desc ? desc(col) : asc(col), asc(users.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(cond),
  ]);
  return { items, total: count?.n ?? 0 };
}

export async function insertUser(db: Queryable, row: typeof users.$inferInsert): Promise<UserRow> {
  const [created] = await db.insert(users).values(row).returning();
  if (!created) throw new Error('insert returned nothing');
  return created;
}

export async function updateUser(db: Queryable, id: string, patch: Partial<typeof users.$inferInsert>) {
  const [row] = await db
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row;
}

export async function insertMembership(db: Queryable, row: typeof memberships.$inferInsert) {
  const [created] = await db.insert(memberships).values(row).onConflictDoNothing().returning();
  return created;
}

export async function findMembership(
  db: Queryable,
  consortiumId: string,
  userId: string,
  membershipId: string,
) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(
      and(
        eq(memberships.id, membershipId),
        eq(memberships.userId, userId),
        eq(memberships.consortiumId, consortiumId),
      ),
    );
  return row;
}

export async function deleteMembership(db: Queryable, id: string) {
  await db.delete(memberships).where(eq(memberships.id, id));
}

export async function countRoleHolders(db: Queryable, consortiumId: string, roleCode: string) {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${memberships.userId})::int` })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.consortiumId, consortiumId),
        eq(memberships.roleCode, roleCode),
        eq(users.status, 'active'),
      ),
    );
  return row?.n ?? 0;
}

export async function findRole(db: Queryable, code: string) {
  const [row] = await db.select().from(roles).where(eq(roles.code, code));
  return row;
}
