// Job and internship postings: created by member enterprises, vetted by the secretariat before anyone
// else sees them, searched in Chinese, closed at their deadline.
import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.ts';
import {
  applications,
  candidates,
  listItems,
  memberUnits,
  postings,
  statusEvents,
} from '../../db/schema/index.ts';
import { AppError, validationError, type FieldIssue } from '../../lib/errors.ts';
import type { Actor } from '../access/access.core.ts';
import type { AccessControl } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { insertLink, writableUnits } from './lists.service.ts';
import type { EducationLevel } from './talent.enums.ts';
import type { CreatePostingBody, PostingListQuery, UpdatePostingBody } from './postings.schema.ts';
import { gramsOf, normaliseSearchText, queryPieces, wordLookup } from './search.ts';
import {
  isCurrentMember,
  nextStatus,
  postingTransitions,
  postingUnitTypes,
  type PostingAction,
} from './talent.core.ts';
import {
  checkCodes,
  notify,
  recordStatus,
  roleUserIds,
  statusHistory,
  today,
  unitUserIds,
} from './talent.shared.ts';
import { containsPattern } from '../../lib/like.ts';
import { getUnit } from '../consortium/consortium.service.ts';

export type PostingRow = typeof postings.$inferSelect;
type PostingWithUnit = PostingRow & { unitName: string; applicationCount: number };

