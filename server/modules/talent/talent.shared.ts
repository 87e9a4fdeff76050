// What the talent services share: the status history, reference-code checks and in-app notifications.
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { memberships, notifications, statusEvents } from '../../db/schema/index.ts';
import type { FieldIssue } from '../../lib/errors.ts';
import type { Actor } from '../access/access.core.ts';
import * as refRepo from '../reference/reference.repo.ts';
import { codeStatuses } from '../reference/reference.service.ts';

type Entity = (typeof statusEvents.$inferInsert)['entity'];

export async function recordStatus(
  db: Queryable,
  e: {
    consortiumId: string;
    actor: Pick<Actor, 'userId' | 'displayName'> | null;
    entity: Entity;
    entityId: string;
    from: string | null;
    to: string;
    field?: string;
    note?: string | null | undefined;
    data?: Record<string, unknown> | null;
  },
): Promise<void> {
  await db.insert(statusEvents).values({
    consortiumId: e.consortiumId,
    entity: e.entity,
    entityId: e.entityId,
    field: e.field ?? 'status',
    fromStatus: e.from,
    toStatus: e.to,
    note: e.note ?? null,
    data: e.data ?? null,
    actorId: e.actor?.userId ?? null,
    actorName: e.actor?.displayName ?? 'system',
  });
}

export async function statusHistory(db: Queryable, consortiumId: string, entity: Entity, entityId: string) {
  const rows = await db
    .select()
    .from(statusEvents)
    .where(
      and(
        eq(statusEvents.consortiumId, consortiumId),
        eq(statusEvents.entity, entity),
        eq(statusEvents.entityId, entityId),
      ),
    )
    .orderBy(statusEvents.at, statusEvents.id);
  return rows.map((r) => ({
    field: r.field,
    from: r.fromStatus,
    to: r.toStatus,
    note: r.note,
    data: r.data as Record<string, unknown> | null,
    actorName: r.actorName,
    at: r.at.toISOString(),
  }));
}

type CodeKind = 'major' | 'industry' | 'occupation' | 'region';
const kindLabels: Record<CodeKind, { en: string; zh: string }> = {
  major: { en: 'the current major catalog (专业目录)', zh: '当前专业目录' },
  industry: { en: 'GB/T 4754', zh: '国民经济行业分类（GB/T 4754）' },
  occupation: { en: 'the occupation catalog (职业分类大典)', zh: '职业分类大典' },
  region: { en: 'the region catalog (GB/T 2260)', zh: '行政区划代码（GB/T 2260）' },
};

/**
 * Reference codes checked against the current catalogs: a code is refused when the catalog has its
 * level loaded and not the code (a level not yet imported cannot refuse anything; see decision 011).
 */
export async function checkCodes(
  db: Queryable,
  checks: { path: string; kind: CodeKind; code: string | null | undefined }[],
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const byKind = new Map<CodeKind, string[]>();
  for (const c of checks) if (c.code) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c.code]);
  const statuses = new Map<CodeKind, Map<string, string>>();
  for (const [kind, codes] of byKind) statuses.set(kind, await codeStatuses(db, kind, codes));
  for (const c of checks) {
    if (!c.code) continue;
    if (statuses.get(c.kind)?.get(c.code) === 'unknown') {
      issues.push({
        path: c.path,
        code: `UNKNOWN_${c.kind.toUpperCase()}`,
        message: `${c.code} is not in ${kindLabels[c.kind].en}`,
      });
    }
  }
  return issues;
}

export function codeMessageZh(kind: CodeKind, code: string): string {
  return `代码 ${code} 不在${kindLabels[kind].zh}中`;
}

/** Users holding one of `roles` in a member unit (whom to notify about the unit's postings). */
export async function unitUserIds(
  db: Queryable,
  consortiumId: string,
  unitId: string,
  roles: string[],
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.consortiumId, consortiumId),
        eq(memberships.memberUnitId, unitId),
        inArray(memberships.roleCode, roles),
      ),
    );
  return rows.map((r) => r.userId);
}

export async function roleUserIds(db: Queryable, consortiumId: string, roles: string[]): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.consortiumId, consortiumId), inArray(memberships.roleCode, roles)));
  return rows.map((r) => r.userId);
}

export async function notify(
  db: Queryable,
  consortiumId: string,
  userIds: string[],
  n: { kind: string; title: string; body?: string; link?: string },
): Promise<void> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  await db.insert(notifications).values(
    ids.map((userId) => ({
      consortiumId,
      userId,
      kind: n.kind,
      title: n.title,
      body: n.body ?? null,
      link: n.link ?? null,
    })),
  );
}

const chinaDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
/** Today's date in China (deadlines are Chinese calendar days), YYYY-MM-DD. */
export function today(): string {
  return chinaDate.format(new Date());
}

/** Names of codes in the current catalog of a kind (codes not found are absent). */
export async function codeNames(
  db: Queryable,
  kind: CodeKind,
  codes: string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(codes.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const catalog = await refRepo.findCurrentCatalog(db, kind);
  if (!catalog) return new Map();
  return new Map((await refRepo.findEntries(db, catalog.id, unique)).map((e) => [e.code, e.name]));
}
