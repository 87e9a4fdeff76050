// The three lists: items owned by member units, reviewed and published by the secretariat, with their
// status history and the links to what answers them.
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.ts';
import { catalogEntries, catalogs, listItems, listLinks, memberUnits } from '../../db/schema/index.ts';
import { AppError, validationError, type FieldIssue } from '../../lib/errors.ts';
import type { Actor } from '../access/access.core.ts';
import type { AccessControl } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { listTransitions, nextStatus, techProgressNext, type ListAction } from './talent.core.ts';
import type { ListKind, ListStatus, TechProgress } from './talent.enums.ts';
import { checkCodes, recordStatus, statusHistory } from './talent.shared.ts';
import type { CreateListItemBody, ListItemsQuery, UpdateListItemBody } from './lists.schema.ts';
import { containsPattern } from '../../lib/like.ts';
import { getUnit } from '../consortium/consortium.service.ts';

export type ListItemRow = typeof listItems.$inferSelect;
type ItemWithUnit = ListItemRow & { unitName: string; linkCount: number };

export const kindFields: Record<ListKind, readonly (keyof UpdateListItemBody)[]> = {
  product: ['industryCode', 'chain', 'chainPosition', 'keyTechnologies', 'year'],
  tech: ['industryCode', 'field', 'expectedOutcome', 'budget', 'deadline'],
  talent: [
    'occupationCode',
    'majorCodes',
    'level',
    'headcount',
    'skills',
    'windowStart',
    'windowEnd',
    'regionCode',
    'location',
  ],
};
const commonFields = ['title', 'description'] as const;