export function presentPosting(p: PostingWithUnit, showCounts: boolean) {
  return {
    id: p.id,
    unitId: p.unitId,
    unitName: p.unitName,
    kind: p.kind,
    title: p.title,
    occupationCode: p.occupationCode,
    majorCodes: p.majorCodes,
    levels: p.levels as EducationLevel[],
    headcount: p.headcount,
    staffCount: p.staffCount,
    districtCode: p.districtCode,
    payMin: p.payMin,
    payMax: p.payMax,
    hours: p.hours,
    requirements: p.requirements,
    skills: p.skills,
    deadline: p.deadline,
    status: p.status,
    rejectReason: p.rejectReason,
    vettedAt: p.vettedAt?.toISOString() ?? null,
    talentDemandId: p.talentDemandId,
    applicationCount: showCounts ? p.applicationCount : null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** The text the search reads, and its grams. */
export function searchFields(p: { title: string; requirements?: string | null; skills?: string[] }) {
  const text = normaliseSearchText([p.title, p.requirements ?? '', ...(p.skills ?? [])].join(' '));
  return { searchText: text, searchGrams: gramsOf(text) };
}

const applicationCount = sql<number>`(select count(*)::int from ${applications} a
  where a.consortium_id = ${postings.consortiumId} and a.posting_id = ${postings.id})`;

function selectPostings(db: Queryable) {
  return db
    .select({ posting: postings, unitName: memberUnits.name, applicationCount })
    .from(postings)
    .innerJoin(
      memberUnits,
      and(eq(memberUnits.consortiumId, postings.consortiumId), eq(memberUnits.id, postings.unitId)),
    );
}

type Viewer = { vetter: boolean; ownUnits: string[] };

async function viewer(access: AccessControl, actor: Actor, consortiumId: string): Promise<Viewer> {
  await access.require(actor, 'posting.read', { consortiumId });
  const vetter = await access.can(actor, 'posting.vet', { consortiumId });
  return {
    vetter,
    ownUnits: vetter ? [] : await writableUnits(access, actor, consortiumId, 'posting.write'),
  };
}

/** Postings others may see: published, or closed after having been published. */
const publicPosting = or(
  eq(postings.status, 'published'),
  and(eq(postings.status, 'closed'), isNotNull(postings.vettedAt)),
)!;

function visibleTo(v: Viewer): SQL | undefined {
  if (v.vetter) return undefined;
  return v.ownUnits.length ? or(publicPosting, inArray(postings.unitId, v.ownUnits)) : publicPosting;
}

/** The search condition: each piece of the query occurs whole, or all of its words occur. */
export function searchCondition(q: string): SQL | undefined {
  const pieces = queryPieces(q);
  if (pieces.length === 0) return undefined;
  const word = (w: string): SQL => {
    const lookup = wordLookup(w);
    return lookup.kind === 'gram'
      ? sql`${postings.searchGrams} @> ARRAY[${lookup.gram}]::text[]`
      : ilike(postings.searchText, containsPattern(w));
  };
  return and(
    ...pieces.map((p) => {
      const whole =
        [...p.whole].length <= 2 ? word(p.whole) : ilike(postings.searchText, containsPattern(p.whole));
      return p.words.length > 1 ? or(whole, and(...p.words.map(word))) : whole;
    }),
  );
}

function postingFilter(consortiumId: string, q: Partial<PostingListQuery>, v: Viewer): SQL[] {
  const where: SQL[] = [eq(postings.consortiumId, consortiumId)];
  const visible = visibleTo(v);
  if (visible) where.push(visible);
  if (q.mine) where.push(v.vetter && !v.ownUnits.length ? sql`false` : inArray(postings.unitId, v.ownUnits));
  if (q.kind) where.push(eq(postings.kind, q.kind));
  if (q.status) where.push(eq(postings.status, q.status));
  if (q.unitId) where.push(eq(postings.unitId, q.unitId));
  if (q.level) where.push(sql`(${postings.levels} = '{}' or ${q.level} = any(${postings.levels}))`);
  if (q.majorCode) {
    where.push(
      sql`(${postings.majorCodes} = '{}' or exists (select 1 from unnest(${postings.majorCodes}) m(code)
        where ${q.majorCode} like m.code || '%'))`,
    );
  }
  if (q.district) where.push(sql`${postings.districtCode} like ${`${q.district.replace(/(00)+$/, '')}%`}`);
  if (q.payFrom !== undefined)
    where.push(gte(sql`coalesce(${postings.payMax}, ${postings.payMin})`, q.payFrom));
  if (q.open === true) where.push(and(eq(postings.status, 'published'), gte(postings.deadline, today()))!);
  if (q.q) {
    const cond = searchCondition(q.q);
    if (cond) where.push(cond);
  }
  return where;
}

export async function listPostings(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  q: PostingListQuery,
) {
  const v = await viewer(access, actor, consortiumId);
  const where = and(...postingFilter(consortiumId, q, v));
  const field = q.sort.replace(/^-/, '');
  const dir = q.sort.startsWith('-') ? desc : asc;
  const order: SQL[] =
    field === 'relevance' && q.q
      ? [
          sql`(${postings.searchText} ilike ${containsPattern(normaliseSearchText(q.q))}) desc`,
          sql`similarity(${postings.searchText}, ${normaliseSearchText(q.q)}) desc`,
          desc(postings.createdAt),
        ]
      : field === 'deadline'
        ? [dir(postings.deadline)]
        : field === 'payMax'
          ? [sql`${postings.payMax} ${q.sort.startsWith('-') ? sql`desc nulls last` : sql`asc nulls first`}`]
          : [dir(postings.createdAt)];
  const [rows, [count]] = await Promise.all([
    selectPostings(db)
      .where(where)
      .orderBy(...order, asc(postings.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(postings)
      .where(where),
  ]);
  return {
    items: rows.map((r) =>
      presentPosting(
        { ...r.posting, unitName: r.unitName, applicationCount: r.applicationCount },
        v.vetter || v.ownUnits.includes(r.posting.unitId),
      ),
    ),
    page: q.page,
    pageSize: q.pageSize,
    total: count?.n ?? 0,
  };
}

export async function allPostings(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  q: Partial<PostingListQuery>,
) {
  const v = await viewer(access, actor, consortiumId);
  const rows = await selectPostings(db)
    .where(and(...postingFilter(consortiumId, q, v)))
    .orderBy(desc(postings.createdAt));
  return rows.map((r) => ({ ...r.posting, unitName: r.unitName, applicationCount: r.applicationCount }));
}

async function loadPosting(db: Queryable, consortiumId: string, postingId: string): Promise<PostingWithUnit> {
  const [r] = await selectPostings(db).where(
    and(eq(postings.consortiumId, consortiumId), eq(postings.id, postingId)),
  );
  if (!r) throw new AppError('POSTING_NOT_FOUND', 'Posting not found.');
  return { ...r.posting, unitName: r.unitName, applicationCount: r.applicationCount };
}

/** A posting the actor may see (else 404), with what they may do to it. */
export async function getPosting(
  db: Queryable,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  postingId: string,
) {
  await access.require(actor, 'posting.read', { consortiumId });
  const p = await loadPosting(db, consortiumId, postingId);
  const [canEdit, canVet] = await Promise.all([
    access.can(actor, 'posting.write', { consortiumId, unitId: p.unitId }),
    access.can(actor, 'posting.vet', { consortiumId }),
  ]);
  const isPublic = p.status === 'published' || (p.status === 'closed' && p.vettedAt !== null);
  if (!isPublic && !canEdit && !canVet) throw new AppError('POSTING_NOT_FOUND', 'Posting not found.');
  return { posting: p, canEdit, canVet };
}

export async function postingDetail(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  postingId: string,
) {
  const { posting, canEdit, canVet } = await getPosting(db, access, actor, consortiumId, postingId);
  const [mine] = await db
    .select({ id: applications.id })
    .from(applications)
    .innerJoin(
      candidates,
      and(
        eq(candidates.consortiumId, applications.consortiumId),
        eq(candidates.id, applications.candidateId),
      ),
    )
    .where(
      and(
        eq(applications.consortiumId, consortiumId),
        eq(applications.postingId, postingId),
        eq(candidates.userId, actor.userId),
      ),
    );
  return {
    ...presentPosting(posting, canEdit || canVet),
    history: canEdit || canVet ? await statusHistory(db, consortiumId, 'posting', postingId) : [],
    canEdit,
    canVet,
    myApplicationId: mine?.id ?? null,
  };
}

type PostingFields = Omit<UpdatePostingBody, 'kind'> & { kind?: PostingRow['kind'] };

async function postingIssues(
  db: Queryable,
  consortiumId: string,
  unitId: string,
  p: PostingFields & { deadline?: string },
  checkDeadline: boolean,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (p.payMin != null && p.payMax != null && p.payMax < p.payMin) {
    issues.push({ path: 'body.payMax', code: 'PAY_ORDER', message: 'the pay range ends below its start' });
  }
  if (checkDeadline && p.deadline && p.deadline < today()) {
    issues.push({ path: 'body.deadline', code: 'IN_PAST', message: 'the deadline has passed already' });
  }
  if (p.talentDemandId) {
    const [item] = await db
      .select()
      .from(listItems)
      .where(and(eq(listItems.consortiumId, consortiumId), eq(listItems.id, p.talentDemandId)));
    if (!item || item.kind !== 'talent') {
      issues.push({
        path: 'body.talentDemandId',
        code: 'NOT_A_TALENT_DEMAND',
        message: 'no such talent-demand item',
      });
    } else if (item.unitId !== unitId) {
      issues.push({
        path: 'body.talentDemandId',
        code: 'OTHER_UNIT',
        message: 'a posting answers a talent demand of its own enterprise',
      });
    }
  }
  issues.push(
    ...(await checkCodes(db, [
      { path: 'body.occupationCode', kind: 'occupation', code: p.occupationCode },
      { path: 'body.districtCode', kind: 'region', code: p.districtCode },
      ...(p.majorCodes ?? []).map((code, i) => ({
        path: `body.majorCodes.${i}`,
        kind: 'major' as const,
        code,
      })),
    ])),
  );
  return issues;
}

async function linkDemand(tx: Queryable, actor: Actor, p: PostingRow, requestId?: string) {
  if (!p.talentDemandId) return;
  await insertLink(
    tx,
    actor,
    p.consortiumId,
    p.talentDemandId,
    { targetKind: 'posting', targetId: p.id, label: p.title },
    requestId,
  );
}

export async function createPosting(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  body: CreatePostingBody,
  requestId?: string,
) {
  await access.require(actor, 'posting.read', { consortiumId });
  const unit = await getUnit(db, consortiumId, body.unitId);
  await access.require(actor, 'posting.write', { consortiumId, unitId: body.unitId });
  if (!(postingUnitTypes as readonly string[]).includes(unit.type) || !isCurrentMember(unit, today())) {
    throw new AppError('FORBIDDEN', 'Only current member enterprises of the consortium may post.', {
      issues: [
        {
          path: 'body.unitId',
          code: 'NOT_MEMBER_ENTERPRISE',
          message: `${unit.name} is not a current member enterprise`,
        },
      ],
    });
  }
  const { submit, unitId, ...fields } = body;
  const issues = await postingIssues(db, consortiumId, unitId, fields, true);
  if (issues.length) throw validationError(issues);
  const status = submit ? ('pending' as const) : ('draft' as const);
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(postings)
      .values({ consortiumId, unitId, ...fields, ...searchFields(fields), status, createdBy: actor.userId })
      .returning();
    await recordStatus(tx, {
      consortiumId,
      actor,
      entity: 'posting',
      entityId: row!.id,
      from: null,
      to: status,
    });
    await linkDemand(tx, actor, row!, requestId);
    if (submit) await notifyVetters(tx, consortiumId, row!);
    const p = await loadPosting(tx, consortiumId, row!.id);
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'posting',
      entityId: p.id,
      action: 'create',
      after: presentPosting(p, true),
      requestId,
    });
    return p;
  });
  return created;
}

