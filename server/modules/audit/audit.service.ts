// The audit trail: every write to tenant data calls `recordAudit` inside the same transaction,
// so a change and its audit row commit or roll back together.
import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import type { Actor } from '../access/access.core.ts';
import type { AuditListQuery } from './audit.schema.ts';

export type AuditEntry = {
  consortiumId: string;
  actor: Pick<Actor, 'userId' | 'displayName'> | null;
  entity: string;
  entityId: string;
  action: string;
  /** already presented (personal data masked, secrets absent): callers pass presenter output */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  requestId?: string | undefined;
};

function jsonSafe(v: Record<string, unknown> | null | undefined): unknown {
  return v == null ? null : (JSON.parse(JSON.stringify(v)) as unknown);
}

export async function recordAudit(db: Queryable, e: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    consortiumId: e.consortiumId,
    actorId: e.actor?.userId ?? null,
    actorName: e.actor?.displayName ?? 'system',
    entity: e.entity,
    entityId: e.entityId,
    action: e.action,
    before: jsonSafe(e.before),
    after: jsonSafe(e.after),
    requestId: e.requestId ?? null,
  });
}

export async function listAudit(db: Queryable, consortiumId: string, q: AuditListQuery) {
  const where: SQL[] = [eq(auditLog.consortiumId, consortiumId)];
  if (q.entity) where.push(eq(auditLog.entity, q.entity));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.actorId) where.push(eq(auditLog.actorId, q.actorId));
  if (q.from) where.push(gte(auditLog.at, q.from));
  if (q.to) where.push(lte(auditLog.at, q.to));
  const cond = and(...where);
  const order = q.sort === 'at' ? asc(auditLog.at) : desc(auditLog.at);
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(cond)
      .orderBy(order, desc(auditLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(cond),
  ]);
  return { items, total: count?.n ?? 0 };
}