export function presentItem(i: ItemWithUnit) {
  return {
    id: i.id,
    kind: i.kind,
    unitId: i.unitId,
    unitName: i.unitName,
    title: i.title,
    description: i.description,
    status: i.status,
    reviewNote: i.reviewNote,
    reviewedAt: i.reviewedAt?.toISOString() ?? null,
    publishedAt: i.publishedAt?.toISOString() ?? null,
    industryCode: i.industryCode,
    chain: i.chain,
    chainPosition: i.chainPosition,
    keyTechnologies: i.keyTechnologies,
    year: i.year,
    field: i.field,
    expectedOutcome: i.expectedOutcome,
    budget: i.budget,
    deadline: i.deadline,
    progress: i.progress,
    occupationCode: i.occupationCode,
    majorCodes: i.majorCodes,
    level: i.level,
    headcount: i.headcount,
    skills: i.skills,
    windowStart: i.windowStart,
    windowEnd: i.windowEnd,
    regionCode: i.regionCode,
    location: i.location,
    linkCount: i.linkCount,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

const linkCount = sql<number>`(select count(*)::int from ${listLinks} l
  where l.consortium_id = ${listItems.consortiumId} and l.item_id = ${listItems.id})`;

function selectItems(db: Queryable) {
  return db
    .select({ item: listItems, unitName: memberUnits.name, linkCount })
    .from(listItems)
    .innerJoin(
      memberUnits,
      and(eq(memberUnits.consortiumId, listItems.consortiumId), eq(memberUnits.id, listItems.unitId)),
    );
}

/** What the actor may see: reviewers everything, others what is published plus their own units' items. */
export async function visibility(access: AccessControl, actor: Actor, consortiumId: string) {
  await access.require(actor, 'list.read', { consortiumId });
  if (await access.can(actor, 'list.review', { consortiumId })) return { all: true, unitIds: [] as string[] };
  return { all: false, unitIds: await writableUnits(access, actor, consortiumId, 'list.write') };
}

/** The member units in which the actor holds `capability` (through unit-scoped memberships). */
export async function writableUnits(
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  capability: string,
): Promise<string[]> {
  const out: string[] = [];
  for (const m of actor.memberships) {
    if (m.consortiumId !== consortiumId || !m.memberUnitId || out.includes(m.memberUnitId)) continue;
    if (await access.can(actor, capability, { consortiumId, unitId: m.memberUnitId }))
      out.push(m.memberUnitId);
  }
  return out;
}

function visibleFilter(v: Awaited<ReturnType<typeof visibility>>): SQL | undefined {
  if (v.all) return undefined;
  const published = inArray(listItems.status, ['published', 'archived'] as ListStatus[]);
  return v.unitIds.length ? or(published, inArray(listItems.unitId, v.unitIds)) : published;
}

export function itemFilter(consortiumId: string, q: Omit<ListItemsQuery, 'page' | 'pageSize' | 'sort'>) {
  const where: SQL[] = [eq(listItems.consortiumId, consortiumId), eq(listItems.kind, q.kind)];
  if (q.status) where.push(eq(listItems.status, q.status));
  if (q.progress) where.push(eq(listItems.progress, q.progress));
  if (q.unitId) where.push(eq(listItems.unitId, q.unitId));
  if (q.q) where.push(ilike(listItems.title, containsPattern(q.q)));
  if (q.answered === 'yes') where.push(sql`${linkCount} > 0`);
  if (q.answered === 'no') where.push(sql`${linkCount} = 0`);
  if (q.majorCode) {
    // one of the item's majors and the code asked for lie on one line of the catalog's tree
    where.push(sql`exists (select 1 from unnest(${listItems.majorCodes}) m(code)
      where starts_with(m.code, ${q.majorCode}) or starts_with(${q.majorCode}, m.code))`);
  }
  if (q.industryCode) where.push(industryRelated(q.industryCode));
  return where;
}

/**
 * Items whose GB/T 4754 code lies on one line of the tree with `code`: digit codes by prefix; a 门类 letter
 * above its 大类 as the current industry catalog has them.
 */
function industryRelated(code: string): SQL {
  const col = listItems.industryCode;
  const sectionOf = (major: SQL) => sql`(select e.parent_code from ${catalogEntries} e
      join ${catalogs} c on c.id = e.catalog_id
     where c.kind = 'industry' and c.is_current and e.level = 2 and e.code = ${major})`;
  if (/^[A-Z]$/.test(code)) {
    return sql`(${col} = ${code} or (${col} ~ '^[0-9]' and ${sectionOf(sql`left(${col}, 2)`)} = ${code}))`;
  }
  return sql`(starts_with(${col}, ${code}) or starts_with(${code}, ${col})
    or (${col} ~ '^[A-Z]$' and ${col} = ${sectionOf(sql`${code.slice(0, 2)}`)}))`;
}

const sortColumns = {
  updatedAt: listItems.updatedAt,
  title: listItems.title,
  createdAt: listItems.createdAt,
};

export async function listItemsPage(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  q: ListItemsQuery,
) {
  const v = await visibility(access, actor, consortiumId);
  const restricted = visibleFilter(v);
  const where = and(...itemFilter(consortiumId, q), ...(restricted ? [restricted] : []));
  const desc_ = q.sort.startsWith('-');
  const col = sortColumns[q.sort.replace(/^-/, '') as keyof typeof sortColumns];
  const [rows, [count]] = await Promise.all([
    selectItems(db)
      .where(where)
      .orderBy(desc_ ? desc(col) : asc(col), asc(listItems.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(listItems)
      .where(where),
  ]);
  return {
    items: rows.map((r) => presentItem({ ...r.item, unitName: r.unitName, linkCount: r.linkCount })),
    page: q.page,
    pageSize: q.pageSize,
    total: count?.n ?? 0,
  };
}

/** Every item the filter selects (exports), in the same visibility. */
export async function allItems(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  q: Omit<ListItemsQuery, 'page' | 'pageSize' | 'sort'>,
) {
  const v = await visibility(access, actor, consortiumId);
  const restricted = visibleFilter(v);
  const rows = await selectItems(db)
    .where(and(...itemFilter(consortiumId, q), ...(restricted ? [restricted] : [])))
    .orderBy(asc(memberUnits.name), asc(listItems.title));
  return rows.map((r) => ({ ...r.item, unitName: r.unitName, linkCount: r.linkCount }));
}

async function loadItem(db: Queryable, consortiumId: string, itemId: string): Promise<ItemWithUnit> {
  const [r] = await selectItems(db).where(
    and(eq(listItems.consortiumId, consortiumId), eq(listItems.id, itemId)),
  );
  if (!r) throw new AppError('LIST_ITEM_NOT_FOUND', 'List item not found.');
  return { ...r.item, unitName: r.unitName, linkCount: r.linkCount };
}

async function rights(access: AccessControl, actor: Actor, item: ListItemRow) {
  const target = { consortiumId: item.consortiumId, unitId: item.unitId };
  const [canEdit, canReview] = await Promise.all([
    access.can(actor, 'list.write', target),
    access.can(actor, 'list.review', { consortiumId: item.consortiumId }),
  ]);
  return { canEdit, canReview };
}

/** An item the actor may see, else 404 (a draft of another unit does not exist for them). */
export async function getItem(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  itemId: string,
) {
  await access.require(actor, 'list.read', { consortiumId });
  const item = await loadItem(db, consortiumId, itemId);
  const r = await rights(access, actor, item);
  const visible = r.canReview || r.canEdit || item.status === 'published' || item.status === 'archived';
  if (!visible) throw new AppError('LIST_ITEM_NOT_FOUND', 'List item not found.');
  return { item, ...r };
}

export async function itemDetail(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  itemId: string,
) {
  const { item, canEdit, canReview } = await getItem(db, access, actor, consortiumId, itemId);
  const links = await db
    .select()
    .from(listLinks)
    .where(and(eq(listLinks.consortiumId, consortiumId), eq(listLinks.itemId, itemId)))
    .orderBy(asc(listLinks.createdAt));
  return {
    ...presentItem(item),
    links: links.map((l) => ({
      id: l.id,
      targetKind: l.targetKind,
      targetId: l.targetId,
      label: l.label,
      createdAt: l.createdAt.toISOString(),
    })),
    history: await statusHistory(db, consortiumId, 'list_item', itemId),
    canEdit,
    canReview,
  };
}

type ItemValues = Partial<Omit<ListItemRow, 'consortiumId' | 'id' | 'kind' | 'unitId'>>;

/** Rules beyond the shape: fields of another kind, date order, codes unknown to the catalogs. */
export async function itemIssues(
  db: Queryable,
  kind: ListKind,
  values: Record<string, unknown>,
  prefix = 'body',
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const allowed = new Set<string>([...commonFields, ...kindFields[kind], 'kind', 'unitId']);
  for (const [k, v] of Object.entries(values)) {
    if (v !== undefined && !allowed.has(k)) {
      issues.push({
        path: `${prefix}.${k}`,
        code: 'NOT_OF_KIND',
        message: `${k} is not a field of a ${kind} item`,
      });
    }
  }
  if (kind === 'talent') {
    const s = values.windowStart as string | null | undefined;
    const e = values.windowEnd as string | null | undefined;
    if (s && e && e < s) {
      issues.push({
        path: `${prefix}.windowEnd`,
        code: 'DATE_ORDER',
        message: 'the window ends before it starts',
      });
    }
  }
  issues.push(
    ...(await checkCodes(db, [
      { path: `${prefix}.industryCode`, kind: 'industry', code: values.industryCode as string | undefined },
      {
        path: `${prefix}.occupationCode`,
        kind: 'occupation',
        code: values.occupationCode as string | undefined,
      },
      { path: `${prefix}.regionCode`, kind: 'region', code: values.regionCode as string | undefined },
      ...((values.majorCodes as string[] | undefined) ?? []).map((code, i) => ({
        path: `${prefix}.majorCodes.${i}`,
        kind: 'major' as const,
        code,
      })),
    ])),
  );
  return issues;
}

export async function createItem(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  body: CreateListItemBody,
  requestId?: string,
) {
  await access.require(actor, 'list.write', { consortiumId, unitId: body.unitId });
  await getUnit(db, consortiumId, body.unitId);
  const issues = await itemIssues(db, body.kind, body);
  if (issues.length) throw validationError(issues);
  const { kind, unitId, ...fields } = body;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(listItems)
      .values({
        consortiumId,
        kind,
        unitId,
        ...(fields as ItemValues),
        title: fields.title,
        progress: kind === 'tech' ? 'collecting' : null,
        createdBy: actor.userId,
      })
      .returning();
    const item = await loadItem(tx, consortiumId, row!.id);
    await recordStatus(tx, {
      consortiumId,
      actor,
      entity: 'list_item',
      entityId: item.id,
      from: null,
      to: 'draft',
    });
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'list_item',
      entityId: item.id,
      action: 'create',
      after: presentItem(item),
      requestId,
    });
    return item;
  });
}