async function notifyVetters(tx: Queryable, consortiumId: string, p: PostingRow) {
  await notify(tx, consortiumId, await roleUserIds(tx, consortiumId, ['secretariat']), {
    kind: 'posting.pending',
    title: `岗位待审核：${p.title}`,
    link: `/postings/${p.id}`,
  });
}

export async function updatePosting(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  postingId: string,
  patch: UpdatePostingBody,
  requestId?: string,
) {
  const { posting: before, canEdit } = await getPosting(db, access, actor, consortiumId, postingId);
  if (!canEdit) {
    throw new AppError('FORBIDDEN', 'Only the posting enterprise edits its postings.', {
      capability: 'posting.write',
    });
  }
  if (before.status === 'closed')
    throw new AppError('INVALID_TRANSITION', 'Reopen a closed posting before editing it.');
  const merged = { ...before, ...patch };
  const issues = await postingIssues(
    db,
    consortiumId,
    before.unitId,
    { ...patch, payMin: merged.payMin, payMax: merged.payMax },
    patch.deadline !== undefined,
  );
  if (issues.length) throw validationError(issues);
  // what students see has been vetted: a change to a published posting is vetted again
  const revet = before.status === 'published';
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(postings)
      .set({
        ...patch,
        ...searchFields(merged),
        ...(revet ? { status: 'pending' as const } : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(postings.consortiumId, consortiumId), eq(postings.id, postingId)))
      .returning();
    if (revet) {
      await recordStatus(tx, {
        consortiumId,
        actor,
        entity: 'posting',
        entityId: postingId,
        from: 'published',
        to: 'pending',
        note: '修改后重新审核',
      });
      await notifyVetters(tx, consortiumId, row!);
    }
    if (patch.talentDemandId && patch.talentDemandId !== before.talentDemandId)
      await linkDemand(tx, actor, row!, requestId);
    const after = await loadPosting(tx, consortiumId, postingId);
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'posting',
      entityId: postingId,
      action: 'update',
      before: presentPosting(before, true),
      after: presentPosting(after, true),
      requestId,
    });
    return after;
  });
}