export async function updateItem(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  itemId: string,
  patch: UpdateListItemBody,
  requestId?: string,
) {
  const { item, canEdit, canReview } = await getItem(db, access, actor, consortiumId, itemId);
  if (!canEdit && !canReview) {
    throw new AppError('FORBIDDEN', 'You do not have the permission list.write for this unit.', {
      capability: 'list.write',
    });
  }
  if (item.status === 'archived') {
    throw new AppError('INVALID_TRANSITION', 'Reopen an archived item before editing it.');
  }
  const issues = await itemIssues(db, item.kind, patch);
  if (item.kind === 'talent' && patch.headcount === null) {
    issues.push({ path: 'body.headcount', code: 'REQUIRED', message: 'a talent demand needs a headcount' });
  }
  const merged = { ...item, ...patch };
  if (
    item.kind === 'talent' &&
    merged.windowStart &&
    merged.windowEnd &&
    merged.windowEnd < merged.windowStart
  ) {
    issues.push({ path: 'body.windowEnd', code: 'DATE_ORDER', message: 'the window ends before it starts' });
  }
  if (issues.length) throw validationError(issues);
  // a published item changed by its owner goes back to the secretariat
  const reReview = item.status === 'published' && !canReview;
  return db.transaction(async (tx) => {
    await tx
      .update(listItems)
      .set({
        ...(patch as ItemValues),
        ...(reReview ? { status: 'submitted' as const } : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(listItems.consortiumId, consortiumId), eq(listItems.id, itemId)));
    if (reReview) {
      await recordStatus(tx, {
        consortiumId,
        actor,
        entity: 'list_item',
        entityId: itemId,
        from: 'published',
        to: 'submitted',
        note: '发布后修改，重新提交审核',
      });
    }
    const after = await loadItem(tx, consortiumId, itemId);
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'list_item',
      entityId: itemId,
      action: 'update',
      before: presentItem(item),
      after: presentItem(after),
      requestId,
    });
    return after;
  });
}

export async function actOnItem(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  itemId: string,
  action: ListAction,
  note: string | undefined,
  requestId?: string,
) {
  const { item, canEdit, canReview } = await getItem(db, access, actor, consortiumId, itemId);
  const rule = listTransitions[action];
  const allowed = rule.by === 'reviewer' ? canReview : canEdit || canReview;
  if (!allowed) {
    const capability = rule.by === 'reviewer' ? 'list.review' : 'list.write';
    throw new AppError('FORBIDDEN', `You do not have the permission ${capability} here.`, { capability });
  }
  const to = nextStatus(listTransitions, action, item.status);
  if (!to) {
    throw new AppError('INVALID_TRANSITION', `An item that is ${item.status} cannot be ${action}ed.`, {
      from: item.status,
      action,
    });
  }
  if (action === 'return' && !note) {
    throw validationError([{ path: 'body.note', code: 'REQUIRED', message: 'say why the item is returned' }]);
  }
  return db.transaction(async (tx) => {
    const now = new Date();
    await tx
      .update(listItems)
      .set({
        status: to,
        updatedAt: now,
        ...(rule.by === 'reviewer'
          ? { reviewedBy: actor.userId, reviewedAt: now, reviewNote: note ?? null }
          : {}),
        ...(to === 'published' ? { publishedAt: now } : {}),
      })
      .where(and(eq(listItems.consortiumId, consortiumId), eq(listItems.id, itemId)));
    await recordStatus(tx, {
      consortiumId,
      actor,
      entity: 'list_item',
      entityId: itemId,
      from: item.status,
      to,
      note,
    });
    const after = await loadItem(tx, consortiumId, itemId);
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'list_item',
      entityId: itemId,
      action,
      before: presentItem(item),
      after: presentItem(after),
      requestId,
    });
    return after;
  });
}