export async function actOnPosting(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  postingId: string,
  action: PostingAction,
  reason: string | undefined,
  requestId?: string,
) {
  const { posting: before, canEdit, canVet } = await getPosting(db, access, actor, consortiumId, postingId);
  const rule = postingTransitions[action];
  if (rule.by === 'vetter' ? !canVet : !canEdit) {
    const capability = rule.by === 'vetter' ? 'posting.vet' : 'posting.write';
    throw new AppError('FORBIDDEN', `You do not have the permission ${capability} here.`, { capability });
  }
  const to = nextStatus(postingTransitions, action, before.status);
  if (!to) {
    throw new AppError('INVALID_TRANSITION', `A posting that is ${before.status} cannot be ${action}d.`, {
      from: before.status,
      action,
    });
  }
  if (action === 'reject' && !reason) {
    throw validationError([
      { path: 'body.reason', code: 'REQUIRED', message: 'say why the posting is rejected' },
    ]);
  }
  if ((action === 'approve' || action === 'submit') && before.deadline < today()) {
    throw validationError([
      { path: 'body.action', code: 'DEADLINE_PASSED', message: 'the deadline has passed: change it first' },
    ]);
  }
  return db.transaction(async (tx) => {
    const now = new Date();
    await tx
      .update(postings)
      .set({
        status: to,
        updatedAt: now,
        ...(action === 'approve' ? { vettedBy: actor.userId, vettedAt: now, rejectReason: null } : {}),
        ...(action === 'reject'
          ? { vettedBy: actor.userId, vettedAt: null, rejectReason: reason ?? null }
          : {}),
        ...(action === 'close' ? { closedAt: now } : {}),
        ...(action === 'reopen' ? { closedAt: null, vettedAt: null } : {}),
      })
      .where(and(eq(postings.consortiumId, consortiumId), eq(postings.id, postingId)));
    await recordStatus(tx, {
      consortiumId,
      actor,
      entity: 'posting',
      entityId: postingId,
      from: before.status,
      to,
      note: reason,
    });
    if (action === 'submit') await notifyVetters(tx, consortiumId, before);
    if (action === 'approve' || action === 'reject') {
      await notify(tx, consortiumId, await unitUserIds(tx, consortiumId, before.unitId, ['unit_admin']), {
        kind: `posting.${action}d`,
        title: action === 'approve' ? `岗位已通过审核：${before.title}` : `岗位未通过审核：${before.title}`,
        ...(reason ? { body: reason } : {}),
        link: `/postings/${postingId}`,
      });
    }
    const after = await loadPosting(tx, consortiumId, postingId);
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'posting',
      entityId: postingId,
      action,
      before: presentPosting(before, true),
      after: presentPosting(after, true),
      requestId,
    });
    return after;
  });
}

/** Closes every published posting whose deadline has passed (run at start and every hour). */
export async function closeExpiredPostings(db: Db, on: string = today()): Promise<number> {
  return db.transaction(async (tx) => {
    const closed = await tx
      .update(postings)
      .set({ status: 'closed', closedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(postings.status, 'published'), lt(postings.deadline, on)))
      .returning({ consortiumId: postings.consortiumId, id: postings.id });
    if (closed.length) {
      await tx.insert(statusEvents).values(
        closed.map((c) => ({
          consortiumId: c.consortiumId,
          entity: 'posting' as const,
          entityId: c.id,
          fromStatus: 'published',
          toStatus: 'closed',
          note: '已过截止日期，自动关闭',
          actorName: 'system',
        })),
      );
    }
    return closed.length;
  });
}