export async function setProgress(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  itemId: string,
  progress: TechProgress,
  note: string | undefined,
  requestId?: string,
) {
  const { item, canEdit, canReview } = await getItem(db, access, actor, consortiumId, itemId);
  if (!canEdit && !canReview) {
    throw new AppError('FORBIDDEN', 'You do not have the permission list.write here.', {
      capability: 'list.write',
    });
  }
  if (item.kind !== 'tech' || item.progress === null) {
    throw validationError([
      { path: 'body.progress', code: 'NOT_OF_KIND', message: 'only technology demands have progress' },
    ]);
  }
  if (item.status !== 'published') {
    throw new AppError('INVALID_TRANSITION', 'Only a published technology demand moves on.', {
      status: item.status,
    });
  }
  if (!techProgressNext[item.progress].includes(progress)) {
    throw new AppError(
      'INVALID_TRANSITION',
      `A demand that is ${item.progress} cannot move to ${progress}.`,
      {
        from: item.progress,
        to: progress,
        allowed: techProgressNext[item.progress],
      },
    );
  }
  return db.transaction(async (tx) => {
    await tx
      .update(listItems)
      .set({ progress, updatedAt: new Date() })
      .where(and(eq(listItems.consortiumId, consortiumId), eq(listItems.id, itemId)));
    await recordStatus(tx, {
      consortiumId,
      actor,
      entity: 'list_item',
      entityId: itemId,
      field: 'progress',
      from: item.progress,
      to: progress,
      note,
    });
    const after = await loadItem(tx, consortiumId, itemId);
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'list_item',
      entityId: itemId,
      action: 'progress',
      before: presentItem(item),
      after: presentItem(after),
      requestId,
    });
    return after;
  });
}

/** Links an item to what answers it; used by the API and by other modules (a posting, a programme…). */
export async function insertLink(
  db: Queryable,
  actor: Pick<Actor, 'userId' | 'displayName'>,
  consortiumId: string,
  itemId: string,
  link: { targetKind: (typeof listLinks.$inferInsert)['targetKind']; targetId: string; label: string },
  requestId?: string,
) {
  const [row] = await db
    .insert(listLinks)
    .values({ consortiumId, itemId, ...link, createdBy: actor.userId })
    .onConflictDoNothing()
    .returning();
  if (row) {
    await recordAudit(db, {
      consortiumId,
      actor,
      entity: 'list_item',
      entityId: itemId,
      action: 'link',
      after: { targetKind: row.targetKind, targetId: row.targetId, label: row.label },
      requestId,
    });
  }
  return row;
}

export async function addLink(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  itemId: string,
  link: Parameters<typeof insertLink>[4],
  requestId?: string,
) {
  const { canEdit, canReview } = await getItem(db, access, actor, consortiumId, itemId);
  if (!canEdit && !canReview) {
    throw new AppError('FORBIDDEN', 'You do not have the permission list.write here.', {
      capability: 'list.write',
    });
  }
  return db.transaction(async (tx) => {
    const row = await insertLink(tx, actor, consortiumId, itemId, link, requestId);
    if (!row) throw new AppError('CONFLICT', 'This link exists already.');
    return row;
  });
}

export async function removeLink(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  itemId: string,
  linkId: string,
  requestId?: string,
) {
  const { canEdit, canReview } = await getItem(db, access, actor, consortiumId, itemId);
  if (!canEdit && !canReview) {
    throw new AppError('FORBIDDEN', 'You do not have the permission list.write here.', {
      capability: 'list.write',
    });
  }
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(listLinks)
      .where(
        and(eq(listLinks.consortiumId, consortiumId), eq(listLinks.itemId, itemId), eq(listLinks.id, linkId)),
      )
      .returning();
    if (!row) throw new AppError('NOT_FOUND', 'Link not found.');
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'list_item',
      entityId: itemId,
      action: 'unlink',
      before: { targetKind: row.targetKind, targetId: row.targetId, label: row.label },
      requestId,
    });
  });
}
